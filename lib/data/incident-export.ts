import "server-only";
// The CSV export: every incident the filters select, in the table's order, streamed in
// batches so memory stays flat however many rows match (the export must serve 1M rows in a
// few hundred MB). Batches follow a keyset cursor, not an offset, so each batch costs the
// same however deep into the set it is.
import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { db } from "../server/db.ts";
import { streamConnectionOf } from "../server/prisma-factory.ts";
import { Prisma, type PrismaClient } from "../generated/prisma/client.ts";
import { CSV_COLUMNS, CSV_HEADER, DEFAULT_FILTERS, MULTI_KEYS, MULTI_VALUE_SEPARATOR, csvRecord, type CsvColumn, type Filters, type SortDir, type SortKey } from "../incident-model.ts";
import { CSV_BOM, csvRow } from "../csv.ts";
import { isWholeYearBoundary } from "../format.ts";
import { SORT_SQL, dirSql, incidentSql, orderSql } from "./incident-sql.ts";

/** The CSV header (the model's CSV_COLUMNS). */
export const INCIDENT_CSV_HEADER = CSV_HEADER;
/** One CSV record as JavaScript writes it: the oracle the database-written records are tested against. */
export const incidentCsvRecord = csvRecord;

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
 * id (no row once the range is exhausted). The aggregates follow groupAttributions exactly: a
 * group once, groups by their strongest role (the enum's order is ATTRIBUTION_ROLES's) then
 * by id, each group's roles in that order, source URLs distinct and sorted. Ids are
 * lowercase slugs, whose byte order (COLLATE "C") is the order localeCompare and Array#sort
 * give them. Enum labels and to_char's digits never need the guard or quotes.
 */
const SEP = Prisma.sql`CAST(${MULTI_VALUE_SEPARATOR} AS text)`;

/**
 * Each CSV column's cell as SQL over the batch row `i`, its groups `g` and its URLs `u`: the
 * same text as the column's `value` in lib/incident-model.ts (tested byte for byte).
 */
const CSV_SQL: Record<CsvColumn, Prisma.Sql> = {
  id: csvTextSql(Prisma.sql`i."id"`),
  date: Prisma.sql`left(to_char(i."date", 'YYYY-MM-DD'), CASE i."datePrecision" WHEN 'day' THEN 10 WHEN 'month' THEN 7 ELSE 4 END)`,
  date_precision: Prisma.sql`CAST(i."datePrecision" AS text)`,
  province: Prisma.sql`CAST(i."province" AS text)`,
  district: csvTextSql(Prisma.sql`i."district"`),
  city: csvTextSql(Prisma.sql`i."city"`),
  attack_type: Prisma.sql`CAST(i."attackType" AS text)`,
  target: csvTextSql(Prisma.sql`i."target"`),
  project: csvTextSql(Prisma.sql`i."projectId"`),
  perpetrators: csvTextSql(Prisma.sql`g.perpetrators`),
  attribution: csvTextSql(Prisma.sql`g.attribution`),
  chinese_killed: csvIntSql(Prisma.sql`i."chineseKilled"`),
  chinese_injured: csvIntSql(Prisma.sql`i."chineseInjured"`),
  total_killed: csvIntSql(Prisma.sql`i."totalKilled"`),
  total_injured: csvIntSql(Prisma.sql`i."totalInjured"`),
  attackers_killed: csvIntSql(Prisma.sql`i."attackersKilled"`),
  summary: csvTextSql(Prisma.sql`i."summary"`),
  source_urls: csvTextSql(Prisma.sql`u.urls`),
  chinese_killed_low: csvIntSql(Prisma.sql`i."chineseKilledLow"`),
  chinese_killed_high: csvIntSql(Prisma.sql`i."chineseKilledHigh"`),
  chinese_injured_low: csvIntSql(Prisma.sql`i."chineseInjuredLow"`),
  chinese_injured_high: csvIntSql(Prisma.sql`i."chineseInjuredHigh"`),
  total_killed_low: csvIntSql(Prisma.sql`i."totalKilledLow"`),
  total_killed_high: csvIntSql(Prisma.sql`i."totalKilledHigh"`),
  total_injured_low: csvIntSql(Prisma.sql`i."totalInjuredLow"`),
  total_injured_high: csvIntSql(Prisma.sql`i."totalInjuredHigh"`),
  // float8's text form is the shortest that reads back exactly, as JavaScript's String(n) is.
  latitude: Prisma.sql`COALESCE(CAST(i."latitude" AS text), '')`,
  longitude: Prisma.sql`COALESCE(CAST(i."longitude" AS text), '')`,
  geo_precision: Prisma.sql`COALESCE(CAST(i."geoPrecision" AS text), '')`,
};
const RECORD_SQL = Prisma.join(CSV_COLUMNS.map((c) => CSV_SQL[c.name]), " || ',' || ");

