import "server-only";
// The overview's questions, one function each. Every query counts the incidents that
// incidentSql(filters) selects, the SQL twin of incidentWhere (tested to select the same
// incidents). Everything is aggregated in the database, so the cost grows with
// years x provinces x types and years x groups, not with the number of incidents.
// The optional `prisma` argument lets tests pass their own database.
import { cache } from "react";
import { Prisma, type PrismaClient } from "../generated/prisma/client.ts";
import { ATTACK_TYPES, PROVINCES, type AttackType, type Province } from "../vocab.ts";
import { db } from "../server/db.ts";
import { filterOptions } from "./known-slugs.ts";
import { FIGURE_KEYS, HEADLINE_FIGURE_KEYS, type FigureKey, type IncidentFilters } from "../incident-model.ts";
import { FIGURE_SQL, incidentFilterKey, incidentSql, summarySql } from "./incident-sql.ts";
import { scanSource, versionedCache, type ScanSource } from "./data-version.ts";



/** A summed figure: null when every matching incident has it unknown (never shown as 0). */
export type Figure = { total: number | null; unknown: number };
export type Headlines = { incidents: number; figures: Record<FigureKey, Figure> };

/** One bar or slice: a category and how many matching incidents fall in it. */
export type CategoryCount<K extends string = string> = { key: K; label: string; count: number };

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

/** The key and label of incidents no source attributes to any group (underscored: group slugs cannot start with one).
 * A group nobody names is not a group: "unknown" is this, not a perpetrator of its own. */
export const NO_GROUP = { key: "_none", label: "No group named" } as const;
/** The key and label that gather the groups beyond the largest ones in per-year charts. */
export const OTHER_GROUPS = { key: "_other", label: "Other groups" } as const;

// ---------------------------------------------------------------------------------------

/** One cell of the overview's main scan: the matching incidents of a year, province and attack type. */
type Cell = { year: number; province: Province; attackType: AttackType; n: number } & { [K in FigureKey as `sum_${K}`]: number | null } & { [K in FigureKey as `known_${K}`]: number };
/** The matching incidents of a year linked to a group (key null: to none). */
type GroupYear = { year: number; key: string | null; name: string | null; short: string | null; n: number };
type OverviewScans = { cells: Cell[]; groupYears: GroupYear[]; years: number[] };

/** Each figure's sum and how many incidents give it, in FIGURE_KEYS order (arrays: no SQL identifier is made from a key). */
const FIGURE_SUMS = Prisma.sql`CAST(ARRAY[${Prisma.join(FIGURE_KEYS.map((k) => Prisma.sql`SUM(${FIGURE_SQL[k]})`))}] AS integer[]) AS sums,
  CAST(ARRAY[${Prisma.join(FIGURE_KEYS.map((k) => Prisma.sql`COUNT(${FIGURE_SQL[k]})`))}] AS integer[]) AS known`;
type CellRow = Pick<Cell, "year" | "province" | "attackType" | "n"> & { sums: (number | null)[]; known: number[] };
const toCell = ({ sums, known, ...c }: CellRow): Cell =>
  Object.assign(c, ...FIGURE_KEYS.map((k, n) => ({ [`sum_${k}`]: sums[n] ?? null, [`known_${k}`]: known[n] }))) as Cell;

