import "server-only";
// The incident list behind /incidents and GET /api/incidents. The CSV export
// (incident-export.ts) shares its filter and order (incident-sql.ts) and builds the same
// cells in SQL, so the three always agree.
import { db } from "../server/db.ts";
import { Prisma, type PrismaClient } from "../generated/prisma/client.ts";
import { groupAttributions, type FigureRanges, type Filters, type IncidentRow } from "../incident-model.ts";
import { isoPartialDate } from "../format.ts";
import type { AttackType, AttributionRole, DatePrecision, GeoPrecision, Province } from "../vocab.ts";
import { SORT_SQL, dirSql, incidentFilterKey, incidentSql, orderSql } from "./incident-sql.ts";
import { versionedCache } from "./data-version.ts";

export type { IncidentRow };

export type IncidentTablePage = { total: number; page: number; pageSize: number; pageCount: number; incidents: IncidentRow[] };

type SqlAttribution = { role: AttributionRole; perpetrator: { id: string; shortName: string } };
type PageSqlRow = {
  id: string; day: string; datePrecision: DatePrecision; province: Province; district: string | null; city: string | null;
  attackType: AttackType; target: string; summary: string;
  chineseKilled: number | null; chineseInjured: number | null; chineseKidnapped: number | null; totalKilled: number | null; totalInjured: number | null; attackersKilled: number | null;
  projectId: string | null; projectName: string | null;
  latitude: number | null; longitude: number | null; geoPrecision: GeoPrecision | null;
} & FigureRanges & {
  attributions: SqlAttribution[] | string | null; urls: (string | null)[] | null;
};

const fromJson = <T,>(v: T | string | null): T | null => (typeof v === "string" ? JSON.parse(v) as T : v);

/**
 * The ids of one page, in order, as SQL. For a figure that can be unknown, the known values
 * and the unknown ones are read as two ranges, each in the (key, id) order an index on
 * (key, id) serves in either direction, and each stopping after offset + limit rows: one
 * "NULLS LAST" order over both would need an index of its own per direction, or a sort of
 * every match.
 */
function pageIdsSql(filters: Filters, offset: number, limit: number): Prisma.Sql {
  const where = incidentSql(filters);
  const s = SORT_SQL[filters.sort];
  const dir = dirSql(filters.dir);
  if (!s.nullable) return Prisma.sql`SELECT i."id" FROM "Incident" i WHERE ${where} ORDER BY ${orderSql(filters.sort, filters.dir)} LIMIT ${limit} OFFSET ${offset}`;
  const reach = offset + limit;
  // The unknown range is read only for the rows the known one could not fill.
  return Prisma.sql`
    WITH known AS MATERIALIZED (
      SELECT i."id", ${s.col} AS key FROM "Incident" i WHERE ${where} AND ${s.col} IS NOT NULL ORDER BY ${s.col} ${dir}, i."id" ${dir} LIMIT ${reach}
    )
    SELECT u."id" FROM (
      SELECT known."id", 0 AS part, known.key FROM known
      UNION ALL
      (SELECT i."id", 1 AS part, NULL AS key FROM "Incident" i WHERE ${where} AND ${s.col} IS NULL ORDER BY i."id" ${dir}
       LIMIT GREATEST(0, ${reach} - (SELECT COUNT(*) FROM known)))
    ) u
    ORDER BY u.part, u.key ${dir}, u."id" ${dir}
    LIMIT ${limit} OFFSET ${offset}`;
}

// Counts are a few bytes each; every page, sort order and the API share them per filter set.
const countCache = versionedCache<number>(2000);

/** How many incidents the filters select: a scan of every match, so computed once per data version and filter set. */
export function incidentCount(filters: Filters, prisma: PrismaClient = db()): Promise<number> {
  return countCache(incidentFilterKey(filters), async () => {
    const [{ n }] = await prisma.$queryRaw<{ n: number }[]>`SELECT CAST(COUNT(*) AS integer) AS n FROM "Incident" i WHERE ${incidentSql(filters)}`;
    return n;
  }, prisma);
}

/**
 * The rows of one page of the filtered incidents, in the requested order, with their
 * project, groups and source URLs in one statement (the page's ids first, then only those
 * rows are joined), so a page costs one round trip whatever its depth. It does not wait for
 * the count, which scans every match: the table can show its rows first.
 */
