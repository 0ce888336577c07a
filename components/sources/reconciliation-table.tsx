import Link from "next/link";
import type { Reconciliation } from "@/lib/data/reconciliation.ts";
import { incidentsHref } from "@/lib/links.ts";
import { formatIncidentDate } from "@/lib/format.ts";
import { FIGURE_METRICS, FIGURE_QUALIFIERS, FIGURE_SCOPES, FIGURE_VICTIMS, PROVINCES } from "@/lib/vocab.ts";
import { SourceCite } from "./source-cite.tsx";
import styles from "./reconciliation.module.css";

type Figure = Reconciliation["figure"];

/** "more than 21 killed: Chinese nationals", "14 attacks". */
function reported(f: Figure): string {
  const qualifier = f.qualifier === "exact" ? "" : `${FIGURE_QUALIFIERS[f.qualifier]} `;
  const who = f.victims && f.metric !== "incidents" ? `: ${FIGURE_VICTIMS[f.victims]}` : "";
  return `${qualifier}${f.value.toLocaleString("en-GB")} ${FIGURE_METRICS[f.metric].toLowerCase()}${who}`;
}

function period(f: Figure): string {
  if (!f.periodStart && !f.periodEnd) return "no period";
  const day = (d: Date | null) => (d ? formatIncidentDate(d, "day") : "…");
  return `${day(f.periodStart)} – ${day(f.periodEnd)}`;
}

/** Does our number fit the reported one, given its qualifier ("more than 21", "about 2,500")? */
export function consistent(f: Pick<Figure, "qualifier" | "value">, ours: number): boolean {
  switch (f.qualifier) {
    case "more_than": return ours > f.value;
    case "at_least": return ours >= f.value;
    case "approximately": return Math.abs(ours - f.value) <= Math.max(1, Math.round(f.value * 0.1));
    default: return ours === f.value;
  }
}

function difference(r: Reconciliation): string {
  const ours = r.records.direct!;
  const d = ours - r.figure.value;
  if (consistent(r.figure, ours)) return d === 0 ? "Same figure" : `Consistent (${d > 0 ? "+" : ""}${d})`;
  return d > 0 ? `${d} more in our records` : `${-d} fewer in our records`;
}

export function ReconciliationTable({ rows }: { rows: Reconciliation[] }) {
  return (
    <div className="table-wrap" tabIndex={0}>
      <table className={styles.table}>
        <caption className="muted" style={{ textAlign: "left", padding: "0.5rem 0.65rem" }}>
          Aggregates stated by official bodies and researchers, beside what our incident records add up to for the same scope and period
        </caption>
        <thead>
          <tr>
            <th scope="col">Reported figure</th>
            <th scope="col">Scope and period</th>
            <th scope="col">Stated by, and where</th>
            <th scope="col" className="num">Our records</th>
            <th scope="col">Difference and explanation</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const f = r.figure;
            return (
              <tr key={f.id} id={`figure-${f.id}`}>
                <td data-label="Reported">
                  <strong className={styles.value}>{reported(f)}</strong>
                  <div className={styles.small}>{f.description}</div>
                </td>
                <td data-label="Scope">
                  {FIGURE_SCOPES[f.scope]}
                  {f.province && <>, {PROVINCES[f.province]}</>}
                  <div className={styles.small}>{period(f)}</div>
                </td>
                <td data-label="Source">
                  {f.statedBy && <div><strong>{f.statedBy}</strong></div>}
                  <blockquote className={styles.quote}>{f.quote}</blockquote>
                  <SourceCite source={f.source} />
                </td>
                <td data-label="Our records" className="num">
                  {r.comparable ? (
                    <>
                      <strong className={styles.value}>{r.records.direct}</strong>
                      <div className={styles.small}>direct links</div>
                      {r.records.all !== r.records.direct && <div className={styles.small}>{r.records.all} with weak links</div>}
                      {r.unknownCount > 0 && <div className={styles.small}>{r.unknownCount} incident{r.unknownCount === 1 ? "" : "s"} with the figure unknown</div>}
                      <div className={styles.small}><Link href={incidentsHref(r.scope)} aria-label={`Incidents in the scope of: ${f.description.slice(0, 80)}`}>see the incidents</Link></div>
                    </>
                  ) : (
                    <span className="muted">not comparable</span>
                  )}
                </td>
                <td data-label="Difference">
                  {r.comparable && <div className={consistent(f, r.records.direct!) ? styles.match : styles.differs}>{difference(r)}</div>}
                  {f.reconciliationNote
                    ? <div className={styles.small}>{f.reconciliationNote}</div>
                    : !r.comparable && <div className={styles.small}>Our records cover only attacks on Chinese nationals and interests.</div>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
