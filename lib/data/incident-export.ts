import "server-only";
// The CSV export: every incident the filters select, in the table's order, streamed in
// batches so memory stays flat however many rows match (the export must serve 1M rows in a
// few hundred MB). Batches follow a keyset cursor, not an offset, so each batch costs the
// same however deep into the set it is.
import { db } from "../server/db.ts";
import { Prisma, type PrismaClient } from "../generated/prisma/client.ts";
import type { Filters, SortKey } from "../filters.ts";
import { CSV_BOM, csvRow, type CsvValue } from "../csv.ts";
import type { IncidentRow } from "./incident-table.ts";
import { SORT_SQL, incidentSql, orderSql, type SortDir } from "./incident-sql.ts";

/** Column order and headers of the CSV file; `npm run db:import` reads the same names. */
export const INCIDENT_CSV_HEADER = [
  "id", "date", "date_precision", "province", "district", "city", "attack_type", "target", "project",
  "perpetrators", "attribution", "chinese_killed", "chinese_injured", "total_killed", "total_injured",
  "attackers_killed", "summary", "source_urls",
] as const;

/** Separator inside a multi-valued cell. */
export const MULTI_VALUE_SEPARATOR = "; ";

/** One CSV record: slugs rather than labels so the file can be re-imported; unknown figures stay empty. */
export function incidentCsvRecord(r: IncidentRow): CsvValue[] {
  return [
    r.id, r.date, r.datePrecision, r.province, r.district, r.city, r.attackType, r.target, r.project?.id,
    r.groups.map((g) => g.id).join(MULTI_VALUE_SEPARATOR),
    r.groups.flatMap((g) => g.roles.map((role) => `${g.id}:${role}`)).join(MULTI_VALUE_SEPARATOR),
    r.chineseKilled, r.chineseInjured, r.totalKilled, r.totalInjured, r.attackersKilled,
    r.summary, r.sourceUrls.join(MULTI_VALUE_SEPARATOR),
  ];
}

export type ExportOptions = { prisma?: PrismaClient; batchSize?: number };

/** One batch of the export: its records as CSV text, each with its CRLF, and how many there are. */
export type ExportBatch = { csv: string; rows: number };

type Cursor = { id: string; key: string | number | null };
type ExportSqlBatch = Cursor & ExportBatch;

/**
 * csvCell() of a text expression, in SQL: the database writes the records and Node passes
 * the text on (turning 18-field rows into CSV in JavaScript was the export's bottleneck).
 * The guard is FORMULA_START's, the quoting NEEDS_QUOTES's; the guard's ' never needs quotes,
 * so whether to quote is read off the value itself. Null is an empty cell. The expression
 * is repeated: give it a column, not a computation.
 */
export function csvTextSql(text: Prisma.Sql): Prisma.Sql {
  const guard = Prisma.sql`CASE WHEN ${text} ~ '^''*[-=+@\\t\\r]' THEN '''' ELSE '' END`;
  return Prisma.sql`COALESCE(CASE WHEN ${text} ~ '[",\\r\\n]' THEN '"' || ${guard} || replace(${text}, '"', '""') || '"' ELSE ${guard} || ${text} END, '')`;
}

/** csvCell() of an integer column: counts are never negative, so never guarded. */
const csvIntSql = (n: Prisma.Sql) => Prisma.sql`COALESCE(CAST(${n} AS text), '')`;

/**
 * One batch: the rows after the cursor, in the table's order, each written as its CSV record
 * and the records joined in that order, returned as one row with the last record's key and
 * id (no row once the range is exhausted). The aggregates follow toIncidentRow exactly: a
 * group once, groups by their strongest role (the enum's order is ATTRIBUTION_ROLES's) then
 * by id, each group's roles in that order, source URLs distinct and sorted. Ids are
 * lowercase slugs, whose byte order (COLLATE "C") is the order localeCompare and Array#sort
 * give them. Enum labels and to_char's digits never need the guard or quotes.
 */
