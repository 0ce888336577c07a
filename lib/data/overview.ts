import "server-only";
// The overview's questions, one function each. Every query counts the incidents that
// incidentWhere(filters) selects: Prisma's aggregate/groupBy take it directly; the queries
// Prisma cannot express (per year, per attributed group) are SQL whose condition,
// incidentSql(filters), mirrors incidentWhere and is tested to select the same incidents.
// Everything is aggregated in the database, so the cost grows with years x groups, not
// with the number of incidents. The optional `prisma` argument lets tests pass their own database.
import { Prisma, type PrismaClient } from "../generated/prisma/client.ts";
import type { Filters } from "../filters.ts";
import { ATTACK_TYPES, PROVINCES, type AttackType, type Province } from "../vocab.ts";
import { db } from "../db.ts";
import { incidentWhere } from "./incident-where.ts";

export type IncidentFilters = Pick<Filters, "from" | "to" | "province" | "group" | "type" | "project" | "sector" | "victims" | "links" | "q">;

export const FIGURES = {
  chineseKilled: "Chinese killed",
  chineseInjured: "Chinese injured",
  totalKilled: "All killed",
  totalInjured: "All injured",
  attackersKilled: "Attackers killed",
} as const;
export type FigureKey = keyof typeof FIGURES;
const FIGURE_KEYS = Object.keys(FIGURES) as FigureKey[];

/** A summed figure: null when every matching incident has it unknown (never shown as 0). */
export type Figure = { total: number | null; unknown: number };
export type Headlines = { incidents: number; figures: Record<FigureKey, Figure> };

/** One bar or slice: a category and how many matching incidents fall in it. */
export type CategoryCount = { key: string; label: string; count: number };

/** Incidents per year split into series; `rows[n][series.key]` is a count, every year in range present. */
export type YearBreakdown = {
  series: { key: string; label: string }[];
  rows: ({ year: number } & Record<string, number>)[];
};

export type CasualtyYear = {
  year: number;
  incidents: number;
  chineseKilled: number | null;
  chineseInjured: number | null;
  totalKilled: number | null;
  totalInjured: number | null;
  /** Incidents of that year whose figure is unknown (they add nothing to the sum). */
  unknown: { chineseKilled: number; chineseInjured: number; totalKilled: number; totalInjured: number };
};

/** The key and label of incidents no source attributes to any group (underscored: group slugs cannot start with one). */
export const NO_GROUP = { key: "_none", label: "No attribution" } as const;
/** The key and label that gather the groups beyond the largest ones in per-year charts. */
export const OTHER_GROUPS = { key: "_other", label: "Other groups" } as const;

// ---------------------------------------------------------------------------------------
// The SQL twin of incidentWhere, for queries over the alias `i` of "Incident".

const day = (d: Date) => d.toISOString().slice(0, 10);
const enumList = (values: readonly string[], type: string) => Prisma.join(values.map((v) => Prisma.sql`CAST(${v} AS ${Prisma.raw(`"${type}"`)})`));

/** The condition incidentWhere(filters) expresses, as SQL over `"Incident" i`. Keep the two in step (overview.test.ts checks). */
export function incidentSql(f: IncidentFilters): Prisma.Sql {
  const and: Prisma.Sql[] = [];
  if (f.from) and.push(Prisma.sql`i."date" >= CAST(${day(f.from)} AS date)`);
  if (f.to) and.push(Prisma.sql`i."date" <= CAST(${day(f.to)} AS date)`);
  if (f.province.length) and.push(Prisma.sql`i."province" IN (${enumList(f.province, "Province")})`);
  if (f.type.length) and.push(Prisma.sql`i."attackType" IN (${enumList(f.type, "AttackType")})`);
  if (f.group.length) and.push(Prisma.sql`EXISTS (SELECT 1 FROM "Attribution" fa WHERE fa."incidentId" = i."id" AND fa."perpetratorId" IN (${Prisma.join(f.group)}))`);
  if (f.project.length) and.push(Prisma.sql`i."projectId" IN (${Prisma.join(f.project)})`);
  if (f.sector.length) and.push(Prisma.sql`EXISTS (SELECT 1 FROM "Project" fp WHERE fp."id" = i."projectId" AND fp."sector" IN (${enumList(f.sector, "ProjectSector")}))`);
  if (f.links === "direct") and.push(Prisma.sql`i."chineseLink" = CAST('direct' AS "ChineseLink")`);
  if (f.victims === "chinese") and.push(Prisma.sql`(i."chineseKilled" > 0 OR i."chineseInjured" > 0 OR i."chineseKidnapped" > 0)`);
  if (f.q) {
    // Prisma's `contains` passes the text through as a LIKE pattern, % and _ included; so does this.
    const like = `%${f.q}%`;
    and.push(Prisma.sql`(i."summary" ILIKE ${like} OR i."target" ILIKE ${like} OR i."city" ILIKE ${like} OR i."district" ILIKE ${like} OR i."locationDetail" ILIKE ${like} OR i."id" ILIKE ${like})`);
  }
  return and.length ? Prisma.join(and, " AND ") : Prisma.sql`TRUE`;
}

