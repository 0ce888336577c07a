import "server-only";
import { cache } from "react";
import { db } from "../db.ts";
import type { KnownSlugs } from "../filters.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { ProjectSector } from "../generated/prisma/enums.ts";

export type GroupOption = { id: string; name: string; shortName: string };
export type ProjectOption = { id: string; name: string; sector: ProjectSector };

/** What the filter controls offer beyond the fixed vocabularies of lib/vocab.ts. */
export type FilterOptions = {
  groups: GroupOption[];
  projects: ProjectOption[];
  /** First and last year with any incident (null on an empty database): the year pickers' range. */
  years: { first: number; last: number } | null;
};

/**
 * Groups, projects and the year span, read once per request (React `cache`): the page, the
 * filter bar and the summary all ask, and parseFilters needs the slugs before anything renders.
 */
export const filterOptions = cache(async (): Promise<FilterOptions> => {
  const prisma = db();
  const [groups, projects, span] = await Promise.all([
    prisma.perpetrator.findMany({ select: { id: true, name: true, shortName: true }, orderBy: { name: "asc" } }),
    prisma.project.findMany({ select: { id: true, name: true, sector: true }, orderBy: { name: "asc" } }),
    yearSpan(prisma),
  ]);
  const first = span?.first;
  const last = span?.last;
  return { groups, projects, years: first !== undefined && last !== undefined ? { first, last } : null };
});

/**
 * First and last year with any incident, or null. Plain MIN/MAX, which PostgreSQL answers
 * from the two ends of the date index; Prisma's aggregate wraps the table in a subquery
 * that makes it scan every incident on every page view.
 */
export async function yearSpan(prisma: PrismaClient): Promise<{ first: number; last: number } | null> {
  const [row] = await prisma.$queryRaw<{ first: number | null; last: number | null }[]>`
    SELECT CAST(EXTRACT(YEAR FROM MIN(i."date")) AS integer) AS first, CAST(EXTRACT(YEAR FROM MAX(i."date")) AS integer) AS last FROM "Incident" i`;
  return row && row.first !== null && row.last !== null ? { first: row.first, last: row.last } : null;
}

/** The group and project slugs that exist, for parseFilters(params, await knownSlugs()). */
export const knownSlugs = cache(async (): Promise<KnownSlugs> => {
  const { groups, projects } = await filterOptions();
  return { groups: new Set(groups.map((g) => g.id)), projects: new Set(projects.map((p) => p.id)) };
});
