import type { ProjectEntry } from "@/lib/data/projects.ts";
import { PROJECT_SECTORS, PROVINCES, type Province } from "@/lib/vocab.ts";

/** A table of contents: every project with its incident count, linking to its entry below. */
export function ProjectIndex({ projects }: { projects: ProjectEntry[] }) {
  return (
    <div className="table-wrap" tabIndex={0}>
      <table>
        <caption className="muted" style={{ textAlign: "left", padding: "0.5rem 0.65rem" }}>Projects at a glance, most often hit first</caption>
        <thead>
          <tr><th scope="col">Project</th><th scope="col">Sector</th><th scope="col">Province</th><th scope="col">CPEC</th><th scope="col" className="num">Incidents</th></tr>
        </thead>
        <tbody>
          {projects.map((p) => (
            <tr key={p.id}>
              <th scope="row" style={{ fontWeight: 400, whiteSpace: "normal", background: "#fff" }}><a href={`#${p.id}`}>{p.name}</a></th>
              <td>{PROJECT_SECTORS[p.sector as keyof typeof PROJECT_SECTORS] ?? p.sector}</td>
              <td>{p.province ? PROVINCES[p.province as Province] : "not recorded"}</td>
              <td>{p.isCpec === null ? "unknown" : p.isCpec ? "yes" : "no"}</td>
              <td className="num">{p.incidents.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
