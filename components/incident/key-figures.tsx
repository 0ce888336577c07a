import type { IncidentDetail } from "@/lib/data/incident-detail.ts";
import { SourceCite } from "@/components/sources/source-cite.tsx";
import { sourceAnchor } from "@/components/sources/source-list.tsx";
import { formatCount } from "@/lib/format.ts";
import styles from "./incident.module.css";

// low/high: the incident's range columns (null where it has none: kidnapped and attackers show the best figure only).
const HEADLINES = [
  { key: "chineseKilled", low: "chineseKilledLow", high: "chineseKilledHigh", label: "Chinese killed" },
  { key: "chineseInjured", low: "chineseInjuredLow", high: "chineseInjuredHigh", label: "Chinese injured" },
  { key: "chineseKidnapped", low: null, high: null, label: "Chinese kidnapped" },
  { key: "totalKilled", low: "totalKilledLow", high: "totalKilledHigh", label: "All victims killed" },
  { key: "totalInjured", low: "totalInjuredLow", high: "totalInjuredHigh", label: "All victims injured" },
  { key: "attackersKilled", low: null, high: null, label: "Attackers killed" },
] as const;

/** The best figures, each with the low–high span of the current accounts where they differ. */
export function KeyFigures({ incident }: { incident: IncidentDetail }) {
  return (
    <>
      <ul className={styles.figures} aria-label="Best figures">
        {HEADLINES.map((h) => {
          const value = incident[h.key];
          // Kidnappings are rare: leave the tile out unless some source reports one.
          if (h.key === "chineseKidnapped" && value === null) return null;
          const low = h.low && incident[h.low];
          const high = h.high && incident[h.high];
          return (
            <li key={h.key} className={styles.figure} data-figure={h.key}>
              <span className={value === null ? styles.figureUnknown : styles.figureValue}>{formatCount(value)}</span>
              <span className={styles.figureLabel}>{h.label}</span>
              {low != null && high != null && low !== high && <span className={styles.figureRange}>range {low}–{high}</span>}
            </li>
          );
        })}
      </ul>
      {incident.totals.length > 0 && (
        <ul className={styles.totals} aria-label="Where the victim totals come from">
          {incident.totals.map((t) => (
            <li key={t.outcome}>
              All victims {t.outcome}: {t.best}
              {t.source
                ? <> from one account, <SourceCite source={t.source} href={`#${sourceAnchor(t.source.id)}`} /></>
                : <> (no account gives a fuller total; at least the Chinese {t.outcome})</>}
              {t.preliminaryOnly && <> (only preliminary reports)</>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
