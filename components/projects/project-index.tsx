import type { ProjectEntry } from "@/lib/data/projects.ts";
import { formatCount } from "@/lib/format.ts";
import { PROJECT_SECTORS, PROVINCES } from "@/lib/vocab.ts";

/** A table of contents: every project with its figures, linking to its entry below. */
export function ProjectIndex({ projects }: { projects: ProjectEntry[] }) {
  // A sum with unknown figures is a floor: "≥" says so without a footnote per cell.
  const sum = (value: number | null, unknown: number) => (value !== null && unknown > 0 ? `≥ ${formatCount(value)}` : formatCount(value));
  return (
    <>
      <p className="muted" style={{ margin: "0 0 0.4rem", fontSize: "0.9rem" }}>
        Incidents include weakly linked ones; ≥ marks a sum to which some incidents give no figure.
      </p>
      {/* The figures come straight after the name, so a narrow screen shows them before it scrolls. */}
      <div className="table-wrap" tabIndex={0}>
        <table>
          <caption className="muted" style={{ textAlign: "left", padding: "0.5rem 0.65rem" }}>Projects at a glance, most often hit first</caption>
          <thead>
            <tr>
              <th scope="col">Project</th>
              <th scope="col" className="num">Incidents</th><th scope="col" className="num">Chinese killed</th><th scope="col" className="num">All killed</th>
              <th scope="col">Sector</th><th scope="col">Province</th><th scope="col">CPEC</th>
            </tr>
          </thead>
          <tbody>
            {projects.map((p) => (
              <tr key={p.id}>
                <th scope="row" style={{ fontWeight: 400, whiteSpace: "normal", background: "#fff", minWidth: "9rem" }}><a href={`#${p.id}`}>{p.name}</a></th>
                <td className="num">{formatCount(p.figures.incidents)}</td>
                <td className="num">{p.figures.incidents ? sum(p.figures.chineseKilled, p.figures.chineseKilledUnknown) : "0"}</td>
                <td className="num">{p.figures.incidents ? sum(p.figures.totalKilled, p.figures.totalKilledUnknown) : "0"}</td>
                <td>{PROJECT_SECTORS[p.sector]}</td>
                <td>{p.province ? PROVINCES[p.province] : "not recorded"}</td>
                <td>{p.isCpec === null ? "unknown" : p.isCpec ? "yes" : "no"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
