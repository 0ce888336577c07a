import "server-only";
import { db } from "../server/db.ts";
import { Prisma, type PrismaClient } from "../generated/prisma/client.ts";
import { selection } from "../incident-model.ts";
import type { ChineseLink, DatePrecision, ProjectSector, Province, SourceKind } from "../vocab.ts";
import { incidentSql } from "./incident-sql.ts";
import { versionedCache } from "./data-version.ts";

// Each project lists this many of its incidents, the most recent; its figures count them
// all, and the full list is /incidents?project=<id>&links=all.
export const PROJECT_RECENT_INCIDENTS = 5;

export type ProjectIncident = {
  id: string; date: Date; datePrecision: DatePrecision; city: string | null; province: Province;
  target: string; chineseLink: ChineseLink; chineseKilled: number | null; totalKilled: number | null;
};

/** Over every incident that touched the project, weakly linked ones included. Sums are null when no incident gives the figure. */
export type ProjectFigures = {
  incidents: number;
  weakIncidents: number;
  chineseKilled: number | null; totalKilled: number | null;
  /** Incidents whose figure is unknown, so the sums are "at least". */
  chineseKilledUnknown: number; totalKilledUnknown: number;
  firstYear: number | null; lastYear: number | null;
};

export type ProjectEntry = {
  id: string; name: string; sector: ProjectSector; province: Province | null; location: string | null; operator: string | null;
  isCpec: boolean | null; description: string | null;
  evidence: { id: string; supports: string; quote: string; note: string | null; source: { id: string; kind: SourceKind; title: string; publisher: string | null; publishedOn: string | null; url: string | null } }[];
  figures: ProjectFigures;
  /** The most recent PROJECT_RECENT_INCIDENTS incidents, newest first, weakly-linked ones included and marked. */
  incidents: ProjectIncident[];
};

const NO_INCIDENTS: ProjectFigures = { incidents: 0, weakIncidents: 0, chineseKilled: null, totalKilled: null, chineseKilledUnknown: 0, totalKilledUnknown: 0, firstYear: null, lastYear: null };

// A pass over every incident that names a project: once per data version.
const projectsCache = versionedCache<ProjectEntry[]>(1);

/**
 * All Chinese-linked projects, those hit most often first, with the quotes that describe them,
 * their figures, and their most recent incidents.
 */
export function projectsWithIncidents(prisma: PrismaClient = db()): Promise<ProjectEntry[]> {
  return projectsCache("projects", () => computeProjects(prisma), prisma);
}

async function computeProjects(prisma: PrismaClient): Promise<ProjectEntry[]> {
  // One pass over the incidents that name a project gives each project's figures and the ids
  // of its latest few, whatever the project's size or age. (A LATERAL ... LIMIT per project
  // walks the date index until it finds enough of that project: fast for a busy one,
  // nearly the whole index for one whose incidents are all old. An index on
  // ("projectId", date, id) would make that lookup a few rows each.)
  const [projects, figureRows] = await Promise.all([
    prisma.project.findMany({
      select: {
        id: true, name: true, sector: true, province: true, location: true, operator: true, isCpec: true, description: true,
        evidence: {
          orderBy: { id: "asc" },
          select: { id: true, supports: true, quote: true, note: true, source: { select: { id: true, kind: true, title: true, publisher: true, publishedOn: true, url: true } } },
        },
      },
    }),
    prisma.$queryRaw<(Partial<ProjectFigures> & { id: string; recentIds: string[] | null })[]>(Prisma.sql`
      SELECT p.id, s.incidents, s."weakIncidents", s."chineseKilled", s."totalKilled", s."chineseKilledUnknown", s."totalKilledUnknown",
        s."firstYear", s."lastYear", s."recentIds"
      FROM "Project" p LEFT JOIN (
        SELECT i."projectId", COUNT(*)::int AS incidents,
          COUNT(*) FILTER (WHERE i."chineseLink" = 'weak')::int AS "weakIncidents",
          SUM(i."chineseKilled")::int AS "chineseKilled", SUM(i."totalKilled")::int AS "totalKilled",
          (COUNT(*) - COUNT(i."chineseKilled"))::int AS "chineseKilledUnknown", (COUNT(*) - COUNT(i."totalKilled"))::int AS "totalKilledUnknown",
          EXTRACT(YEAR FROM MIN(i.date))::int AS "firstYear", EXTRACT(YEAR FROM MAX(i.date))::int AS "lastYear",
          (ARRAY_AGG(i.id ORDER BY i.date DESC, i.id DESC))[1:CAST(${PROJECT_RECENT_INCIDENTS} AS integer)] AS "recentIds"
        FROM "Incident" i
        WHERE ${incidentSql(selection({ links: "all" }))} AND i."projectId" IS NOT NULL
        GROUP BY i."projectId"
      ) s ON s."projectId" = p.id
      ORDER BY COALESCE(s.incidents, 0) DESC, p.name ASC`),
  ]);

  const recent = await prisma.incident.findMany({
    where: { id: { in: figureRows.flatMap((r) => r.recentIds ?? []) } },
    orderBy: [{ date: "desc" }, { id: "desc" }],
    select: { id: true, projectId: true, date: true, datePrecision: true, city: true, province: true, target: true, chineseLink: true, chineseKilled: true, totalKilled: true },
  });
  const incidentsOf = new Map<string, ProjectIncident[]>();
  for (const { projectId, ...i } of recent) incidentsOf.set(projectId!, [...(incidentsOf.get(projectId!) ?? []), i]);
  const projectOf = new Map(projects.map((p) => [p.id, p]));

  // The figures query lists every project, in the page's order (its collation sorts the names).
  return figureRows.flatMap((f) => {
    const p = projectOf.get(f.id);
    if (!p) return []; // added between the two reads
    const figures: ProjectFigures = f.incidents
      ? { incidents: f.incidents, weakIncidents: f.weakIncidents!, chineseKilled: f.chineseKilled ?? null, totalKilled: f.totalKilled ?? null,
          chineseKilledUnknown: f.chineseKilledUnknown!, totalKilledUnknown: f.totalKilledUnknown!, firstYear: f.firstYear ?? null, lastYear: f.lastYear ?? null }
      : NO_INCIDENTS;
    return [{ ...p, figures, incidents: incidentsOf.get(p.id) ?? [] }];
  });
}