/** The groups `g` and source URLs `u` of the row `i`, for RECORD_SQL. */
const RECORD_JOINS = Prisma.sql`
      LEFT JOIN LATERAL (
        -- One row per (group, role), with the group's strongest role: the group's own row is the one where the two agree.
        SELECT string_agg(r.pid, ${SEP} ORDER BY r.strongest, r.pid COLLATE "C") FILTER (WHERE r.role = r.strongest) AS perpetrators,
          string_agg(r.pid || ':' || CAST(r.role AS text), ${SEP} ORDER BY r.strongest, r.pid COLLATE "C", r.role) AS attribution
        FROM (SELECT DISTINCT a."perpetratorId" AS pid, a."role" AS role, MIN(a."role") OVER (PARTITION BY a."perpetratorId") AS strongest
              FROM "Attribution" a WHERE a."incidentId" = i."id") r
      ) g ON TRUE
      LEFT JOIN LATERAL (
        SELECT string_agg(d.url, ${SEP} ORDER BY d.url COLLATE "C") AS urls
        FROM (SELECT DISTINCT src."url" FROM "IncidentSource" x JOIN "Source" src ON src."id" = x."sourceId"
              WHERE x."incidentId" = i."id" AND src."url" IS NOT NULL AND src."url" <> '') d
      ) u ON TRUE`;

