import type { CasualtyLine } from "@/lib/data/incident-detail.ts";
import { SourceCite } from "@/components/sources/source-cite.tsx";
import { sourceAnchor } from "@/components/sources/source-list.tsx";
import { quoted } from "@/components/sources/quote.tsx";
import { formatFigure, lineLabel, lineVerdict, statusLabel } from "./figure.ts";
import styles from "./incident.module.css";

/** Every source's figure for each outcome and victim group, under the figure the charts count. */
export function CasualtyTable({ lines }: { lines: CasualtyLine[] }) {
  if (!lines.length) return <p>No source gives a casualty figure: every figure is unknown.</p>;
  return (
    <div className="table-wrap" tabIndex={0}>
      <table className={styles.casualties}>
        <caption className="muted" style={{ textAlign: "left", padding: "0.5rem 0.65rem" }}>
          Casualty figures by source. The best figure (marked “best”) is the latest current account’s; the range spans the current
          accounts. Figures marked “preliminary” or “superseded” are kept with the reason; “not counted” ones (a group’s boast, a
          contradicted report) are left out of every figure.
        </caption>
        <thead>
          <tr><th scope="col">Figure</th><th scope="col">Source</th><th scope="col">Quote</th></tr>
        </thead>
        {lines.map((l) => (
          <tbody key={`${l.outcome}-${l.victimGroup}`}>
            <tr>
              <th scope="rowgroup" colSpan={3}>
                {lineLabel(l)}: <span className={l.disagree ? styles.verdictDisagree : styles.verdict}>{lineVerdict(l)}</span>
              </th>
            </tr>
            {l.figures.map((f) => (
              <tr key={f.id} className={statusLabel(f) ? styles.uncounted : undefined} data-status={statusLabel(f) ?? (f.best ? "best" : "current")}>
                <td data-label="Figure" className="num" style={{ whiteSpace: "nowrap" }}>
                  {formatFigure(f)}
                  {f.best && <span className={styles.best}>best</span>}
                  {statusLabel(f) && <span className={styles.notCounted}>{statusLabel(f)}</span>}
                </td>
                <td data-label="Source"><SourceCite source={f.source} href={`#${sourceAnchor(f.source.id)}`} /></td>
                <td data-label="Quote" className={styles.quoteCell}>
                  {f.quote ? quoted(f.quote) : <span className="muted">no quote recorded</span>}
                  {f.note && <div className="muted" style={{ fontSize: "0.85rem" }}>Note: {f.note}</div>}
                  {f.statusReason && <div className="muted" style={{ fontSize: "0.85rem" }}>Why {f.status}: {f.statusReason}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
