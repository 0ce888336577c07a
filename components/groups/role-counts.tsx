import { formatCount } from "@/lib/format.ts";
import { ATTRIBUTION_ROLES, type AttributionRole } from "@/lib/vocab.ts";
import styles from "./groups.module.css";

const SHORT: Record<AttributionRole, string> = {
  claimed: "claimed",
  attributed_by_authorities: "attributed by authorities",
  alleged: "alleged",
  suspected: "suspected",
  denied: "denied",
};

/** "claimed 3 · attributed by authorities 1 · denied 1": how strongly the record ties a group to its incidents. */
export function RoleCounts({ counts, label }: { counts: Record<AttributionRole, number>; label: string }) {
  return (
    <ul className={styles.roleCounts} aria-label={label}>
      {(Object.keys(ATTRIBUTION_ROLES) as AttributionRole[]).map((r) => (
        <li key={r} className={counts[r] ? styles.roleCount : styles.roleCountZero} title={ATTRIBUTION_ROLES[r]}>
          {SHORT[r]}: <strong>{formatCount(counts[r])}</strong>
        </li>
      ))}
    </ul>
  );
}