export async function incidentPageRows(filters: Filters, prisma: PrismaClient = db()): Promise<IncidentRow[]> {
  const offset = (filters.page - 1) * filters.pageSize;
  const rows = await prisma.$queryRaw<PageSqlRow[]>`
      SELECT i."id", to_char(i."date", 'YYYY-MM-DD') AS day, CAST(i."datePrecision" AS text) AS "datePrecision",
        CAST(i."province" AS text) AS province, i."district", i."city", CAST(i."attackType" AS text) AS "attackType", i."target", i."summary",
        i."chineseKilled", i."chineseInjured", i."chineseKidnapped", i."totalKilled", i."totalInjured", i."attackersKilled",
        i."chineseKilledLow", i."chineseKilledHigh", i."chineseInjuredLow", i."chineseInjuredHigh",
        i."totalKilledLow", i."totalKilledHigh", i."totalInjuredLow", i."totalInjuredHigh",
        i."latitude", i."longitude", CAST(i."geoPrecision" AS text) AS "geoPrecision",
        p."id" AS "projectId", p."name" AS "projectName",
        (SELECT json_agg(json_build_object('role', a."role", 'perpetrator', json_build_object('id', g."id", 'shortName', g."shortName")))
           FROM "Attribution" a JOIN "Perpetrator" g ON g."id" = a."perpetratorId" WHERE a."incidentId" = i."id") AS attributions,
        (SELECT array_agg(s."url") FROM "IncidentSource" x JOIN "Source" s ON s."id" = x."sourceId" WHERE x."incidentId" = i."id") AS urls
      FROM (${pageIdsSql(filters, offset, filters.pageSize)}) k
      JOIN "Incident" i ON i."id" = k."id"
      LEFT JOIN "Project" p ON p."id" = i."projectId"
      ORDER BY ${orderSql(filters.sort, filters.dir)}`;
  return rows.map(toIncidentRow);
}

/** The one conversion from a page row as SQL gives it to the row the table, the API and the CSV oracle use. */
function toIncidentRow(r: PageSqlRow): IncidentRow {
  return {
    id: r.id,
    date: isoPartialDate(new Date(`${r.day}T00:00:00.000Z`), r.datePrecision),
    datePrecision: r.datePrecision, province: r.province, district: r.district, city: r.city,
    attackType: r.attackType, target: r.target, summary: r.summary,
    project: r.projectId === null ? null : { id: r.projectId, name: r.projectName ?? r.projectId },
    groups: groupAttributions(fromJson(r.attributions) ?? []),
    chineseKilled: r.chineseKilled, chineseInjured: r.chineseInjured, chineseKidnapped: r.chineseKidnapped,
    totalKilled: r.totalKilled, totalInjured: r.totalInjured, attackersKilled: r.attackersKilled,
    chineseKilledLow: r.chineseKilledLow, chineseKilledHigh: r.chineseKilledHigh, chineseInjuredLow: r.chineseInjuredLow, chineseInjuredHigh: r.chineseInjuredHigh,
    totalKilledLow: r.totalKilledLow, totalKilledHigh: r.totalKilledHigh, totalInjuredLow: r.totalInjuredLow, totalInjuredHigh: r.totalInjuredHigh,
    // By URL, not by source id: an import gives a source a new id, and the exported file must
    // not change when it is imported and exported again.
    sourceUrls: [...new Set((r.urls ?? []).filter((u): u is string => !!u))].sort(),
    latitude: r.latitude, longitude: r.longitude, geoPrecision: r.geoPrecision,
  };
}

export const pageCountFor = (total: number, pageSize: number) => Math.max(1, Math.ceil(total / pageSize));

/** A page's rows and count, both already asked for. */
export type StartedIncidentPage = { rows: Promise<IncidentRow[]>; total: Promise<number> };

/** Starts both reads of a page now; each promise is awaited later (a failure surfaces there, not as an unhandled rejection). */
export function startIncidentPage(filters: Filters, prisma: PrismaClient = db()): StartedIncidentPage {
  const rows = incidentPageRows(filters, prisma);
  const total = incidentCount(filters, prisma);
  rows.catch(() => {});
  total.catch(() => {});
  return { rows, total };
}

/** One page with the count (the JSON API's answer): the two queries run side by side. */
export async function incidentTablePage(filters: Filters, prisma: PrismaClient = db()): Promise<IncidentTablePage> {
  const [total, incidents] = await Promise.all([incidentCount(filters, prisma), incidentPageRows(filters, prisma)]);
  return { total, page: filters.page, pageSize: filters.pageSize, pageCount: pageCountFor(total, filters.pageSize), incidents };
}