function exportBatchSql(where: Prisma.Sql, sort: SortKey, dir: SortDir, phase: Prisma.Sql, after: Prisma.Sql, limit: number): Prisma.Sql {
  const s = SORT_SQL[sort];
  const record = Prisma.join([
    csvTextSql(Prisma.sql`i."id"`),
    Prisma.sql`left(to_char(i."date", 'YYYY-MM-DD'), CASE i."datePrecision" WHEN 'day' THEN 10 WHEN 'month' THEN 7 ELSE 4 END)`,
    Prisma.sql`CAST(i."datePrecision" AS text)`, Prisma.sql`CAST(i."province" AS text)`,
    csvTextSql(Prisma.sql`i."district"`), csvTextSql(Prisma.sql`i."city"`), Prisma.sql`CAST(i."attackType" AS text)`,
    csvTextSql(Prisma.sql`i."target"`), csvTextSql(Prisma.sql`i."projectId"`),
    csvTextSql(Prisma.sql`g.perpetrators`), csvTextSql(Prisma.sql`g.attribution`),
    csvIntSql(Prisma.sql`i."chineseKilled"`), csvIntSql(Prisma.sql`i."chineseInjured"`), csvIntSql(Prisma.sql`i."totalKilled"`),
    csvIntSql(Prisma.sql`i."totalInjured"`), csvIntSql(Prisma.sql`i."attackersKilled"`),
    csvTextSql(Prisma.sql`i."summary"`), csvTextSql(Prisma.sql`u.urls`),
  ], " || ',' || ");
  return Prisma.sql`
    WITH batch AS (
      SELECT row_number() OVER (ORDER BY ${orderSql(sort, dir)}) AS n, i."id",
        ${sort === "date" ? Prisma.sql`to_char(i."date", 'YYYY-MM-DD')` : s.col} AS key,
        ${record} || E'\\r\\n' AS line
      FROM (
        -- The batch's rows first, so the aggregates below run for them alone, whatever plan orders them.
        SELECT i.* FROM "Incident" i
        WHERE ${where} AND ${phase} AND ${after}
        ORDER BY ${orderSql(sort, dir)}
        LIMIT ${limit}
      ) i
      LEFT JOIN LATERAL (
        -- One row per (group, role), with the group's strongest role: the group's own row is the one where the two agree.
        SELECT string_agg(r.pid, '; ' ORDER BY r.strongest, r.pid COLLATE "C") FILTER (WHERE r.role = r.strongest) AS perpetrators,
          string_agg(r.pid || ':' || CAST(r.role AS text), '; ' ORDER BY r.strongest, r.pid COLLATE "C", r.role) AS attribution
        FROM (SELECT DISTINCT a."perpetratorId" AS pid, a."role" AS role, MIN(a."role") OVER (PARTITION BY a."perpetratorId") AS strongest
              FROM "Attribution" a WHERE a."incidentId" = i."id") r
      ) g ON TRUE
      LEFT JOIN LATERAL (
        SELECT string_agg(d.url, '; ' ORDER BY d.url COLLATE "C") AS urls
        FROM (SELECT DISTINCT src."url" FROM "IncidentSource" x JOIN "Source" src ON src."id" = x."sourceId"
              WHERE x."incidentId" = i."id" AND src."url" IS NOT NULL AND src."url" <> '') d
      ) u ON TRUE
    )
    -- The text is joined after the last row is found, so the sort that finds it moves no text.
    SELECT (SELECT string_agg(b.line, '' ORDER BY b.n) FROM batch b) AS csv, CAST(l.n AS integer) AS rows, l."id", l.key
    FROM (SELECT b.n, b."id", b.key FROM batch b ORDER BY b.n DESC LIMIT 1) l`;
}

/**
 * "Comes after the cursor" in the table's order, for rows on the cursor's side of the nulls
 * (known values are read first, then the unknown ones). A row comparison on (key, id) is a
 * range a b-tree on the key (and id) starts from, so every batch costs the same however
 * deep it is; enums compare in their declaration order, as the table sorts them.
 */
function keysetAfter(sort: SortKey, dir: SortDir, cursor: Cursor | null): Prisma.Sql {
  if (!cursor) return Prisma.sql`TRUE`;
  const s = SORT_SQL[sort];
  if (cursor.key === null) return dir === "asc" ? Prisma.sql`i."id" > ${cursor.id}` : Prisma.sql`i."id" < ${cursor.id}`;
  return dir === "asc"
    ? Prisma.sql`(${s.col}, i."id") > (${s.cast(cursor.key)}, ${cursor.id})`
    : Prisma.sql`(${s.col}, i."id") < (${s.cast(cursor.key)}, ${cursor.id})`;
}

/**
 * The filtered incidents in the requested order (page and pageSize ignored) as CSV records,
 * one batch at a time. 2,500 records are ~800 KB of text; 1,000 and 5,000 exported at the
 * same rate, so the batch stays small enough that the text held at once is a few MB.
 */
