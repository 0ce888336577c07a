import "server-only";
import { cache } from "react";
import { db } from "../db.ts";
import type { KnownSlugs } from "../filters.ts";
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
    prisma.incident.aggregate({ _min: { date: true }, _max: { date: true } }),
  ]);
  const first = span._min.date?.getUTCFullYear();
  const last = span._max.date?.getUTCFullYear();
  return { groups, projects, years: first !== undefined && last !== undefined ? { first, last } : null };
});

/** The group and project slugs that exist, for parseFilters(params, await knownSlugs()). */
export const knownSlugs = cache(async (): Promise<KnownSlugs> => {
  const { groups, projects } = await filterOptions();
  return { groups: new Set(groups.map((g) => g.id)), projects: new Set(projects.map((p) => p.id)) };
});
