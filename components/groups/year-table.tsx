import type { YearPoint } from "@/lib/data/groups.ts";
import { formatCount } from "@/lib/format.ts";

/** The chart's numbers as a table: what screen readers and no-JavaScript readers get. */
export function YearTable({ years, caption }: { years: YearPoint[]; caption: string }) {
  const note = (n: number) => (n > 0 ? ` (+${formatCount(n)} unknown)` : "");
  return (
    <div className="table-wrap" tabIndex={0}>
      <table>
        <caption className="muted" style={{ textAlign: "left", padding: "0.5rem 0.65rem" }}>{caption}</caption>
        <thead>
          <tr><th scope="col">Year</th><th scope="col" className="num">Incidents</th><th scope="col" className="num">Chinese killed</th><th scope="col" className="num">All killed</th></tr>
        </thead>
        <tbody>
          {years.map((y) => (
            <tr key={y.year}>
              <th scope="row">{y.year}</th>
              <td className="num">{formatCount(y.incidents)}</td>
              <td className="num">{formatCount(y.chineseKilled)}{y.chineseKilled !== null && note(y.unknownChineseKilled)}</td>
              <td className="num">{formatCount(y.totalKilled)}{y.totalKilled !== null && note(y.unknownTotalKilled)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
