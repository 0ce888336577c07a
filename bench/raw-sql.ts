// The physical limit the benchmark compares the app with: the SQL the pages need, written by
// hand and run straight through a driver, with no ORM, no rendering and no HTTP. The
// overview's widgets all derive from two grouped scans (year x province x attack type with the
// casualty sums, and year x group), plus the year span and the two filter vocabularies;
// whatever the page does on top of that is overhead the tuning phase can remove.
// Values are parameters; only constant SQL is concatenated.
import type { SqlRunner } from "../lib/write/synth/load.ts";
import { parseFilters } from "../lib/filters.ts";
import { incidentSql, mapSummarySql, summarySql } from "../lib/data/incident-sql.ts";

/** The benchmark's filters: the URL contract's defaults (direct links only) plus these. */
export type BenchFilter = { province?: string[]; group?: string[]; from?: string; to?: string };

export function filterQuery(f: BenchFilter): string {
  const p = new URLSearchParams();
  for (const v of f.province ?? []) p.append("province", v);
  for (const v of f.group ?? []) p.append("group", v);
  if (f.from) p.set("from", f.from);
  if (f.to) p.set("to", f.to);
  return p.toString();
}

/**
 * The WHERE clause over "Incident" i for a filter: the app's own filter function (so both
 * sides select the same incidents by construction), read as PostgreSQL text with its
 * parameters. `$n` placeholders start at 1.
 */
function where(f: BenchFilter, on: "incidents" | "summary" | "map summary" = "incidents"): { sql: string; params: unknown[] } {
  const { filters } = parseFilters(new URLSearchParams(filterQuery(f)));
  const sql = on === "incidents" ? incidentSql(filters) : on === "summary" ? summarySql(filters) : mapSummarySql(filters);
  if (!sql) throw new Error(`the ${on} cannot answer ?${filterQuery(f)}`);
  return { sql: sql.text, params: sql.values };
}

type Query = { name: string; sql: string; params: unknown[] };

export function overviewQueries(f: BenchFilter): Query[] {
  const w = where(f);
  return [
    {
      name: "year x province x type, with casualty sums",
      sql: `SELECT EXTRACT(YEAR FROM i."date")::int AS year, i."province", i."attackType", COUNT(*)::int AS n,
              SUM(i."chineseKilled")::int AS ck, COUNT(i."chineseKilled")::int AS kck, SUM(i."chineseInjured")::int AS ci, COUNT(i."chineseInjured")::int AS kci,
              SUM(i."totalKilled")::int AS tk, COUNT(i."totalKilled")::int AS ktk, SUM(i."totalInjured")::int AS ti, COUNT(i."totalInjured")::int AS kti,
              SUM(i."attackersKilled")::int AS ak, COUNT(i."attackersKilled")::int AS kak
            FROM "Incident" i WHERE ${w.sql} GROUP BY 1, 2, 3`,
      params: w.params,
    },
    {
      name: "year x group",
      sql: `SELECT EXTRACT(YEAR FROM i."date")::int AS year, g."perpetratorId" AS grp, COUNT(*)::int AS n
            FROM "Incident" i LEFT JOIN LATERAL (SELECT DISTINCT a."perpetratorId" FROM "Attribution" a WHERE a."incidentId" = i."id") g ON TRUE
            WHERE ${w.sql} GROUP BY 1, 2`,
      params: w.params,
    },
    {
      name: "map: province x grid cell",
      sql: `SELECT i."province", round(i."latitude" * 20) AS cy, round(i."longitude" * 20) AS cx, AVG(i."latitude") AS lat, AVG(i."longitude") AS lon, COUNT(*)::int AS n,
              SUM(i."totalKilled")::int AS tk, COUNT(i."totalKilled")::int AS ktk, SUM(i."totalInjured")::int AS ti, COUNT(i."totalInjured")::int AS kti,
              SUM(i."chineseKilled")::int AS ck, COUNT(i."chineseKilled")::int AS kck, SUM(i."chineseInjured")::int AS ci, COUNT(i."chineseInjured")::int AS kci,
              MIN(COALESCE(i."city", i."district")) AS place, MIN(i."id") AS one, MAX(i."date") AS latest, MAX(i."geoPrecision") AS precision
            FROM "Incident" i WHERE ${w.sql} GROUP BY 1, 2, 3`,
      params: w.params,
    },
    ...FIXED_QUERIES,
  ];
}

