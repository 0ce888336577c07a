import Link from "next/link";
import type { OtherGroup } from "@/lib/data/groups.ts";
import { formatCount } from "@/lib/format.ts";
import { RoleTag } from "@/components/incident/attribution-panel.tsx";
import styles from "./groups.module.css";
import { groupHref, incidentHref } from "@/lib/links.ts";

/** Groups also named for this group's incidents: where responsibility is contested or shared. */
export function OtherGroupsTable({ groups, groupName }: { groups: OtherGroup[]; groupName: string }) {
  return (
    <div className="table-wrap" tabIndex={0}>
      <table className={styles.stack}>
        <caption className="muted" style={{ textAlign: "left", padding: "0.5rem 0.65rem" }}>
          Other groups named for incidents linked to {groupName}: shared incidents by the other group’s role, and the most recent of them
        </caption>
        <thead>
          <tr><th scope="col">Group</th><th scope="col" className="num">Shared incidents</th><th scope="col">Their roles (incidents)</th><th scope="col">Most recent shared incidents</th></tr>
        </thead>
        <tbody>
          {groups.map((o) => (
            <tr key={o.id}>
              <th scope="row" style={{ background: "#fff", whiteSpace: "normal" }}><Link href={groupHref(o.id)}>{o.name}</Link></th>
              <td data-label="Shared incidents" className="num">{formatCount(o.incidents)}</td>
              <td data-label="Their roles (incidents)">
                <ul className={styles.roleList}>
                  {o.roles.map((r) => <li key={r}><RoleTag role={r} /> <span className={styles.roleNumber}>{formatCount(o.byRole[r])}</span></li>)}
                </ul>
              </td>
              <td data-label="Most recent shared" className={styles.examplesCell}>
                <ul className={styles.exampleList}>
                  {o.exampleIds.map((id) => <li key={id}><Link href={incidentHref(id)}>{id}</Link></li>)}
                </ul>
                {o.exampleIds.length < o.incidents && (
                  <span className="muted">{o.exampleIds.length} most recent of {formatCount(o.incidents)}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
