// db:import's streamed path: the file read in chunks (any chunk boundary, inside quotes, CR LF
// split), checked and written batch by batch in one transaction; a problem anywhere rolls
// everything back and every problem is listed by line, as with the whole-file reader.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvDocument, type CsvValue } from "../csv.ts";
import { CsvReader, parseCsv } from "../csv-parse.ts";
import { REQUIRED_COLUMNS, readImportFile, readImportStream, type ImportProblem } from "../records/import-rows.ts";
import { tableChecksums } from "../testing/checksum.ts";
import { FIXTURE } from "../testing/fixture.ts";
import { backends, freshDatabase, type TestDatabase } from "../testing/test-db.ts";
import { importIncidents } from "./import-incidents.ts";
import { writeDataset } from "./write-dataset.ts";

type Row = Record<(typeof REQUIRED_COLUMNS)[number], CsvValue>;
const row = (n: number, over: Partial<Row> = {}): Row => ({
  id: `2025-01-15-stream-${n}`, date: "2025-01-15", date_precision: "day", province: "sindh", district: null, city: "Karachi",
  attack_type: "targeted_shooting", target: `Target "${n}",\r\nsecond line`, project: null, perpetrators: "fx-alpha", attribution: "fx-alpha:claimed",
  chinese_killed: n % 3 ? 1 : null, chinese_injured: null, total_killed: 2, total_injured: n % 2, attackers_killed: null,
  summary: `Row ${n}, written for this test; ünïcödé 中文.`, source_urls: `https://example.org/stream/${n}; https://example.org/stream-pool/${n % 7}`, ...over,
});
// Every row spans two lines (a quoted CR LF in its target): row i starts on line 2 + 2i.
const file = (rows: Row[]) => new TextEncoder().encode(csvDocument(REQUIRED_COLUMNS, rows.map((r) => REQUIRED_COLUMNS.map((c) => r[c]))));
async function* chunks(bytes: Uint8Array, size: number) { for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size); }

describe("CsvReader", () => {
  it("gives the same records as parseCsv whatever the chunk size", () => {
    const text = new TextDecoder().decode(file(Array.from({ length: 40 }, (_, i) => row(i))));
    const whole = parseCsv(text);
    for (const size of [1, 2, 3, 7, 64, 1000]) {
      const reader = new CsvReader();
      const got = [];
      for (let i = 0; i < text.length; i += size) got.push(...reader.push(text.slice(i, i + size)));
      got.push(...reader.end());
      expect(got, `chunk size ${size}`).toEqual(whole);
    }
  });
});

describe.each(backends())("streamed db:import on %s", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => { db = await freshDatabase(backend); await writeDataset(db.prisma, FIXTURE); });
  afterAll(async () => { await db?.close(); });

  it("imports a file read in small chunks, in several batches, exactly as the whole-file reader reads it", async () => {
    const bytes = file(Array.from({ length: 2500 }, (_, i) => row(i)));
    const problems: ImportProblem[] = [];
    const streamed = [];
    for await (const b of readImportStream(chunks(bytes, 4093), problems, 700)) streamed.push(...b);
    expect(problems).toEqual([]);
    expect(streamed).toEqual(readImportFile(bytes, "csv"));
    const s = await importIncidents(db.prisma, () => readImportStream(chunks(bytes, 4093), problems, 700), "stream.csv", { problems });
    expect(s.created).toHaveLength(2500);
    const i = await db.prisma.incident.findUniqueOrThrow({ where: { id: "2025-01-15-stream-4" }, include: { casualties: true, sources: true } });
    expect(i).toMatchObject({ chineseKilled: 1, totalKilled: 2, totalInjured: 0, target: 'Target "4",\r\nsecond line' });
    expect(i.sources).toHaveLength(2);
    expect(await db.prisma.source.count({ where: { url: { startsWith: "https://example.org/stream-pool/" } } })).toBe(7);
  });

  it("refuses the whole file, writing nothing, with every problem by line: bad fields late in the file and a conflict with sourced evidence", async () => {
    const before = await tableChecksums(db.prisma);
    const rows = [...Array.from({ length: 1500 }, (_, i) => row(10_000 + i)), row(20_000, { total_killed: "-1" }), row(20_001, { id: "2024-02-02-fixture-quetta-bomb", date: "2024-02-02", total_killed: 9 }), row(20_002, { perpetrators: "nobody", attribution: "nobody:claimed" })];
    const bytes = file(rows);
    const problems: ImportProblem[] = [];
    const run = importIncidents(db.prisma, () => readImportStream(chunks(bytes, 10_000), problems, 500), "bad.csv", { problems });
    await expect(run).rejects.toThrow(/import rejected, nothing was written/);
    const message = await run.catch((e: Error) => e.message);
    expect(message).toMatch(/line 3002: total_killed: must not be negative/);
    expect(message).toMatch(/line 3004: 2024-02-02-fixture-quetta-bomb: casualty figures/);
    expect(message).toMatch(/line 3006: perpetrators: unknown group nobody/);
    expect(await tableChecksums(db.prisma)).toEqual(before);
  });
});
