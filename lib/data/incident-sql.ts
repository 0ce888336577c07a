import "server-only";
// The SQL of the incident model (lib/incident-model.ts): the condition each filter parameter
// adds and the column each sort key orders by, over `"Incident" i`. Every query that selects
// incidents by filters goes through incidentSql: the overview's scans, the table, the API,
// the CSV export, group and project figures, the reconciliation and the benchmark's raw
// side. Identifiers come only from the constant maps below; every value is a parameter.
import { Prisma } from "../generated/prisma/client.ts";
import { isWholeYearBoundary } from "../format.ts";
import { SELECTION_KEYS, SORTS, type FigureKey, type IncidentFilters, type SelectionKey, type SortDir, type SortKey } from "../incident-model.ts";

export type { IncidentFilters, SortDir };

const day = (d: Date) => d.toISOString().slice(0, 10);
const enumList = (values: readonly string[], type: string) => Prisma.join(values.map((v) => Prisma.sql`CAST(${v} AS ${Prisma.raw(`"${type}"`)})`));

/** Each selection parameter's condition, or null when it selects every incident (its default). */
const FILTER_SQL: { [K in SelectionKey]: (v: IncidentFilters[K], f: IncidentFilters) => Prisma.Sql | null } = {
  from: (v) => (v ? Prisma.sql`i."date" >= CAST(${day(v)} AS date)` : null),
  to: (v) => (v ? Prisma.sql`i."date" <= CAST(${day(v)} AS date)` : null),
  province: (v) => (v.length ? Prisma.sql`i."province" IN (${enumList(v, "Province")})` : null),
  // Any attribution counts, whatever its role: an analyst filtering by a group wants every
  // incident the group is linked to; the role is shown beside it.
  group: (v) => (v.length ? Prisma.sql`EXISTS (SELECT 1 FROM "Attribution" fa WHERE fa."incidentId" = i."id" AND fa."perpetratorId" IN (${Prisma.join(v)}))` : null),
  type: (v) => (v.length ? Prisma.sql`i."attackType" IN (${enumList(v, "AttackType")})` : null),
  project: (v) => (v.length ? Prisma.sql`i."projectId" IN (${Prisma.join(v)})` : null),
  sector: (v) => (v.length ? Prisma.sql`EXISTS (SELECT 1 FROM "Project" fp WHERE fp."id" = i."projectId" AND fp."sector" IN (${enumList(v, "ProjectSector")}))` : null),
  victims: (v) => (v === "chinese" ? Prisma.sql`(i."chineseKilled" > 0 OR i."chineseInjured" > 0 OR i."chineseKidnapped" > 0)` : null),
  // The default view: Chinese nationals harmed, or Chinese interests directly targeted. A
  // `target` filter asks the target question alone and takes its place.
  links: (v, f) => (v === "direct" && !f.target.length ? Prisma.sql`(i."targetLink" = CAST('direct' AS "TargetLink") OR i."chineseHarmed" IS TRUE)` : null),
  target: (v) => (v.length ? Prisma.sql`i."targetLink" IN (${enumList(v, "TargetLink")})` : null),
  q: (v) => {
    if (!v) return null;
    // Prisma's `contains` passes the text through as a LIKE pattern, % and _ included; so does this.
    const like = `%${v}%`;
    return Prisma.sql`(i."summary" ILIKE ${like} OR i."target" ILIKE ${like} OR i."city" ILIKE ${like} OR i."district" ILIKE ${like} OR i."locationDetail" ILIKE ${like} OR i."id" ILIKE ${like})`;
  },
};

/** The one filter function: the condition the filters put on `"Incident" i` (TRUE when none). */
export function incidentSql(f: IncidentFilters): Prisma.Sql {
  // FILTER_SQL answers every parameter, so the condition is never null.
  return summaryCondition(FILTER_SQL, f)!;
}

/**
 * The same selection over the overview's summary (`"IncidentSummary" s`, one row per
 * combination of the dimensions below, kept by triggers: migration incident_summary). Each
 * key says how the summary answers it, or UNANSWERABLE when it cannot (free text; a date
 * that cuts a year, since the summary's grain is the year), and the caller scans "Incident"
 * with incidentSql instead. A new filter parameter must be given an entry here too.
 */
export const UNANSWERABLE = Symbol("unanswerable by the summary");
type SummaryMap = { [K in SelectionKey]: (v: IncidentFilters[K], f: IncidentFilters) => Prisma.Sql | null | typeof UNANSWERABLE };

/** The parameters both summaries answer alike, over the summary aliased `t` (both name these columns the same). */
function sharedSummaryFilters(t: Prisma.Sql): Pick<SummaryMap, "from" | "to" | "province" | "victims" | "links" | "target" | "q"> {
  return {
    // An incident's date is the first day of its period, so whole years select the same incidents by year.
    from: (v) => (!v ? null : isWholeYearBoundary(v, false) ? Prisma.sql`${t}."year" >= ${v.getUTCFullYear()}` : UNANSWERABLE),
    to: (v) => (!v ? null : isWholeYearBoundary(v, true) ? Prisma.sql`${t}."year" <= ${v.getUTCFullYear()}` : UNANSWERABLE),
    province: (v) => (v.length ? Prisma.sql`${t}."province" IN (${enumList(v, "Province")})` : null),
    victims: (v) => (v === "chinese" ? Prisma.sql`${t}."chineseVictims"` : null),
    links: (v, f) => (v === "direct" && !f.target.length ? Prisma.sql`(${t}."targetLink" = CAST('direct' AS "TargetLink") OR ${t}."chineseHarmed")` : null),
    target: (v) => (v.length ? Prisma.sql`${t}."targetLink" IN (${enumList(v, "TargetLink")})` : null),
    q: (v) => (v ? UNANSWERABLE : null),
  };
}

