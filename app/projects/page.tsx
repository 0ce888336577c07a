import type { Metadata } from "next";
import { connection } from "next/server";
import { PROJECT_RECENT_INCIDENTS, projectsWithIncidents } from "@/lib/data/projects.ts";
import { formatCount } from "@/lib/format.ts";
import { ProjectCard } from "@/components/projects/project-card.tsx";
import { ProjectIndex } from "@/components/projects/project-index.tsx";
import styles from "@/components/projects/projects.module.css";

export const metadata: Metadata = { title: "Projects" };

export default async function ProjectsPage() {
  await connection(); // read the database at request time, never at build time
  const projects = await projectsWithIncidents();
  const hit = projects.filter((p) => p.figures.incidents > 0).length;
  return (
    <>
      <h1>Chinese-linked projects</h1>
      <p className="lede">
        {projects.length} projects, companies and facilities linked to China, {hit} of them touched by at least one recorded incident.
        Each is described in the sources’ own words; projects no incident touched are listed too. Figures count every incident that touched a
        project, weakly linked ones included. Each entry lists no more than the project’s {formatCount(PROJECT_RECENT_INCIDENTS)} most recent
        incidents, weakly linked ones marked, and links to all of them in the incident list.
      </p>
      <ProjectIndex projects={projects} />
      <ul className={styles.list} aria-label="Projects" style={{ marginTop: "1.25rem" }}>
        {projects.map((p) => <ProjectCard key={p.id} project={p} />)}
      </ul>
    </>
  );
}
