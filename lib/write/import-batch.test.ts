// The batched importer against the per-row seed writer, on a few thousand generated rows read
// in small chunks and small batches (so every chunk and batch boundary is crossed): the same
// rows in every table, the same revisions, nothing at all when a row near the end is bad.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvDocument, type CsvValue } from "../csv.ts";
import { REQUIRED_COLUMNS, readImportBatches, readImportFile, type ImportRow } from "../records/import-rows.ts";
import { tableChecksums } from "../testing/checksum.ts";
import { FIXTURE } from "../testing/fixture.ts";
import { backends, freshDatabase, type TestDatabase } from "../testing/test-db.ts";
import { importIncidentBatches, importedRecord } from "./import-incidents.ts";
import { snapshotIncidents, snapshotIncidentsSql } from "./revisions.ts";
import { writeDataset } from "./write-dataset.ts";
import { rawTransactionOf } from "../server/prisma-factory.ts";

const COLUMNS = [...REQUIRED_COLUMNS, "latitude", "longitude", "geo_precision", "chinese_link", "confidence", "location_precision"] as const;
type Row = Record<(typeof COLUMNS)[number], CsvValue>;
const ROWS = 2000;
// The per-row reference writer takes ~10 s per 1,000 incidents on PGlite.
const SLOW = 240_000;
const BATCH = 400;

/** Made-up incidents (ids say "generated"); a spread of known and unknown figures, groups, points and non-ASCII text. */
function generated(k: number, over: Partial<Row> = {}): Row {
  const month = String(1 + (k % 12)).padStart(2, "0");
  const precision = k % 9 === 0 ? "month" : "day";
  const date = precision === "month" ? `2025-${month}` : `2025-${month}-${String(1 + (k % 28)).padStart(2, "0")}`;
  const killed = k % 11 === 0 ? null : k % 6;
  const group = k % 3 === 0 ? "fx-alpha" : "fx-beta";
  const point = k % 4 === 0;
  return {
    id: `${date}-generated-${k}`, date, date_precision: precision, province: ["sindh", "balochistan", "punjab"][k % 3], district: k % 5 ? null : `District ${k % 17}`,
    city: k % 2 ? "Gwādar" : null, attack_type: ["bombing", "armed_assault", "kidnapping"][k % 3], target: `Generated target ${k} — “quoted”, with comma`,
    project: k % 13 === 0 ? "fx-dam" : null, perpetrators: k % 7 === 0 ? null : group, attribution: k % 7 === 0 ? null : `${group}:${k % 2 ? "claimed" : "alleged"}`,
    chinese_killed: killed === null ? null : Math.min(killed, k % 2), chinese_injured: k % 5 === 0 ? null : k % 3, total_killed: killed,
    total_injured: k % 5 === 0 ? null : (k % 3) + (k % 4), attackers_killed: k % 8 === 0 ? 2 : null,
    summary: `Generated incident ${k}: test data, not an event.`, source_urls: `https://generated.invalid/${k}; https://generated.invalid/shared/${k % 40}${k % 500 === 0 ? "; https://example.org/a" : ""}`,
    latitude: point ? 25 + (k % 100) / 10 : null, longitude: point ? 65.123456 + (k % 50) / 7 : null, geo_precision: point ? "town" : null,
    chinese_link: k % 5 === 2 ? "weak" : k % 5 === 3 ? "direct" : null, confidence: k % 10 === 0 ? "high" : null, location_precision: k % 6 === 0 ? "district" : null, ...over,
  };
}
const csv = (rows: Row[]) => new TextEncoder().encode(csvDocument(COLUMNS, rows.map((r) => COLUMNS.map((c) => r[c]))));
const json = (rows: Row[]) => new TextEncoder().encode(JSON.stringify(rows.map((r) => Object.fromEntries(COLUMNS.map((c) => [c, r[c]])))));
const rowsOf = (over: (k: number) => Partial<Row> = () => ({})) => Array.from({ length: ROWS }, (_, k) => generated(k, over(k)));

/** The file in 4 KB chunks (characters and quoted fields split across them), read in batches of BATCH rows. */
function chunked(bytes: Uint8Array) {
  return (async function* () { for (let n = 0; n < bytes.length; n += 4093) yield bytes.subarray(n, n + 4093); })();
}
const importFile = (db: TestDatabase, bytes: Uint8Array, label = "generated.csv") =>
  importIncidentBatches(db.prisma, readImportBatches(chunked(bytes), "csv", BATCH), label);

const revisionCount = (db: TestDatabase) => db.prisma.revision.count();
const DATA_TABLES = ["Source", "Incident", "IncidentSource", "Attribution", "Casualty", "Evidence"] as const;
const dataChecksums = async (db: TestDatabase) => Object.fromEntries(Object.entries(await tableChecksums(db.prisma)).filter(([t]) => (DATA_TABLES as readonly string[]).includes(t)));

