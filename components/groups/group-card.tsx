import Link from "next/link";
import type { GroupSummary, Links } from "@/lib/data/groups.ts";
import { groupHref, incidentsHref } from "@/lib/links.ts";
import { formatCount } from "@/lib/format.ts";
import { PERPETRATOR_KINDS } from "@/lib/vocab.ts";
import { RoleCounts } from "./role-counts.tsx";
import { SumWithUnknown } from "./sum-with-unknown.tsx";
import styles from "./groups.module.css";


export function yearSpan(first: number | null, last: number | null): string {
  if (first === null || last === null) return "none";
  return first === last ? String(first) : `${first}–${last}`;
}

export function GroupCard({ group: g, links }: { group: GroupSummary; links: Links }) {
  const headingId = `group-${g.id}`;
  // Cards sit under the page's h2 sections.
  return (
    <li className={styles.card} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.cardTitle}>
        <Link href={groupHref(g.id)}>{g.name}</Link>{g.shortName !== g.name && <span className="muted"> ({g.shortName})</span>}
      </h3>
      <p className={styles.aliases}>
        {PERPETRATOR_KINDS[g.kind]}
        {g.aliases.length > 0 && <> · also known as {g.aliases.join(", ")}</>}
      </p>
      <dl className={styles.stats}>
        <div><dt>Incidents</dt><dd>{formatCount(g.incidents)}</dd></div>
        <div><dt>Chinese killed</dt><dd><SumWithUnknown value={g.chineseKilled} unknown={g.chineseKilledUnknown} /></dd></div>
        <div><dt>All killed</dt><dd><SumWithUnknown value={g.totalKilled} unknown={g.totalKilledUnknown} /></dd></div>
      </dl>
      <RoleCounts counts={g.byRole} label={`${g.shortName}: incidents by attribution role`} />
      <p className="muted" style={{ margin: 0, fontSize: "0.88rem" }}>Years: {yearSpan(g.firstYear, g.lastYear)}</p>
      <p className={styles.links}>
        <Link href={groupHref(g.id)} aria-label={`${g.name}: group profile`}>Group profile</Link>
        {g.incidents > 0 && <Link href={incidentsHref({ group: [g.id], links })} aria-label={`${g.name}: list its ${formatCount(g.incidents)} incidents`}>List its incidents</Link>}
      </p>
    </li>
  );
}