const FIXED_QUERIES: Query[] = [
  { name: "year span", sql: `SELECT MIN("date") AS first, MAX("date") AS last FROM "Incident"`, params: [] },
  { name: "filter vocabularies", sql: `SELECT 'group' AS kind, "id", "shortName" AS label FROM "Perpetrator" UNION ALL SELECT 'project', "id", "name" FROM "Project"`, params: [] },
];

/**
 * The same questions asked of the summaries the triggers keep (IncidentSummary,
 * IncidentMapSummary): the physical limit of the overview now. overviewQueries, the scans
 * of every matching incident, stay as the "no summary" reference.
 */
export function overviewSummaryQueries(f: BenchFilter): Query[] {
  const s = where(f, "summary"), m = where(f, "map summary");
  const sums = ["chineseKilled", "chineseInjured", "totalKilled", "totalInjured", "attackersKilled"].map((k) => `SUM(s."${k}Sum")::int, SUM(s."${k}Known")::int`).join(", ");
  return [
    { name: "year x province x type, with casualty sums", sql: `SELECT s."year", s."province", s."attackType", SUM(s."incidents")::int AS n, ${sums} FROM "IncidentSummary" s WHERE ${s.sql} GROUP BY 1, 2, 3`, params: s.params },
    { name: "year x group", sql: `SELECT s."year", g.key, SUM(s."incidents")::int AS n FROM "IncidentSummary" s LEFT JOIN LATERAL unnest(s."groupIds") AS g(key) ON TRUE WHERE ${s.sql} GROUP BY 1, 2`, params: s.params },
    {
      name: "map: province x grid cell",
      sql: `SELECT m."province", m."cy", m."cx", SUM(m."latSum") / SUM(m."incidents") AS lat, SUM(m."lonSum") / SUM(m."incidents") AS lon, SUM(m."incidents")::int AS n,
              SUM(m."killedSum")::int, SUM(m."killedKnown")::int, SUM(m."injuredSum")::int, SUM(m."injuredKnown")::int,
              SUM(m."chineseKilledSum")::int, SUM(m."chineseKilledKnown")::int, SUM(m."chineseInjuredSum")::int, SUM(m."chineseInjuredKnown")::int,
              SUM(m."chineseSum")::int, SUM(m."chineseIncidents")::int, MIN(m."place") AS place, MIN(m."oneId") AS one, MAX(m."latest") AS latest, MAX(m."geoPrecision") AS precision
            FROM "IncidentMapSummary" m WHERE ${m.sql} GROUP BY 1, 2, 3`,
      params: m.params,
    },
    ...FIXED_QUERIES,
  ];
}

export type TableSort = "date" | "chinese_killed";

/**
 * One page of /incidents: the matching count and the page's rows with their groups and source
 * URLs. The page's ids are picked the fastest way we know, so the limit is a real one: by
 * date, an index range; by Chinese killed (unknown last), the known figures and then the
 * unknown ones as two index ranges, each stopping at the page's end, rather than one
 * "NULLS LAST" order that no (key, id) index serves and that sorts every match.
 */
