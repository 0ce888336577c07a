// The incident list on a phone: one card per incident (date, place, type, groups, figures)
// instead of a table scrolled sideways. Server-rendered from the same rows as the table; CSS
// shows the cards below 640 px and the table above, so no JavaScript decides.
import Link from "next/link";
import { ATTACK_TYPES, PROVINCES, type AttributionRole } from "@/lib/vocab.ts";
import type { TableRow } from "./incident-table.tsx";
import { formatIncidentDate } from "@/lib/format.ts";
import styles from "./incident-cards.module.css";

const ROLE_WORDS: Record<AttributionRole, string> = {
  claimed: "claimed", attributed_by_authorities: "blamed by authorities", alleged: "alleged", suspected: "suspected", denied: "denied",
};

function Figure({ label, n }: { label: string; n: number | null }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{n === null ? <span className={styles.unknown}>unknown</span> : n.toLocaleString("en-GB")}</dd>
    </div>
  );
}

export function IncidentCards({ rows }: { rows: TableRow[] }) {
  return (
    <ol className={styles.cards} aria-label="Incidents" data-incident-cards="">
      {rows.map((r) => {
        const place = r.city && r.district && r.city !== r.district ? `${r.city} (${r.district})` : (r.city ?? r.district);
        return (
          <li key={r.id} className={styles.card}>
            <p className={styles.head}>
              <Link href={`/incidents/${encodeURIComponent(r.id)}`} prefetch={false} className={styles.date}>{formatIncidentDate(r.date, r.datePrecision, { short: true })}</Link>
              {r.datePrecision !== "day" && <span className={styles.muted}> ({r.datePrecision === "month" ? "month only" : "year only"})</span>}
            </p>
            <p className={styles.line}>{place ? `${place}, ` : ""}{PROVINCES[r.province]}</p>
            <p className={styles.line}><strong>{ATTACK_TYPES[r.attackType].replace(/ \(.*\)$/, "")}</strong>: {r.target}</p>
            <p className={styles.line}>
              {r.groups.length
                ? r.groups.map((g, n) => <span key={g.id}>{g.name} <span className={styles.muted}>({g.roles.map((x) => ROLE_WORDS[x]).join(", ")})</span>{n < r.groups.length - 1 && "; "}</span>)
                : <span className={styles.muted}>No group named</span>}
            </p>
            <dl className={styles.figures}>
              <Figure label="Chinese killed" n={r.chineseKilled} />
              <Figure label="Chinese injured" n={r.chineseInjured} />
              <Figure label="All killed" n={r.totalKilled} />
              <Figure label="All injured" n={r.totalInjured} />
            </dl>
          </li>
        );
      })}
    </ol>
  );
}