// ---------------------------------------------------------------------------------------

/** The incident count and the summed casualty figures, each with how many incidents leave it unknown. */
export async function overviewHeadlines(filters: IncidentFilters, prisma: PrismaClient = db()): Promise<Headlines> {
  const known = Object.fromEntries(FIGURE_KEYS.map((k) => [k, true])) as Record<FigureKey, true>;
  const a = await prisma.incident.aggregate({ where: incidentWhere(filters), _count: { _all: true, ...known }, _sum: known });
  const incidents = a._count._all;
  const figures = Object.fromEntries(FIGURE_KEYS.map((k) => {
    const withFigure = a._count[k];
    return [k, { total: withFigure ? (a._sum[k] ?? 0) : incidents ? null : 0, unknown: incidents - withFigure }];
  })) as Record<FigureKey, Figure>;
  return { incidents, figures };
}

/** Matching incidents per province, largest first; provinces without any are left out. */
export async function incidentsByProvince(filters: IncidentFilters, prisma: PrismaClient = db()): Promise<CategoryCount[]> {
  const rows = await prisma.incident.groupBy({ by: ["province"], where: incidentWhere(filters), _count: { _all: true } });
  return sortCounts(rows.map((r) => ({ key: r.province, label: PROVINCES[r.province as Province], count: r._count._all })));
}

/** Matching incidents per attack type, largest first. */
export async function incidentsByAttackType(filters: IncidentFilters, prisma: PrismaClient = db()): Promise<CategoryCount[]> {
  const rows = await prisma.incident.groupBy({ by: ["attackType"], where: incidentWhere(filters), _count: { _all: true } });
  return sortCounts(rows.map((r) => ({ key: r.attackType, label: ATTACK_TYPES[r.attackType as AttackType], count: r._count._all })));
}

/**
 * Matching incidents per group they are linked to, largest first. An incident linked to
 * several groups (by any claim: claimed, attributed, alleged, suspected or denied, as the
 * group filter counts) counts once under each; incidents with no attribution count under
 * NO_GROUP. So the counts can add up to more than the number of incidents.
 */
export async function incidentsByGroup(filters: IncidentFilters, prisma: PrismaClient = db()): Promise<(CategoryCount & { shortName: string })[]> {
  const rows = await prisma.$queryRaw<{ key: string | null; name: string | null; short: string | null; n: number }[]>`
    SELECT g."perpetratorId" AS key, p."name" AS name, p."shortName" AS short, CAST(COUNT(*) AS integer) AS n
    FROM "Incident" i
    LEFT JOIN LATERAL (SELECT DISTINCT a."perpetratorId" FROM "Attribution" a WHERE a."incidentId" = i."id") g ON TRUE
    LEFT JOIN "Perpetrator" p ON p."id" = g."perpetratorId"
    WHERE ${incidentSql(filters)}
    GROUP BY g."perpetratorId", p."name", p."shortName"`;
  return sortCounts(rows.map((r) => r.key === null
    ? { ...NO_GROUP, shortName: NO_GROUP.label, count: r.n }
    : { key: r.key, label: r.name ?? r.key, shortName: r.short ?? r.key, count: r.n }));
}

/**
 * Matching incidents per year and group (counted as in incidentsByGroup). The `topGroups`
 * largest groups get their own series; the rest are summed into OTHER_GROUPS.
 */
