import Link from "next/link";
import type { ProjectEntry } from "@/lib/data/projects.ts";
import { formatCount, formatIncidentDate } from "@/lib/format.ts";
import { PROJECT_SECTORS, PROVINCES, type Province } from "@/lib/vocab.ts";
import { SourceCite } from "@/components/sources/source-cite.tsx";
import { Quote } from "@/components/sources/quote.tsx";
import styles from "./projects.module.css";

function cpecLabel(isCpec: boolean | null): string {
  if (isCpec === null) return "CPEC status unknown";
  return isCpec ? "CPEC project" : "Not a CPEC project";
}

/** One project: what it is, the quotes that say so, and every incident that touched it. */
export function ProjectCard({ project: p }: { project: ProjectEntry }) {
  const headingId = `${p.id}-name`;
  return (
    <li id={p.id} className={styles.project} aria-labelledby={headingId} tabIndex={-1}>
      <h2 id={headingId} className={styles.name}>{p.name}</h2>
      <ul className={styles.tags} aria-label="Project facts">
        <li className={styles.tag}>{PROJECT_SECTORS[p.sector as keyof typeof PROJECT_SECTORS] ?? p.sector}</li>
        <li className={styles.tag}>{p.province ? PROVINCES[p.province as Province] : "Province not recorded"}{p.location ? ` · ${p.location}` : ""}</li>
        <li className={p.isCpec ? styles.cpec : styles.tag}>{cpecLabel(p.isCpec)}</li>
        <li className={styles.tag}>Operator: {p.operator ?? "not recorded"}</li>
      </ul>
      {p.description && <p style={{ margin: "0 0 0.25rem", maxWidth: "75ch" }}>{p.description}</p>}
      <div className={styles.cols}>
        <section aria-labelledby={`${p.id}-incidents`}>
          <h3 id={`${p.id}-incidents`} className={styles.sub}>Incidents ({p.incidents.length})</h3>
          {p.incidents.length ? (
            <ul className={styles.incidents}>
              {p.incidents.map((i) => (
                <li key={i.id}>
                  <Link href={`/incidents/${i.id}`}>{formatIncidentDate(i.date, i.datePrecision)}, {i.city ?? PROVINCES[i.province as Province]}</Link>
                  {": "}{i.target}.{" "}
                  <span className="muted">Chinese killed {formatCount(i.chineseKilled)}, all killed {formatCount(i.totalKilled)}.</span>
                  {i.chineseLink === "weak" && <> <span className="tag">weak link</span></>}
                </li>
              ))}
            </ul>
          ) : (
            <p className={styles.none}>No recorded incident touched this project.</p>
          )}
        </section>
        <section aria-labelledby={`${p.id}-evidence`}>
          <h3 id={`${p.id}-evidence`} className={styles.sub}>What the sources say</h3>
          <ul className={styles.evidence}>
            {p.evidence.map((e) => (
              <li key={e.id}>
                <SourceCite source={e.source} />
                <Quote text={e.quote} note={e.note} />
              </li>
            ))}
          </ul>
        </section>
      </div>
    </li>
  );
}
