import Link from "next/link";
import type { OtherGroup } from "@/lib/data/groups.ts";
import { RoleTag } from "@/components/incident/attribution-panel.tsx";

/** Groups also named for this group's incidents: where responsibility is contested or shared. */
export function OtherGroupsTable({ groups, groupName }: { groups: OtherGroup[]; groupName: string }) {
  return (
    <div className="table-wrap" tabIndex={0}>
      <table>
        <caption className="muted" style={{ textAlign: "left", padding: "0.5rem 0.65rem" }}>Other groups named for incidents linked to {groupName}</caption>
        <thead>
          <tr><th scope="col">Group</th><th scope="col" className="num">Shared incidents</th><th scope="col">Their roles</th><th scope="col">Incidents</th></tr>
        </thead>
        <tbody>
          {groups.map((o) => (
            <tr key={o.id}>
              <th scope="row" style={{ background: "#fff" }}><Link href={`/groups/${o.id}`}>{o.name}</Link></th>
              <td className="num">{o.incidents}</td>
              <td>{o.roles.map((r) => <span key={r} style={{ display: "inline-block", margin: "0 0.2rem 0.2rem 0" }}><RoleTag role={r} /></span>)}</td>
              <td>
                {o.incidentIds.map((id, n) => (
                  <span key={id}>{n > 0 && ", "}<Link href={`/incidents/${id}`}>{id}</Link></span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