export function tableQueries(sort: TableSort, page: number, pageSize = 25): Query[] {
  const w = where({});
  const offset = (page - 1) * pageSize, reach = offset + pageSize;
  const ids = sort === "date"
    ? `ids AS (SELECT i."id" FROM "Incident" i WHERE ${w.sql} ORDER BY i."date" DESC, i."id" DESC LIMIT ${pageSize} OFFSET ${offset})`
    : `known AS MATERIALIZED (
         SELECT i."id", i."chineseKilled" AS key FROM "Incident" i WHERE ${w.sql} AND i."chineseKilled" IS NOT NULL ORDER BY i."chineseKilled" DESC, i."id" DESC LIMIT ${reach}),
       ids AS (
         SELECT u."id" FROM (
           SELECT known."id", 0 AS part, known.key FROM known
           UNION ALL
           (SELECT i."id", 1, NULL FROM "Incident" i WHERE ${w.sql} AND i."chineseKilled" IS NULL ORDER BY i."id" DESC LIMIT GREATEST(0, ${reach} - (SELECT COUNT(*) FROM known)))
         ) u ORDER BY u.part, u.key DESC, u."id" DESC LIMIT ${pageSize} OFFSET ${offset})`;
  const order = sort === "date" ? `i."date" DESC, i."id" DESC` : `i."chineseKilled" DESC NULLS LAST, i."id" DESC`;
  return [
    { name: "count", sql: `SELECT COUNT(*)::int AS n FROM "Incident" i WHERE ${w.sql}`, params: w.params },
    {
      name: "page",
      sql: `WITH ${ids}
            SELECT i."id", i."date", i."datePrecision", i."province", i."district", i."city", i."attackType", i."target", i."summary",
              i."chineseKilled", i."chineseInjured", i."chineseKidnapped", i."totalKilled", i."totalInjured", i."attackersKilled",
              p."id" AS "projectId", p."name" AS "projectName",
              (SELECT json_agg(json_build_object('role', a."role", 'id', g."id", 'name', g."shortName")) FROM "Attribution" a JOIN "Perpetrator" g ON g."id" = a."perpetratorId" WHERE a."incidentId" = i."id") AS groups,
              (SELECT array_agg(s."url" ORDER BY s."id") FROM "IncidentSource" x JOIN "Source" s ON s."id" = x."sourceId" WHERE x."incidentId" = i."id") AS urls
            FROM ids k
            JOIN "Incident" i ON i."id" = k."id" LEFT JOIN "Project" p ON p."id" = i."projectId"
            ORDER BY ${order}`,
      params: w.params,
    },
  ];
}

/**
 * The CSV export's rows and columns (INCIDENT_CSV_HEADER), in its default order, for COPY ... TO
 * STDOUT: the default view's incidents (the app's own filter function, as the export uses, with
 * its values written in: COPY takes no parameters, and these are constants) and every column of
 * the file, each written as COPY writes it, with the aggregates in their plainest form.
 */
export function exportSelect(): string {
  const w = where({});
  if (w.params.length) throw new Error("the default view's filter has parameters; exportSelect cannot inline them");
  return `SELECT i."id", i."date", i."datePrecision", i."province", i."district", i."city", i."attackType", i."target", i."projectId",
      (SELECT string_agg(DISTINCT a."perpetratorId", '; ') FROM "Attribution" a WHERE a."incidentId" = i."id") AS perpetrators,
      (SELECT string_agg(a."perpetratorId" || ':' || a."role", '; ') FROM "Attribution" a WHERE a."incidentId" = i."id") AS attribution,
      i."chineseKilled", i."chineseInjured", i."totalKilled", i."totalInjured", i."attackersKilled", i."summary",
      (SELECT string_agg(s."url", '; ' ORDER BY s."id") FROM "IncidentSource" x JOIN "Source" s ON s."id" = x."sourceId" WHERE x."incidentId" = i."id") AS source_urls,
      i."chineseKilledLow", i."chineseKilledHigh", i."chineseInjuredLow", i."chineseInjuredHigh",
      i."totalKilledLow", i."totalKilledHigh", i."totalInjuredLow", i."totalInjuredHigh",
      i."latitude", i."longitude", i."geoPrecision"
    FROM "Incident" i WHERE ${w.sql} ORDER BY i."date" DESC, i."id" DESC`;
}

/** Runs queries the way a well-written page would: all at once (the pool serialises them where it must). Returns wall milliseconds. */
export async function timeQueries(sql: SqlRunner | { query: SqlRunner["query"] }, queries: Query[], parallel: boolean): Promise<number> {
  const t = performance.now();
  if (parallel) await Promise.all(queries.map((q) => sql.query(q.sql, q.params)));
  else for (const q of queries) await sql.query(q.sql, q.params);
  return performance.now() - t;
}
