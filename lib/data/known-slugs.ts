import "server-only";
import { cache } from "react";
import { db } from "../server/db.ts";
import type { KnownSlugs } from "../filters.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { ProjectSector } from "../generated/prisma/enums.ts";
import { versionedCache } from "./data-version.ts";

export type GroupOption = { id: string; name: string; shortName: string };
export type ProjectOption = { id: string; name: string; sector: ProjectSector };

/** What the filter controls offer beyond the fixed vocabularies of lib/vocab.ts. */
export type FilterOptions = {
  groups: GroupOption[];
  projects: ProjectOption[];
  /** First and last year with any incident (null on an empty database): the year pickers' range. */
  years: { first: number; last: number } | null;
};

const optionsCache = versionedCache<FilterOptions>(1);

/**
 * Groups, projects and the year span: once per request (React `cache`), since the page, the
 * filter bar and the summary all ask and parseFilters needs the slugs before anything
 * renders; and computed once per data version, since every page view needs them first.
 */
export function filterOptions(prisma: PrismaClient = db()): Promise<FilterOptions> {
  // The default client is resolved before the per-request cache, so filterOptions() and
  // filterOptions(db()) are one entry: React's cache keys on the arguments as passed.
  return requestOptions(prisma);
}

const requestOptions = cache((prisma: PrismaClient): Promise<FilterOptions> => optionsCache("options", async () => {
  // One statement, not three: on the embedded database queries run one at a time, and every page waits for this first.
  // The year span is plain MIN/MAX, answered from the two ends of the date index (Prisma's
  // aggregate wraps the table in a subquery and scans every incident).
  const [row] = await prisma.$queryRaw<{ groups: GroupOption[] | string; projects: ProjectOption[] | string; first: number | null; last: number | null }[]>`
    SELECT
      (SELECT COALESCE(json_agg(json_build_object('id', p."id", 'name', p."name", 'shortName', p."shortName") ORDER BY p."name", p."id"), '[]') FROM "Perpetrator" p) AS groups,
      (SELECT COALESCE(json_agg(json_build_object('id', p."id", 'name', p."name", 'sector', p."sector") ORDER BY p."name", p."id"), '[]') FROM "Project" p) AS projects,
      CAST(EXTRACT(YEAR FROM (SELECT MIN(i."date") FROM "Incident" i)) AS integer) AS first,
      CAST(EXTRACT(YEAR FROM (SELECT MAX(i."date") FROM "Incident" i)) AS integer) AS last`;
  // PGlite's adapter hands json back as text; node-postgres parses it.
  const json = <T,>(v: T | string): T => (typeof v === "string" ? JSON.parse(v) as T : v);
  return {
    groups: json(row.groups),
    projects: json(row.projects),
    years: row.first !== null && row.last !== null ? { first: row.first, last: row.last } : null,
  };
}, prisma));

/** The group and project slugs that exist, for parseFilters(params, await knownSlugs()). */
export function knownSlugs(prisma: PrismaClient = db()): Promise<KnownSlugs> {
  return requestSlugs(prisma);
}

const requestSlugs = cache(async (prisma: PrismaClient): Promise<KnownSlugs> => {
  const { groups, projects } = await filterOptions(prisma);
  return { groups: new Set(groups.map((g) => g.id)), projects: new Set(projects.map((p) => p.id)) };
});