const SUMMARY_FILTER_SQL: SummaryMap = {
  ...sharedSummaryFilters(Prisma.sql`s`),
  // groupIds holds every group any claim names, as the EXISTS above tests.
  group: (v) => (v.length ? Prisma.sql`s."groupIds" && CAST(ARRAY[${Prisma.join(v)}] AS text[])` : null),
  type: (v) => (v.length ? Prisma.sql`s."attackType" IN (${enumList(v, "AttackType")})` : null),
  project: (v) => (v.length ? Prisma.sql`s."projectId" IN (${Prisma.join(v)})` : null),
  sector: (v) => (v.length ? Prisma.sql`EXISTS (SELECT 1 FROM "Project" fp WHERE fp."id" = s."projectId" AND fp."sector" IN (${enumList(v, "ProjectSector")}))` : null),
};

/**
 * The same selection over the map's summary (`"IncidentMapSummary" m`), whose rows keep
 * fewer dimensions (no attack type or project) and count each incident under "*" and under
 * each of its groups, so one group at most can be asked of it.
 */
const MAP_SUMMARY_FILTER_SQL: SummaryMap = {
  ...sharedSummaryFilters(Prisma.sql`m`),
  group: (v) => (v.length > 1 ? UNANSWERABLE : Prisma.sql`m."groupKey" = ${v[0] ?? "*"}`),
  type: (v) => (v.length ? UNANSWERABLE : null),
  project: (v) => (v.length ? UNANSWERABLE : null),
  sector: (v) => (v.length ? UNANSWERABLE : null),
};

/** The AND of each parameter's condition under `map` (TRUE when none), or null when one is UNANSWERABLE. */
function summaryCondition(map: SummaryMap, f: IncidentFilters): Prisma.Sql | null {
  const and: Prisma.Sql[] = [];
  for (const k of SELECTION_KEYS) {
    const c = (map[k] as (v: unknown, f: IncidentFilters) => Prisma.Sql | null | typeof UNANSWERABLE)(f[k], f);
    if (c === UNANSWERABLE) return null;
    if (c) and.push(c);
  }
  return and.length ? Prisma.join(and, " AND ") : Prisma.sql`TRUE`;
}

/** The condition the filters put on the summary `s`, or null when only a scan of the incidents can answer them. */
export const summarySql = (f: IncidentFilters) => summaryCondition(SUMMARY_FILTER_SQL, f);
/** The condition the filters put on the map's summary `m`, or null when only a scan can answer them. */
export const mapSummarySql = (f: IncidentFilters) => summaryCondition(MAP_SUMMARY_FILTER_SQL, f);

/** A cache key for what incidentSql(f) selects: equal keys, equal sets of incidents. */
export function incidentFilterKey(f: IncidentFilters): string {
  return JSON.stringify(SELECTION_KEYS.map((k) => f[k]));
}

/** Each summed figure's column. */
export const FIGURE_SQL: Record<FigureKey, Prisma.Sql> = {
  chineseKilled: Prisma.sql`i."chineseKilled"`,
  chineseInjured: Prisma.sql`i."chineseInjured"`,
  totalKilled: Prisma.sql`i."totalKilled"`,
  totalInjured: Prisma.sql`i."totalInjured"`,
  attackersKilled: Prisma.sql`i."attackersKilled"`,
};

/** A sort key's column over `"Incident" i`, and how a cursor value is cast back to its type. */
type SortSql = { col: Prisma.Sql; cast: (v: unknown) => Prisma.Sql; nullable: boolean };
const asInt = (v: unknown) => Prisma.sql`CAST(${v} AS integer)`;
const SORT_COLUMNS: Record<SortKey, Omit<SortSql, "nullable">> = {
  date: { col: Prisma.sql`i."date"`, cast: (v) => Prisma.sql`CAST(${v} AS date)` },
  province: { col: Prisma.sql`i."province"`, cast: (v) => Prisma.sql`CAST(${v} AS "Province")` },
  attack_type: { col: Prisma.sql`i."attackType"`, cast: (v) => Prisma.sql`CAST(${v} AS "AttackType")` },
  chinese_killed: { col: Prisma.sql`i."chineseKilled"`, cast: asInt },
  chinese_injured: { col: Prisma.sql`i."chineseInjured"`, cast: asInt },
  total_killed: { col: Prisma.sql`i."totalKilled"`, cast: asInt },
  total_injured: { col: Prisma.sql`i."totalInjured"`, cast: asInt },
};
export const SORT_SQL = Object.fromEntries(Object.entries(SORT_COLUMNS).map(([k, s]) => [k, { ...s, nullable: SORTS[k as SortKey].nullable }])) as Record<SortKey, SortSql>;

const DIR_SQL: Record<SortDir, Prisma.Sql> = { asc: Prisma.sql`ASC`, desc: Prisma.sql`DESC` };
export const dirSql = (dir: SortDir) => DIR_SQL[dir];

/** The table's order: the key (unknown last either way), then the id in the same direction, so a page boundary never repeats or skips a row. */
export function orderSql(sort: SortKey, dir: SortDir): Prisma.Sql {
  const s = SORT_SQL[sort];
  return Prisma.sql`${s.col} ${DIR_SQL[dir]}${s.nullable ? Prisma.sql` NULLS LAST` : Prisma.empty}, i."id" ${DIR_SQL[dir]}`;
}
