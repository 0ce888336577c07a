import Link from "next/link";
import type { ProjectEntry } from "@/lib/data/projects.ts";
import { incidentHref, incidentsHref } from "@/lib/links.ts";
import { formatCount, formatIncidentDate } from "@/lib/format.ts";
import { PROJECT_SECTORS, PROVINCES } from "@/lib/vocab.ts";
import { SourceCite } from "@/components/sources/source-cite.tsx";
import { Quote } from "@/components/sources/quote.tsx";
import { SumWithUnknown } from "@/components/groups/sum-with-unknown.tsx";
import { yearSpan } from "@/components/groups/group-card.tsx";
import styles from "./projects.module.css";

function cpecLabel(isCpec: boolean | null): string {
  if (isCpec === null) return "CPEC status unknown";
  return isCpec ? "CPEC project" : "Not a CPEC project";
}


/** One project: what it is, the quotes that say so, its figures and its most recent incidents. */
export function ProjectCard({ project: p }: { project: ProjectEntry }) {
  const headingId = `${p.id}-name`;
  const f = p.figures;
  // Weakly linked incidents too, as this page counts them.
  const href = incidentsHref({ project: [p.id], links: "all" });
  return (
    <li id={p.id} className={styles.project} aria-labelledby={headingId} tabIndex={-1}>
      <h2 id={headingId} className={styles.name}>{p.name}</h2>
      <ul className={styles.tags} aria-label="Project facts">
        <li className={styles.tag}>{PROJECT_SECTORS[p.sector]}</li>
        <li className={styles.tag}>{p.province ? PROVINCES[p.province] : "Province not recorded"}{p.location ? ` · ${p.location}` : ""}</li>
        <li className={p.isCpec ? styles.cpec : styles.tag}>{cpecLabel(p.isCpec)}</li>
        <li className={styles.tag}>Operator: {p.operator ?? "not recorded"}</li>
      </ul>
      {p.description && <p style={{ margin: "0 0 0.25rem", maxWidth: "75ch" }}>{p.description}</p>}
      <div className={styles.cols}>
        <section aria-labelledby={`${p.id}-incidents`}>
          <h3 id={`${p.id}-incidents`} className={styles.sub}>Incidents ({formatCount(f.incidents)})</h3>
          {f.incidents > 0 ? (
            <>
              <dl className={styles.figures}>
                <div><dt>Years</dt><dd>{yearSpan(f.firstYear, f.lastYear)}</dd></div>
                <div><dt>Weakly linked</dt><dd>{formatCount(f.weakIncidents)}</dd></div>
                <div><dt>Chinese killed</dt><dd><SumWithUnknown value={f.chineseKilled} unknown={f.chineseKilledUnknown} /></dd></div>
                <div><dt>All killed</dt><dd><SumWithUnknown value={f.totalKilled} unknown={f.totalKilledUnknown} /></dd></div>
              </dl>
              <p className={styles.extent}>
                {p.incidents.length < f.incidents
                  ? <>The {formatCount(p.incidents.length)} most recent of {formatCount(f.incidents)}, newest first. <Link href={href}>See all {formatCount(f.incidents)} in the incident list</Link>.</>
                  : <>{f.incidents === 1 ? "The incident" : `All ${formatCount(f.incidents)}, newest first`}. <Link href={href}>Open in the incident list</Link>.</>}
              </p>
              <ul className={styles.incidents}>
                {p.incidents.map((i) => (
                  <li key={i.id}>
                    <Link href={incidentHref(i.id)}>{formatIncidentDate(i.date, i.datePrecision)}, {i.city ?? PROVINCES[i.province]}</Link>
                    {": "}{i.target}.{" "}
                    <span className="muted">Chinese killed {formatCount(i.chineseKilled)}, all killed {formatCount(i.totalKilled)}.</span>
                    {i.chineseLink === "weak" && <> <span className="tag">weak link</span></>}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className={styles.none}>No recorded incident touched this project.</p>
          )}
        </section>
        <section aria-labelledby={`${p.id}-evidence`}>
          <h3 id={`${p.id}-evidence`} className={styles.sub}>What the sources say</h3>
          {p.evidence.length ? (
            <ul className={styles.evidence}>
              {p.evidence.map((e) => (
                <li key={e.id}>
                  <SourceCite source={e.source} />
                  <Quote text={e.quote} note={e.note} />
                </li>
              ))}
            </ul>
          ) : (
            <p className={styles.none}>No source describing this project is recorded.</p>
          )}
        </section>
      </div>
    </li>
  );
}
