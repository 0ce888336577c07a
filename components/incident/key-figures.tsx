import type { IncidentDetail } from "@/lib/data/incident-detail.ts";
import { formatCount } from "@/lib/format.ts";
import styles from "./incident.module.css";

const HEADLINES = [
  { key: "chineseKilled", label: "Chinese killed", outcome: "killed", group: "chinese" },
  { key: "chineseInjured", label: "Chinese injured", outcome: "injured", group: "chinese" },
  { key: "chineseKidnapped", label: "Chinese kidnapped", outcome: "kidnapped", group: "chinese" },
  { key: "totalKilled", label: "All victims killed", outcome: null, group: null },
  { key: "totalInjured", label: "All victims injured", outcome: null, group: null },
  { key: "attackersKilled", label: "Attackers killed", outcome: "killed", group: "attackers" },
] as const;

/** The counted headline figures; where sources disagree, the range is said next to the number. */
export function KeyFigures({ incident }: { incident: IncidentDetail }) {
  return (
    <ul className={styles.figures} aria-label="Counted figures">
      {HEADLINES.map((h) => {
        const value = incident[h.key];
        // Kidnappings are rare: leave the tile out unless some source reports one.
        if (h.key === "chineseKidnapped" && value === null) return null;
        const line = h.outcome && incident.casualties.find((l) => l.outcome === h.outcome && l.victimGroup === h.group);
        return (
          <li key={h.key} className={styles.figure}>
            <span className={value === null ? styles.figureUnknown : styles.figureValue}>{formatCount(value)}</span>
            <span className={styles.figureLabel}>{h.label}</span>
            {line && line.disagree && <span className={styles.figureRange}>sources say {line.range!.low}–{line.range!.high}</span>}
          </li>
        );
      })}
    </ul>
  );
}