function exportBatchSql(where: Prisma.Sql, sort: SortKey, dir: SortDir, phase: Prisma.Sql, after: Prisma.Sql, limit: number): Prisma.Sql {
  const s = SORT_SQL[sort];
  const record = RECORD_SQL;
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
      ${RECORD_JOINS}
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

// ---------------------------------------------------------------------------------------
// PostgreSQL: one COPY ... TO STDOUT per range instead of a statement per batch. The records
// are the same SQL as the batches' (RECORD_SQL); the database streams them as it finds them,
// with no batch to plan, sort and join into one text per round trip, which held the export
// at ~0.5 of a plain COPY of the same rows.

/** The custom setting that carries the filter's values into the COPY (see copyText). */
const PARAMS_SETTING = "corridor_watch.export_params";

/**
 * COPY takes no bind parameters, and no value is ever written into SQL text: the statement's
 * values travel as one bound JSON array (set_config, local to the export's transaction), and
 * each placeholder reads its element back. An uncorrelated scalar subquery is evaluated once
 * per statement (an InitPlan), so a filter value still works as an index condition.
 */
function copyText(sql: Prisma.Sql): string {
  return sql.strings.reduce((text, part, k) => (k === 0 ? part : `${text}(SELECT current_setting('${PARAMS_SETTING}')::json ->> ${k - 1})${part}`), "");
}

/** The records of one range (all rows, or the known or the unknown values of a nullable key) in the table's order. */
function copyRangeSql(where: Prisma.Sql, sort: SortKey, dir: SortDir, phase: number): Prisma.Sql {
  const s = SORT_SQL[sort];
  // Within a range the key is all known or all unknown, so the order needs no NULLS LAST and
  // reads straight off the (key, id) index in either direction.
  const order = !s.nullable ? orderSql(sort, dir) : phase === 0 ? Prisma.sql`${s.col} ${dirSql(dir)}, i."id" ${dirSql(dir)}` : Prisma.sql`i."id" ${dirSql(dir)}`;
  const range = !s.nullable ? Prisma.sql`TRUE` : phase === 0 ? Prisma.sql`${s.col} IS NOT NULL` : Prisma.sql`${s.col} IS NULL`;
  return Prisma.sql`
    SELECT ${RECORD_SQL} || E'\\r\\n'
    FROM "Incident" i
    ${RECORD_JOINS}
    WHERE ${where} AND ${range}
    ORDER BY ${order}`;
}

const OUT_CHUNK_BYTES = 256 * 1024;
/** "PGCOPY\n\377\r\n\0", then a flags word and the header extension's length. */
const COPY_SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");

/**
 * The text of each tuple of a binary COPY of one text column, chunk by chunk. Binary, because
 * the records carry their own CSV quoting and CRLFs, which COPY's text and CSV formats would
 * escape or quote again; a binary text value is the bytes as stored (the server's encoding,
 * checked to be UTF-8), framed by a 2-byte field count and a 4-byte length.
 */
async function* copyTuples(chunks: AsyncIterable<Buffer>): AsyncGenerator<Uint8Array> {
  let pending: Buffer = Buffer.alloc(0);
  let out: Buffer[] = [];
  let outBytes = 0;
  let headerLeft = -1; // bytes of header still to skip; -1 until the fixed part is read
  let dataLeft = 0; // bytes of the current value still to pass on
  let ended = false;
  for await (const chunk of chunks) {
    let buf = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    pending = Buffer.alloc(0);
    let at = 0;
    while (at < buf.length && !ended) {
      if (headerLeft === -1) {
        if (buf.length - at < 19) break;
        if (!buf.subarray(at, at + 11).equals(COPY_SIGNATURE)) throw new Error("export: not a binary COPY stream");
        headerLeft = buf.readUInt32BE(at + 15);
        at += 19;
      } else if (headerLeft > 0) {
        const n = Math.min(headerLeft, buf.length - at);
        headerLeft -= n; at += n;
      } else if (dataLeft > 0) {
        const n = Math.min(dataLeft, buf.length - at);
        out.push(buf.subarray(at, at + n));
        outBytes += n; dataLeft -= n; at += n;
      } else {
        if (buf.length - at < 2) break;
        const fields = buf.readInt16BE(at);
        if (fields === -1) { ended = true; at += 2; break; }
        if (buf.length - at < 6) break;
        const len = buf.readInt32BE(at + 2);
        if (fields !== 1 || len < 0) throw new Error("export: unexpected COPY tuple");
        dataLeft = len; at += 6;
      }
    }
    if (at < buf.length && !ended) pending = Buffer.from(buf.subarray(at));
    buf = Buffer.alloc(0);
    // Socket-sized pieces (16-64 KB) are passed on in fewer, larger chunks: the response's
    // gzip flushes at every chunk, and small ones cost it both time and ratio.
    if (outBytes >= OUT_CHUNK_BYTES) { yield Buffer.concat(out, outBytes); out = []; outBytes = 0; }
  }
  if (!ended || pending.length) throw new Error("export: COPY stream ended early");
  if (outBytes) yield Buffer.concat(out, outBytes);
}

/**
 * The records on PostgreSQL, through one connection of the export pool: every range in one
 * read-only snapshot, so the file is one consistent state of the data. The copy stream is
 * read only as fast as the download takes it (pg-copy-streams stops reading the socket, and
 * the server waits), so a slow client holds a few socket buffers, not the rows. Cancelled or
 * failed, the connection is closed rather than returned: it is in the middle of a COPY.
 */
async function* copyRecords(connect: () => Promise<pg.PoolClient>, filters: Filters, signal: AbortSignal): AsyncGenerator<Uint8Array> {
  const client = await connect();
  const socket = (client as unknown as { connection: { stream: { destroy: () => void } } }).connection.stream;
  // A failure surfaces through the query or stream that meets it; these only keep a late
  // error from a connection being closed from crashing the process.
  const ignore = () => {};
  client.on("error", ignore);
  const abort = () => socket.destroy();
  signal.addEventListener("abort", abort);
  let done = false;
  try {
    const where = incidentSql(filters);
    const ranges = SORT_SQL[filters.sort].nullable ? [0, 1] : [0];
    const statements = ranges.map((r) => copyRangeSql(where, filters.sort, filters.dir, r));
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const [{ encoding }] = (await client.query<{ encoding: string }>(
      `SELECT set_config('${PARAMS_SETTING}', $1, true), current_setting('server_encoding') AS encoding`,
      // Every value incidentSql and RECORD_SQL bind is text: slugs, enum labels, days, the search pattern, the separator.
      [JSON.stringify(statements[0].values.map((v) => { if (typeof v !== "string") throw new Error("export: a non-text filter value"); return v; }))],
    )).rows;
    if (encoding !== "UTF8") throw new Error(`export: the database's encoding is ${encoding}, not UTF8`);
    // The plan's cost is past jit_above_cost; compiling it bought nothing measurable per row.
    await client.query("SET LOCAL jit = off");
    for (const sql of statements) {
      // A megabyte of slack lets the database run on through a pause of the download (a GC, a
      // gzip flush) instead of waiting on a full socket; it is all a slow client can pin.
      const stream = client.query(copyTo(`COPY (${copyText(sql)}) TO STDOUT (FORMAT binary)`, { highWaterMark: 2 ** 20 }));
      stream.on("error", ignore);
      yield* copyTuples(stream as AsyncIterable<Buffer>);
    }
    await client.query("COMMIT");
    done = true;
  } finally {
    signal.removeEventListener("abort", abort);
    if (done) { client.off("error", ignore); client.release(); }
    else { client.release(new Error("export cancelled or failed")); abort(); }
  }
}

/**
 * The CSV file as a byte stream. Pull-based: the next records are read only when the client
 * has taken the previous ones, so a slow download holds a chunk or two in memory, not the
 * whole set. On PostgreSQL (when the client has an export pool) one COPY per range; elsewhere
 * (PGlite, which runs one statement at a time in this process) keyset batches.
 */
export function incidentCsvStream(filters: Filters, options: ExportOptions = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const prisma = options.prisma ?? db();
  const connect = streamConnectionOf(prisma);
  const cancelled = new AbortController();
  let source: AsyncGenerator<Uint8Array> | null = null;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM + csvRow(INCIDENT_CSV_HEADER)));
    },
    async pull(controller) {
      source ??= connect ? copyRecords(connect, filters, cancelled.signal) : batchRecords(filters, { ...options, prisma });
      const next = await source.next();
      if (next.done) { controller.close(); return; }
      controller.enqueue(next.value);
    },
    async cancel() {
      // Closes the connection at once, even while a read is pending (the generator's return would wait for it).
      cancelled.abort();
      await source?.return(undefined);
    },
  }, { highWaterMark: 1 });
}