/** The summary's figure columns, in FIGURE_KEYS order: each sum and how many incidents know it. */
const SUMMARY_COLUMNS = {
  chineseKilled: [Prisma.sql`s."chineseKilledSum"`, Prisma.sql`s."chineseKilledKnown"`],
  chineseInjured: [Prisma.sql`s."chineseInjuredSum"`, Prisma.sql`s."chineseInjuredKnown"`],
  totalKilled: [Prisma.sql`s."totalKilledSum"`, Prisma.sql`s."totalKilledKnown"`],
  totalInjured: [Prisma.sql`s."totalInjuredSum"`, Prisma.sql`s."totalInjuredKnown"`],
  attackersKilled: [Prisma.sql`s."attackersKilledSum"`, Prisma.sql`s."attackersKilledKnown"`],
} satisfies Record<FigureKey, [Prisma.Sql, Prisma.Sql]>;
// As SQL's SUM over incidents: null where no incident of the group knows the figure.
const SUMMARY_SUMS = Prisma.sql`CAST(ARRAY[${Prisma.join(FIGURE_KEYS.map((k) => Prisma.sql`CASE WHEN SUM(${SUMMARY_COLUMNS[k][1]}) = 0 THEN NULL ELSE SUM(${SUMMARY_COLUMNS[k][0]}) END`))}] AS integer[]) AS sums,
  CAST(ARRAY[${Prisma.join(FIGURE_KEYS.map((k) => Prisma.sql`SUM(${SUMMARY_COLUMNS[k][1]})`))}] AS integer[]) AS known`;

/**
 * Every widget's numbers come from two grouped reads: year x province x attack type with the
 * casualty sums and known-figure counts, and year x linked group. The widgets fold those few
 * hundred groups in JS, never the incidents. Both come from the summary table the triggers
 * keep (a few hundred thousand rows at most, whatever the number of incidents) unless the
 * filters need a scan (free text, a date inside a year) or a bulk load has deferred the
 * summary; the scan is the same question asked of "Incident" and is tested to agree.
 */
export async function overviewScansFrom(filters: IncidentFilters, prisma: PrismaClient, source?: ScanSource): Promise<OverviewScans & { source: ScanSource }> {
  const summaryWhere = summarySql(filters);
  const use = await scanSource(summaryWhere, prisma, source);
  const [cells, groupYears, years] = await Promise.all(use === "summary" ? [
    prisma.$queryRaw<CellRow[]>`
      SELECT s."year", CAST(s."province" AS text) AS province, CAST(s."attackType" AS text) AS "attackType",
        CAST(SUM(s."incidents") AS integer) AS n, ${SUMMARY_SUMS}
      FROM "IncidentSummary" s
      WHERE ${summaryWhere!}
      GROUP BY 1, 2, 3`,
    prisma.$queryRaw<GroupYear[]>`
      SELECT q.year, q.key, p."name" AS name, p."shortName" AS short, q.n
      FROM (
        SELECT s."year", g.key, CAST(SUM(s."incidents") AS integer) AS n
        FROM "IncidentSummary" s
        LEFT JOIN LATERAL unnest(s."groupIds") AS g(key) ON TRUE
        WHERE ${summaryWhere!}
        GROUP BY 1, 2
      ) q
      LEFT JOIN "Perpetrator" p ON p."id" = q.key`,
    yearsInRange(filters, prisma),
  ] as const : [
    prisma.$queryRaw<CellRow[]>`
      SELECT CAST(EXTRACT(YEAR FROM i."date") AS integer) AS year, CAST(i."province" AS text) AS province, CAST(i."attackType" AS text) AS "attackType",
        CAST(COUNT(*) AS integer) AS n, ${FIGURE_SUMS}
      FROM "Incident" i
      WHERE ${incidentSql(filters)}
      GROUP BY 1, 2, 3`,
    prisma.$queryRaw<GroupYear[]>`
      SELECT q.year, q.key, p."name" AS name, p."shortName" AS short, q.n
      FROM (
        SELECT CAST(EXTRACT(YEAR FROM i."date") AS integer) AS year, g."perpetratorId" AS key, CAST(COUNT(*) AS integer) AS n
        FROM "Incident" i
        LEFT JOIN LATERAL (SELECT DISTINCT a."perpetratorId" FROM "Attribution" a WHERE a."incidentId" = i."id") g ON TRUE
        WHERE ${incidentSql(filters)}
        GROUP BY 1, 2
      ) q
      LEFT JOIN "Perpetrator" p ON p."id" = q.key`,
    yearsInRange(filters, prisma),
  ] as const);
  return { cells: cells.map(toCell), groupYears, years, source: use };
}