export async function incidentsPerYearByGroup(filters: IncidentFilters, topGroups = 8, prisma: PrismaClient = db()): Promise<YearBreakdown> {
  const [rows, years] = await Promise.all([
    prisma.$queryRaw<{ year: number; key: string | null; n: number }[]>`
      SELECT CAST(EXTRACT(YEAR FROM i."date") AS integer) AS year, g."perpetratorId" AS key, CAST(COUNT(*) AS integer) AS n
      FROM "Incident" i
      LEFT JOIN LATERAL (SELECT DISTINCT a."perpetratorId" FROM "Attribution" a WHERE a."incidentId" = i."id") g ON TRUE
      WHERE ${incidentSql(filters)}
      GROUP BY 1, 2`,
    yearsInRange(filters, prisma),
  ]);
  const totals = new Map<string, number>();
  for (const r of rows) if (r.key !== null) totals.set(r.key, (totals.get(r.key) ?? 0) + r.n);
  const ranked = [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
  const own = new Set(ranked.slice(0, topGroups));
  const names = new Map((await prisma.perpetrator.findMany({ where: { id: { in: [...own] } }, select: { id: true, shortName: true } })).map((p) => [p.id, p.shortName]));
  const series = ranked.filter((k) => own.has(k)).map((k) => ({ key: k, label: names.get(k) ?? k }));
  if (ranked.length > own.size) series.push({ ...OTHER_GROUPS });
  if (rows.some((r) => r.key === null)) series.push({ ...NO_GROUP });
  return { series, rows: fillYears(years, series, rows.map((r) => ({ year: r.year, key: r.key === null ? NO_GROUP.key : own.has(r.key) ? r.key : OTHER_GROUPS.key, n: r.n }))) };
}

/** Matching incidents per year and province; only provinces with incidents get a series. */
export async function incidentsPerYearByProvince(filters: IncidentFilters, prisma: PrismaClient = db()): Promise<YearBreakdown> {
  const [rows, years] = await Promise.all([
    prisma.$queryRaw<{ year: number; key: Province; n: number }[]>`
      SELECT CAST(EXTRACT(YEAR FROM i."date") AS integer) AS year, CAST(i."province" AS text) AS key, CAST(COUNT(*) AS integer) AS n
      FROM "Incident" i
      WHERE ${incidentSql(filters)}
      GROUP BY 1, 2`,
    yearsInRange(filters, prisma),
  ]);
  const present = new Set(rows.map((r) => r.key));
  const series = (Object.keys(PROVINCES) as Province[]).filter((p) => present.has(p)).map((p) => ({ key: p, label: PROVINCES[p] }));
  return { series, rows: fillYears(years, series, rows) };
}

/** Killed and injured per year, Chinese and all victims, with how many incidents leave each unknown. */
export async function casualtiesPerYear(filters: IncidentFilters, prisma: PrismaClient = db()): Promise<CasualtyYear[]> {
  const [rows, years] = await Promise.all([
    prisma.$queryRaw<{ year: number; incidents: number; ck: number | null; ci: number | null; tk: number | null; ti: number | null; uck: number; uci: number; utk: number; uti: number }[]>`
      SELECT CAST(EXTRACT(YEAR FROM i."date") AS integer) AS year,
        CAST(COUNT(*) AS integer) AS incidents,
        CAST(SUM(i."chineseKilled") AS integer) AS ck, CAST(SUM(i."chineseInjured") AS integer) AS ci,
        CAST(SUM(i."totalKilled") AS integer) AS tk, CAST(SUM(i."totalInjured") AS integer) AS ti,
        CAST(COUNT(*) - COUNT(i."chineseKilled") AS integer) AS uck, CAST(COUNT(*) - COUNT(i."chineseInjured") AS integer) AS uci,
        CAST(COUNT(*) - COUNT(i."totalKilled") AS integer) AS utk, CAST(COUNT(*) - COUNT(i."totalInjured") AS integer) AS uti
      FROM "Incident" i
      WHERE ${incidentSql(filters)}
      GROUP BY 1`,
    yearsInRange(filters, prisma),
  ]);
  const byYear = new Map(rows.map((r) => [r.year, r]));
  return years.map((year): CasualtyYear => {
    const r = byYear.get(year);
    // A year without incidents has nothing unknown: 0 is the true figure there.
    if (!r) return { year, incidents: 0, chineseKilled: 0, chineseInjured: 0, totalKilled: 0, totalInjured: 0, unknown: { chineseKilled: 0, chineseInjured: 0, totalKilled: 0, totalInjured: 0 } };
    return {
      year, incidents: r.incidents,
      chineseKilled: r.ck, chineseInjured: r.ci, totalKilled: r.tk, totalInjured: r.ti,
      unknown: { chineseKilled: r.uck, chineseInjured: r.uci, totalKilled: r.utk, totalInjured: r.uti },
    };
  });
}

// ---------------------------------------------------------------------------------------

/**
 * The years a trend chart shows: every year from the first to the last recorded incident
 * (of the whole database, so charts keep one axis while filters change), narrowed by the
 * year filter. Empty years inside stay in, as zeros.
 */
async function yearsInRange(f: IncidentFilters, prisma: PrismaClient): Promise<number[]> {
  const span = await prisma.incident.aggregate({ _min: { date: true }, _max: { date: true } });
  if (!span._min.date || !span._max.date) return [];
  const first = Math.max(span._min.date.getUTCFullYear(), f.from?.getUTCFullYear() ?? -Infinity);
  const last = Math.min(span._max.date.getUTCFullYear(), f.to?.getUTCFullYear() ?? Infinity);
  const years: number[] = [];
  for (let y = first; y <= last; y++) years.push(y);
  return years;
}

function fillYears(years: number[], series: { key: string }[], counts: { year: number; key: string; n: number }[]): YearBreakdown["rows"] {
  const rows = new Map(years.map((year) => [year, { year, ...Object.fromEntries(series.map((s) => [s.key, 0])) } as { year: number } & Record<string, number>]));
  for (const c of counts) {
    const row = rows.get(c.year);
    if (row) row[c.key] = (row[c.key] ?? 0) + c.n;
  }
  return [...rows.values()];
}

function sortCounts<T extends CategoryCount>(rows: T[]): T[] {
  return rows.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}