/**
 * What the per-row writer wrote for the same rows: the seed writer given the records it built
 * (importedRecord), the sources the import made, and the links to every URL's source.
 */
async function perRowReference(into: TestDatabase, from: TestDatabase, rows: ImportRow[], label: string) {
  const sources = await from.prisma.source.findMany({ where: { id: { startsWith: "import-" } } });
  const byUrl = new Map((await from.prisma.source.findMany({ orderBy: { id: "asc" } })).reverse().map((s) => [s.url, s.id]));
  const records = rows.map((r) => importedRecord(r, null, byUrl.get(r.source_urls[0])!, `Imported from ${label}`));
  await writeDataset(into.prisma, { sources, perpetrators: [], projects: [], incidents: records, reportedFigures: [] });
  await into.prisma.incidentSource.createMany({ data: rows.flatMap((r) => r.source_urls.map((u) => ({ incidentId: r.id, sourceId: byUrl.get(u)! }))), skipDuplicates: true });
}

describe.each(backends())("batched db:import on %s", (backend) => {
  let db: TestDatabase;
  let reference: TestDatabase;
  const file = csv(rowsOf());
  beforeAll(async () => {
    [db, reference] = [await freshDatabase(backend), await freshDatabase(backend)];
    await writeDataset(db.prisma, FIXTURE);
    await writeDataset(reference.prisma, FIXTURE);
  });
  afterAll(async () => { await db?.close(); await reference?.close(); });

  it("reads a file in chunks exactly as it reads it whole", async () => {
    const streamed: ImportRow[] = [];
    for await (const b of readImportBatches(chunked(file), "csv", BATCH)) { expect(b.problems).toEqual([]); streamed.push(...b.rows); }
    expect(streamed).toEqual(readImportFile(file, "csv"));
    expect(streamed).toHaveLength(ROWS);
  });

  it("reads a JSON file in chunks element by element, to the same rows as the CSV", async () => {
    const bytes = json(rowsOf());
    let fed = 0;
    let fedAtFirstBatch = -1;
    const chunks = (async function* () { for await (const c of chunked(bytes)) { fed++; yield c; } })();
    const streamed: ImportRow[] = [];
    for await (const b of readImportBatches(chunks, "json", BATCH)) {
      if (fedAtFirstBatch < 0) fedAtFirstBatch = fed;
      expect(b.problems).toEqual([]);
      streamed.push(...b.rows);
    }
    // The first batch is handed over while most of the file is still unread.
    expect(fedAtFirstBatch).toBeGreaterThan(0);
    expect(fedAtFirstBatch).toBeLessThan(fed / 2);
    const fromCsv = readImportFile(file, "csv");
    expect(streamed.map(({ line: _, ...r }) => r)).toEqual(fromCsv.map(({ line: _, ...r }) => r));
    expect(streamed.map((r) => r.line)).toEqual(fromCsv.map((r) => r.line - 1)); // record numbers; the CSV has its header on line 1
  });

  it("writes nothing from a JSON file cut short after several batches were written", async () => {
    const before = [await dataChecksums(db), await revisionCount(db)];
    const whole = json(rowsOf());
    const cut = whole.subarray(0, whole.length - 200);
    const message = await importIncidentBatches(db.prisma, readImportBatches(chunked(cut), "json", BATCH), "cut.json").then(() => "accepted", (e: Error) => e.message);
    expect(message).toMatch(new RegExp(`^import rejected, nothing was written \\(1 problem\\):\\n  not valid JSON: the file ends before its array is closed, after record ${ROWS - 1}`));
    expect([await dataChecksums(db), await revisionCount(db)]).toEqual(before);
  });

  it("refuses the whole file for a bad value on its last line, listing it by line", async () => {
    const before = [await dataChecksums(db), await revisionCount(db)];
    const bad = csv(rowsOf((k) => (k === ROWS - 1 ? { total_killed: "lots" } : {})));
    await expect(importFile(db, bad)).rejects.toThrow(new RegExp(`^import rejected, nothing was written \\(1 problem\\):\\n  line ${ROWS + 1}: total_killed: must be a whole number`));
    expect([await dataChecksums(db), await revisionCount(db)]).toEqual(before);
  });

  it("rolls back the batches already written when a row near the end names an unknown group or conflicts with sourced evidence", async () => {
    const before = [await dataChecksums(db), await revisionCount(db)];
    const bad = csv([...rowsOf((k) => (k === ROWS - 3 ? { perpetrators: "nobody", attribution: "nobody:claimed" } : {})),
      generated(ROWS, { id: "2024-02-02-fixture-quetta-bomb", date: "2024-02-02", date_precision: "day", total_killed: 99 })]);
    const message = await importFile(db, bad).then(() => "accepted", (e: Error) => e.message);
    expect(message).toMatch(/^import rejected, nothing was written \(2 problems\)/);
    expect(message).toMatch(new RegExp(`line ${ROWS - 1}: perpetrators: unknown group nobody[\\s\\S]*line ${ROWS + 2}: 2024-02-02-fixture-quetta-bomb: casualty figures`));
    expect([await dataChecksums(db), await revisionCount(db)]).toEqual(before);
  });

  it("lists a few hundred problems of a very bad file and counts the rest", async () => {
    const before = await dataChecksums(db);
    const message = await importFile(db, csv(rowsOf(() => ({ province: "mars" })))).then(() => "accepted", (e: Error) => e.message);
    expect(message).toMatch(new RegExp(`^import rejected, nothing was written \\(${ROWS} problems\\):\\n  line 2: province`));
    expect(message).toMatch(new RegExp(`line 201: province[^\\n]*\\n  … and ${ROWS - 200} more$`));
    expect(await dataChecksums(db)).toEqual(before);
  });

  it("writes every table as the per-row writer does, with one revision per incident", async () => {
    const revisionsBefore = await revisionCount(db);
    const s = await importFile(db, file);
    expect(s.created).toHaveLength(ROWS);
    await perRowReference(reference, db, readImportFile(file, "csv"), "generated.csv");
    expect(await dataChecksums(db)).toEqual(await dataChecksums(reference));
    expect(await revisionCount(db)).toBe(revisionsBefore + ROWS);
    // Each revision's snapshot is the one the Prisma-side snapshot gives of the same incident.
    const ids = readImportFile(file, "csv").filter((_, k) => k % 97 === 0).map((r) => r.id);
    const expected = await snapshotIncidents(reference.prisma as never, ids);
    for (const r of await db.prisma.revision.findMany({ where: { incidentId: { in: ids } } })) {
      expect(r).toMatchObject({ kind: "import", actor: "npm run db:import (generated.csv)", before: null });
      expect(r.after).toEqual(JSON.parse(JSON.stringify(expected.get(r.incidentId!))));
    }
  }, SLOW);

  it("changes nothing and records no revision when the same file comes again", async () => {
    const before = [await tableChecksums(db.prisma), await revisionCount(db)];
    const s = await importFile(db, file);
    expect(s.unchanged).toHaveLength(ROWS);
    expect([await tableChecksums(db.prisma), await revisionCount(db)]).toEqual(before);
  });

  it("refreshes descriptive fields, replaces imported claims, and records a revision for each incident that changed", async () => {
    const revisionsBefore = await revisionCount(db);
    const change = (k: number): Partial<Row> => (k % 10 === 0 ? { summary: `Revised generated incident ${k}.`, latitude: null, longitude: null, geo_precision: null }
      : k % 10 === 1 ? { total_killed: 40, attribution: "fx-alpha:denied", perpetrators: "fx-alpha", chinese_link: "weak" } : {});
    const changed = csv(rowsOf(change));
    const s = await importFile(db, changed, "revised.csv");
    expect(s.unchanged).toHaveLength(ROWS - ROWS / 10);
    expect(s.updated).toHaveLength(ROWS / 10);
    expect(await revisionCount(db)).toBe(revisionsBefore + ROWS / 5);
    // The per-row writer, for the incidents whose claims were replaced: the same rows again.
    const fresh = await freshDatabase(backend);
    try {
      await writeDataset(fresh.prisma, FIXTURE);
      const rows = readImportFile(changed, "csv");
      await perRowReference(fresh, db, rows, "generated.csv");
      // Replaced incidents carry the new file's note; the others keep the first file's.
      const replaced = rows.filter((_, k) => k % 10 === 1);
      await perRowReference(fresh, db, replaced, "revised.csv");
      expect(await dataChecksums(db)).toEqual(await dataChecksums(fresh));
    } finally { await fresh.close(); }
  }, SLOW);

  it("builds in SQL the same snapshot as snapshotIncidents, for curated incidents too", async () => {
    const ids = [...FIXTURE.incidents.map((i) => i.id), ...readImportFile(file, "csv").slice(0, 50).map((r) => r.id)];
    const viaPrisma = JSON.parse(JSON.stringify(Object.fromEntries(await snapshotIncidents(db.prisma as never, ids))));
    const viaSql = await rawTransactionOf(db.prisma)!(async (sql) => Object.fromEntries(await snapshotIncidentsSql(sql, ids)));
    expect(Object.keys(viaSql)).toHaveLength(ids.length);
    expect(viaSql).toEqual(viaPrisma);
  });
});