const overviewScansUncached = (filters: IncidentFilters, prisma: PrismaClient): Promise<OverviewScans> => overviewScansFrom(filters, prisma);

// A cached entry is a few hundred grouped rows (years x provinces x types, years x groups).
const scansCache = versionedCache<OverviewScans>(200);

/**
 * Computed once per data version and filter set, and shared between concurrent requests
 * for it: a burst of visitors to the default view costs one pair of scans, and later views
 * none until the data changes.
 */
function sharedScans(filters: IncidentFilters, prisma: PrismaClient): Promise<OverviewScans> {
  return scansCache(incidentFilterKey(filters), () => overviewScansUncached(filters, prisma), prisma);
}

const overviewScans = cache(sharedScans);
const scans = (filters: IncidentFilters, prisma: PrismaClient = db()) => overviewScans(filters, prisma);

/** The incident count and the summed casualty figures, each with how many incidents leave it unknown. */
export async function overviewHeadlines(filters: IncidentFilters, prisma?: PrismaClient): Promise<Headlines> {
  const { cells } = await scans(filters, prisma);
  const incidents = cells.reduce((n, c) => n + c.n, 0);
  const figures = Object.fromEntries(FIGURE_KEYS.map((k) => {
    let withFigure = 0, sum = 0;
    for (const c of cells) { withFigure += c[`known_${k}`]; sum += c[`sum_${k}`] ?? 0; }
    return [k, { total: withFigure ? sum : incidents ? null : 0, unknown: incidents - withFigure }];
  })) as Record<FigureKey, Figure>;
  return { incidents, figures };
}

function countBy<K extends string>(cells: Cell[], key: (c: Cell) => K): Map<K, number> {
  const m = new Map<K, number>();
  for (const c of cells) m.set(key(c), (m.get(key(c)) ?? 0) + c.n);
  return m;
}

/** Matching incidents per province, largest first; provinces without any are left out. */
export async function incidentsByProvince(filters: IncidentFilters, prisma?: PrismaClient): Promise<CategoryCount<Province>[]> {
  const { cells } = await scans(filters, prisma);
  return sortCounts([...countBy(cells, (c) => c.province)].map(([key, count]) => ({ key, label: PROVINCES[key], count })));
}

/** Matching incidents per attack type, largest first. */
export async function incidentsByAttackType(filters: IncidentFilters, prisma?: PrismaClient): Promise<CategoryCount<AttackType>[]> {
  const { cells } = await scans(filters, prisma);
  return sortCounts([...countBy(cells, (c) => c.attackType)].map(([key, count]) => ({ key, label: ATTACK_TYPES[key], count })));
}

/**
 * Matching incidents per group they are linked to, largest first. An incident linked to
 * several groups (by any claim: claimed, attributed, alleged, suspected or denied, as the
 * group filter counts) counts once under each; incidents with no attribution count under
 * NO_GROUP. So the counts can add up to more than the number of incidents.
 */
export async function incidentsByGroup(filters: IncidentFilters, prisma?: PrismaClient): Promise<(CategoryCount & { shortName: string })[]> {
  const { groupYears } = await scans(filters, prisma);
  const byKey = new Map<string | null, CategoryCount & { shortName: string }>();
  for (const r of groupYears) {
    const row = byKey.get(r.key) ?? (r.key === null
      ? { ...NO_GROUP, shortName: NO_GROUP.label, count: 0 }
      : { key: r.key, label: r.name ?? r.key, shortName: r.short ?? r.key, count: 0 });
    row.count += r.n;
    byKey.set(r.key, row);
  }
  return sortCounts([...byKey.values()]);
}

/**
 * Matching incidents per year and group (counted as in incidentsByGroup). The `topGroups`
 * largest groups get their own series; the rest are summed into OTHER_GROUPS.
 */
