import "server-only";
// The CSV export: every incident the filters select, in the table's order, streamed in
// batches so memory stays flat however many rows match (the export must serve 1M rows in a
// few hundred MB). Batches follow a keyset cursor, not an offset, so each batch costs the
// same however deep into the set it is.
import { db } from "../db.ts";
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import type { Filters, SortKey } from "../filters.ts";
import { CSV_BOM, csvRow, type CsvValue } from "../csv.ts";
import { incidentWhere } from "./incident-where.ts";
import {
  INCIDENT_ROW_SELECT, SORT_COLUMNS, incidentOrderBy, toIncidentRow,
  type IncidentRecordRow, type IncidentRow, type SortDir,
} from "./incident-table.ts";

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

type Cursor = { id: string; value: Date | string | number | null };

/**
 * "Comes after the cursor" in the order incidentOrderBy gives, for rows on the cursor's side
 * of the nulls (the caller reads the known values first, then the unknown ones). Written as
 * `key <= v AND (key < v OR id < w)` rather than a bare OR: the first half is a range an
 * index on the key can start from, so every batch costs the same however deep it is.
 * Prisma has no row comparison and enums have no greater-than, so for an enum the range is
 * the list of values from the cursor's on.
 */
export function keysetAfter(sort: SortKey, dir: SortDir, cursor: Cursor): Prisma.IncidentWhereInput {
  const col = SORT_COLUMNS[sort];
  const f = col.field;
  const idAfter: Prisma.IncidentWhereInput = { id: dir === "asc" ? { gt: cursor.id } : { lt: cursor.id } };
  if (cursor.value === null) return { AND: [{ [f]: null }, idAfter] };
  if ("values" in col) {
    const at = col.values.indexOf(cursor.value as string);
    const later = dir === "asc" ? col.values.slice(at + 1) : col.values.slice(0, at);
    return { AND: [{ [f]: { in: [cursor.value, ...later] } }, { OR: [{ [f]: { in: later } }, idAfter] }] };
  }
  const [atOrAfter, after] = dir === "asc" ? ["gte", "gt"] : ["lte", "lt"];
  return { AND: [{ [f]: { [atOrAfter]: cursor.value } }, { OR: [{ [f]: { [after]: cursor.value } }, idAfter] }] };
}

export type ExportOptions = { prisma?: PrismaClient; batchSize?: number };

/** The filtered incidents in the requested order (page and pageSize ignored), one batch at a time. */
export async function* incidentExportBatches(filters: Filters, { prisma = db(), batchSize = 500 }: ExportOptions = {}): AsyncGenerator<IncidentRow[]> {
  const where = incidentWhere(filters);
  const col = SORT_COLUMNS[filters.sort];
  // Unknown figures sort last: read the known ones, then the unknown ones by id. Two plain
  // ranges keep "or is null" out of the keyset condition, where it would defeat the index;
  // and without nulls in play, the key's plain order (PostgreSQL's default nulls placement)
  // is the same order as the table's, in the shape a b-tree on the key serves both ways.
  const phases: { where: Prisma.IncidentWhereInput; orderBy: Prisma.IncidentOrderByWithRelationInput[] }[] = col.nullable
    ? [
      { where: { [col.field]: { not: null } }, orderBy: [{ [col.field]: filters.dir }, { id: filters.dir }] },
      { where: { [col.field]: null }, orderBy: [{ id: filters.dir }] },
    ]
    : [{ where: {}, orderBy: incidentOrderBy(filters.sort, filters.dir) }];
  for (const phase of phases) {
    let cursor: Cursor | null = null;
    for (;;) {
      const records: IncidentRecordRow[] = await prisma.incident.findMany({
        where: { AND: [where, phase.where, ...(cursor ? [keysetAfter(filters.sort, filters.dir, cursor)] : [])] },
        orderBy: phase.orderBy,
        take: batchSize,
        select: INCIDENT_ROW_SELECT,
      });
      if (records.length) yield records.map(toIncidentRow);
      if (records.length < batchSize) break;
      const last = records[records.length - 1];
      cursor = { id: last.id, value: last[col.field] };
    }
  }
}

/**
 * The CSV file as a byte stream. Pull-based: the next batch is read only when the client has
 * taken the previous one, so a slow download holds one batch in memory, not the whole set.
 */
export function incidentCsvStream(filters: Filters, options: ExportOptions = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let batches: AsyncGenerator<IncidentRow[]> | null = null;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM + csvRow(INCIDENT_CSV_HEADER)));
    },
    async pull(controller) {
      batches ??= incidentExportBatches(filters, options);
      const next = await batches.next();
      if (next.done) { controller.close(); return; }
      controller.enqueue(encoder.encode(next.value.map((r) => csvRow(incidentCsvRecord(r))).join("")));
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
