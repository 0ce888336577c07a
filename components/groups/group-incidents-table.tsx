import Link from "next/link";
import type { GroupIncident } from "@/lib/data/groups.ts";
import { formatCount, formatIncidentDate } from "@/lib/format.ts";
import { PROVINCES } from "@/lib/vocab.ts";
import { SourceCite } from "@/components/sources/source-cite.tsx";
import { RoleTag } from "@/components/incident/attribution-panel.tsx";
import styles from "./groups.module.css";
import { incidentHref } from "@/lib/links.ts";

/** The group's incidents (all, or the most recent when `cut`), each with this group's own claims and their sources. */
export function GroupIncidentsTable({ incidents, groupName, cut = false }: { incidents: GroupIncident[]; groupName: string; cut?: boolean }) {
  return (
    <div className="table-wrap" tabIndex={0}>
      <table className={styles.stack}>
        <caption className="muted" style={{ textAlign: "left", padding: "0.5rem 0.65rem" }}>
          Incidents linked to {groupName}, newest first{cut && ` (the ${incidents.length} most recent)`}, with each claim about {groupName} and its source
        </caption>
        <thead>
          <tr>
            <th scope="col">Date</th><th scope="col">Place</th><th scope="col">Role and source</th>
            <th scope="col" className="num">Chinese killed</th><th scope="col" className="num">All killed</th><th scope="col">Record</th>
          </tr>
        </thead>
        <tbody>
          {incidents.map((i) => (
            <tr key={i.id}>
              <td data-label="Date" style={{ whiteSpace: "nowrap" }}>{formatIncidentDate(i.date, i.datePrecision)}</td>
              <td data-label="Place">
                {i.city ? `${i.city}, ` : ""}{PROVINCES[i.province]}
                {i.chineseLink === "weak" && <div><span className="tag">weak link</span></div>}
              </td>
              <td data-label="Role and source" className={styles.claimsCell}>
                <ul className={styles.claimList}>
                  {i.claims.map((c, n) => (
                    <li key={n}>
                      <RoleTag role={c.role} /> {c.statedBy && <span className="muted">{c.statedBy}, </span>}<SourceCite source={c.source} />
                    </li>
                  ))}
                </ul>
              </td>
              <td data-label="Chinese killed" className="num">{formatCount(i.chineseKilled)}</td>
              <td data-label="All killed" className="num">{formatCount(i.totalKilled)}</td>
              <td data-label="Record" className={styles.nowrap}><Link href={incidentHref(i.id)} aria-label={`Incident of ${formatIncidentDate(i.date, i.datePrecision)}${i.city ? ` in ${i.city}` : ""}: full record`}>Full record</Link></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
