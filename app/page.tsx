import { connection } from "next/server";
import { listIncidents } from "@/lib/data/incidents.ts";
import { ATTACK_TYPES, PROVINCES } from "@/lib/vocab.ts";
import { formatIncidentDate, formatCount } from "@/lib/format.ts";

export default async function Home() {
  await connection(); // always read the database at request time, never at build time
  const incidents = await listIncidents();
  return (
    <>
      <h1>Attacks on Chinese nationals and interests in Pakistan</h1>
      <p className="lede">{incidents.length} incidents recorded. Every figure is traced to its sources.</p>
      <div className="table-wrap">
        <table>
          <caption className="muted" style={{ textAlign: "left", padding: "0.5rem" }}>Incidents, newest first</caption>
          <thead>
            <tr><th>Date</th><th>Province</th><th>Place</th><th>Type</th><th>Target</th><th className="num">Chinese killed</th><th className="num">All killed</th></tr>
          </thead>
          <tbody>
            {incidents.map((i) => (
              <tr key={i.id}>
                <td>{formatIncidentDate(i.date, i.datePrecision)}</td>
                <td>{PROVINCES[i.province]}</td>
                <td>{i.city ?? "—"}</td>
                <td>{ATTACK_TYPES[i.attackType]}</td>
                <td>{i.target}</td>
                <td className="num">{formatCount(i.chineseKilled)}</td>
                <td className="num">{formatCount(i.totalKilled)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