export async function incidentsPerYearByGroup(filters: IncidentFilters, topGroups = 8, prisma?: PrismaClient): Promise<YearBreakdown> {
  const { groupYears: rows, years } = await scans(filters, prisma);
  const totals = new Map<string, number>();
  const names = new Map<string, string>();
  for (const r of rows) {
    if (r.key === null) continue;
    totals.set(r.key, (totals.get(r.key) ?? 0) + r.n);
    if (r.short !== null) names.set(r.key, r.short);
  }
  const ranked = [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
  const own = new Set(ranked.slice(0, topGroups));
  const series = ranked.filter((k) => own.has(k)).map((k) => ({ key: k, label: names.get(k) ?? k }));
  if (ranked.length > own.size) series.push({ ...OTHER_GROUPS });
  if (rows.some((r) => r.key === null)) series.push({ ...NO_GROUP });
  return { series, rows: fillYears(years, series, rows.map((r) => ({ year: r.year, key: r.key === null ? NO_GROUP.key : own.has(r.key) ? r.key : OTHER_GROUPS.key, n: r.n }))) };
}

/** Matching incidents per year and province; only provinces with incidents get a series. */
export async function incidentsPerYearByProvince(filters: IncidentFilters, prisma?: PrismaClient): Promise<YearBreakdown> {
  const { cells, years } = await scans(filters, prisma);
  const present = new Set(cells.map((c) => c.province));
  const series = (Object.keys(PROVINCES) as Province[]).filter((p) => present.has(p)).map((p) => ({ key: p, label: PROVINCES[p] }));
  return { series, rows: fillYears(years, series, cells.map((c) => ({ year: c.year, key: c.province, n: c.n }))) };
}

const TREND_FIGURES = HEADLINE_FIGURE_KEYS;

/** Killed and injured per year, Chinese and all victims, with how many incidents leave each unknown. */
export async function casualtiesPerYear(filters: IncidentFilters, prisma?: PrismaClient): Promise<CasualtyYear[]> {
  const { cells, years } = await scans(filters, prisma);
  const byYear = new Map<number, { incidents: number; sum: Record<string, number>; known: Record<string, number> }>();
  for (const c of cells) {
    const y = byYear.get(c.year) ?? { incidents: 0, sum: {}, known: {} };
    y.incidents += c.n;
    for (const k of TREND_FIGURES) { y.sum[k] = (y.sum[k] ?? 0) + (c[`sum_${k}`] ?? 0); y.known[k] = (y.known[k] ?? 0) + c[`known_${k}`]; }
    byYear.set(c.year, y);
  }
  return years.map((year): CasualtyYear => {
    const r = byYear.get(year);
    // A year without incidents has nothing unknown: 0 is the true figure there.
    if (!r) return { year, incidents: 0, chineseKilled: 0, chineseInjured: 0, totalKilled: 0, totalInjured: 0, unknown: { chineseKilled: 0, chineseInjured: 0, totalKilled: 0, totalInjured: 0 } };
    // As SQL's SUM: no known figure in the year is unknown (null), not 0.
    const total = (k: typeof TREND_FIGURES[number]) => (r.known[k] ? r.sum[k] : null);
    const unknown = (k: typeof TREND_FIGURES[number]) => r.incidents - r.known[k];
    return {
      year, incidents: r.incidents,
      chineseKilled: total("chineseKilled"), chineseInjured: total("chineseInjured"), totalKilled: total("totalKilled"), totalInjured: total("totalInjured"),
      unknown: { chineseKilled: unknown("chineseKilled"), chineseInjured: unknown("chineseInjured"), totalKilled: unknown("totalKilled"), totalInjured: unknown("totalInjured") },
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
  // The filter bar's year span, which every page has already read (once per request and data version).
  const span = (await filterOptions(prisma)).years;
  if (!span) return [];
  const first = Math.max(span.first, f.from?.getUTCFullYear() ?? -Infinity);
  const last = Math.min(span.last, f.to?.getUTCFullYear() ?? Infinity);
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