export async function* incidentExportBatches(filters: Filters, { prisma = db(), batchSize = 2500 }: ExportOptions = {}): AsyncGenerator<ExportBatch> {
  const where = incidentSql(filters);
  const s = SORT_SQL[filters.sort];
  // Unknown figures sort last: read the known ones, then the unknown ones by id. Two plain
  // ranges keep "or is null" out of the keyset condition, where it would defeat the index.
  const phases = s.nullable ? [Prisma.sql`${s.col} IS NOT NULL`, Prisma.sql`${s.col} IS NULL`] : [Prisma.sql`TRUE`];
  const read = (phase: number, cursor: Cursor | null) => {
    const sql = exportBatchSql(where, filters.sort, filters.dir, phases[phase], keysetAfter(filters.sort, filters.dir, cursor), batchSize);
    // The planner's estimate for a batch (a lateral lookup per row) is past jit_above_cost, and
    // compiling the statement took PostgreSQL 25-55 ms on top of the ~70 ms of running it.
    const batch = prisma.$transaction([prisma.$executeRaw`SET LOCAL jit = off`, prisma.$queryRaw<ExportSqlBatch[]>(sql)]).then(([, rows]) => rows[0] ?? null);
    batch.catch(() => {}); // awaited below, unless the download is cancelled first
    return { phase, batch };
  };
  // One batch read ahead: the database writes the next batch while this one is sent, so at
  // most two batches are held at once.
  let next: { phase: number; batch: Promise<ExportSqlBatch | null> } | null = read(0, null);
  while (next) {
    const phase: number = next.phase;
    const b: ExportSqlBatch | null = await next.batch;
    next = b?.rows === batchSize ? read(phase, b) : phase + 1 < phases.length ? read(phase + 1, null) : null;
    if (b) yield { csv: b.csv, rows: b.rows };
  }
}

/**
 * The CSV file as a byte stream. Pull-based: the next batch is read only when the client has
 * taken the previous one, so a slow download holds a batch or two in memory, not the whole set.
 */
export function incidentCsvStream(filters: Filters, options: ExportOptions = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let batches: AsyncGenerator<ExportBatch> | null = null;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM + csvRow(INCIDENT_CSV_HEADER)));
    },
    async pull(controller) {
      batches ??= incidentExportBatches(filters, options);
      const next = await batches.next();
      if (next.done) { controller.close(); return; }
      controller.enqueue(encoder.encode(next.value.csv));
    },
    async cancel() {
      await batches?.return(undefined);
    },
  }, { highWaterMark: 1 });
}

const FILENAME_PART = /[^a-z0-9]+/g;
const slugPart = (s: string) => s.toLowerCase().replace(FILENAME_PART, "-").replace(/^-|-$/g, "").slice(0, 30);

/**
 * corridor-watch_incidents_province-sindh_group-bla_2021-2024_exported-2026-11-22.csv:
 * ASCII only (safe in a Content-Disposition header), and capped in length: a long filter
 * list collapses to "filtered" rather than a name no file system accepts.
 */
export function exportFilename(filters: Filters, today: Date = new Date()): string {
  const parts: string[] = [];
  for (const key of ["province", "group", "type", "project", "sector"] as const) {
    if (filters[key].length) parts.push(`${key}-${filters[key].map(slugPart).join("+")}`);
  }
  const year = (d: Date, end: boolean) =>
    (end ? d.getUTCMonth() === 11 && d.getUTCDate() === 31 : d.getUTCMonth() === 0 && d.getUTCDate() === 1)
      ? String(d.getUTCFullYear()) : d.toISOString().slice(0, 10);
  if (filters.from || filters.to) parts.push(`${filters.from ? year(filters.from, false) : "start"}-${filters.to ? year(filters.to, true) : "now"}`);
  if (filters.victims !== "all") parts.push(`victims-${filters.victims}`);
  if (filters.links !== "direct") parts.push(`links-${filters.links}`);
  if (filters.q) parts.push(`q-${slugPart(filters.q) || "text"}`);
  let filterPart = parts.join("_");
  if (filterPart.length > 120) filterPart = "filtered";
  const sortPart = filters.sort === "date" && filters.dir === "desc" ? "" : `_sort-${filters.sort.replace("_", "-")}-${filters.dir}`;
  return `corridor-watch_incidents${filterPart ? `_${filterPart}` : ""}${sortPart}_exported-${today.toISOString().slice(0, 10)}.csv`;
}