async function* batchRecords(filters: Filters, options: ExportOptions): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  for await (const batch of incidentExportBatches(filters, options)) yield encoder.encode(batch.csv);
}

const FILENAME_PART = /[^a-z0-9]+/g;
const slugPart = (s: string) => s.toLowerCase().replace(FILENAME_PART, "-").replace(/^-|-$/g, "").slice(0, 30);

/**
 * corridor-watch_incidents_province-sindh_group-bla_2021-2024_exported-2026-11-22.csv:
 * ASCII only (safe in a Content-Disposition header), and capped in length: a long filter
 * list collapses to "filtered" rather than a name no file system accepts.
 */
export function exportFilename(filters: Filters, today: Date = new Date(), dataVersion?: string): string {
  const parts: string[] = [];
  for (const key of MULTI_KEYS) {
    if (filters[key].length) parts.push(`${key}-${filters[key].map(slugPart).join("+")}`);
  }
  const year = (d: Date, end: boolean) => (isWholeYearBoundary(d, end) ? String(d.getUTCFullYear()) : d.toISOString().slice(0, 10));
  if (filters.from || filters.to) parts.push(`${filters.from ? year(filters.from, false) : "start"}-${filters.to ? year(filters.to, true) : "now"}`);
  if (filters.victims !== DEFAULT_FILTERS.victims) parts.push(`victims-${filters.victims}`);
  if (filters.links !== DEFAULT_FILTERS.links) parts.push(`links-${filters.links}`);
  if (filters.q) parts.push(`q-${slugPart(filters.q) || "text"}`);
  let filterPart = parts.join("_");
  if (filterPart.length > 120) filterPart = "filtered";
  const sortPart = filters.sort === DEFAULT_FILTERS.sort && filters.dir === DEFAULT_FILTERS.dir ? "" : `_sort-${filters.sort.replace("_", "-")}-${filters.dir}`;
  const versionPart = dataVersion && /^\d+$/.test(dataVersion) ? `_data-v${dataVersion}` : "";
  return `corridor-watch_incidents${filterPart ? `_${filterPart}` : ""}${sortPart}${versionPart}_exported-${today.toISOString().slice(0, 10)}.csv`;
}
