// db:import with malformed files: each problem is reported with its line, nothing is
// written, and every table is byte-for-byte as it was (row counts and an md5 of the rows,
// lib/testing/checksum.ts). On PostgreSQL the same files also go through the real command
// (`tsx seed/import.ts`), which must exit non-zero with the same messages.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvDocument, type CsvValue } from "../csv.ts";
import { REQUIRED_COLUMNS, readImportFile } from "../records/import-rows.ts";
import { tableChecksums } from "../testing/checksum.ts";
import { FIXTURE } from "../testing/fixture.ts";
import { backends, freshDatabase, type TestDatabase } from "../testing/test-db.ts";
import { importIncidents } from "./import-incidents.ts";
import { writeDataset } from "./write-dataset.ts";

type Row = Record<(typeof REQUIRED_COLUMNS)[number], CsvValue>;
const row = (n: number, over: Partial<Row> = {}): Row => ({
  id: `2025-01-15-bad-file-${n}`, date: "2025-01-15", date_precision: "day", province: "sindh", district: null, city: "Karachi",
  attack_type: "targeted_shooting", target: `Target ${n}`, project: null, perpetrators: "fx-alpha", attribution: "fx-alpha:claimed",
  chinese_killed: 1, chinese_injured: null, total_killed: 2, total_injured: 3, attackers_killed: null,
  summary: `Row ${n}.`, source_urls: `https://example.org/bad-file/${n}`, ...over,
});
const text = (rows: Row[], header: readonly string[] = REQUIRED_COLUMNS) =>
  csvDocument(header, rows.map((r) => header.map((c) => r[c as keyof Row] ?? null)));
const bytes = (s: string) => new TextEncoder().encode(s);
const good = (n: number) => Array.from({ length: n }, (_, i) => row(i + 1));

// The unknown group is found only when the last batch arrives, after 50,000 rows were written
// (and are then rolled back): about 30 s on PGlite alone, several times that beside the other
// test files on two cores. Its speed is the benchmark's business; here only the outcome counts.
const LARGE = 300_000;

/** Files that must be refused, each with the messages (line included) it must produce. */
const BAD_FILES: { name: string; file: () => Uint8Array; expect: RegExp[]; timeout?: number }[] = [
  { name: "a misnamed column", file: () => bytes(text(good(2)).replace(/^\uFEFFid,/, "\uFEFFidentifier,")), expect: [/line 1: missing column: id/, /line 1: unknown column: identifier/] },
  { name: "missing columns", file: () => bytes(text(good(2), REQUIRED_COLUMNS.filter((c) => c !== "summary" && c !== "source_urls"))), expect: [/line 1: missing columns: summary, source_urls/] },
  { name: "a repeated column", file: () => bytes(text(good(1)).replace(/\r\n/, ",id\r\n").replace(/(\r\n[^\r]*)\r\n$/, "$1,x\r\n")), expect: [/line 1: column repeated: id/] },
  { name: "a row with too few fields", file: () => bytes(text(good(3)).replace(/\r\n2025-01-15-bad-file-2,[^\r]*/, "\r\n2025-01-15-bad-file-2,2025-01-15")), expect: [/line 3: has 2 fields; the header has 18/] },
  { name: "bad dates", file: () => bytes(text([row(1), row(2, { date: "2025-02-30", id: "2025-02-30-bad-file-2" }), row(3, { date: "15/01/2025" })])), expect: [/line 3: date: is not a real date/, /line 4: date: must be YYYY, YYYY-MM or YYYY-MM-DD/] },
  { name: "negative and non-numeric counts", file: () => bytes(text([row(1, { chinese_killed: "-1" }), row(2, { total_injured: "many" }), row(3, { total_killed: "1.5" })])), expect: [/line 2: chinese_killed: must not be negative/, /line 3: total_injured: must be a whole number or empty/, /line 4: total_killed: must be a whole number or empty/] },
  { name: "unknown province, attack type and role", file: () => bytes(text([row(1, { province: "mars" }), row(2, { attack_type: "toString" }), row(3, { attribution: "fx-alpha:constructor" })])), expect: [/line 2: province: must be a province/, /line 3: attack_type: must be a attack type/, /line 4: attribution: unknown role "constructor"/] },
  { name: "unknown groups and projects", file: () => bytes(text([row(1), row(2, { perpetrators: "nobody", attribution: "nobody:claimed" }), row(3, { project: "no-such-dam" })])), expect: [/line 3: perpetrators: unknown group nobody/, /line 4: project: unknown project no-such-dam/] },
  { name: "duplicate ids", file: () => bytes(text([row(1), row(2), row(1)])), expect: [/line 4: id 2025-01-15-bad-file-1 already appears on line 2/] },
  { name: "invalid UTF-8", file: () => { const t = bytes(text(good(3))); const at = t.indexOf(0x0a, t.indexOf(0x0a) + 1) + 5; return new Uint8Array([...t.subarray(0, at), 0xc3, 0x28, ...t.subarray(at)]); }, expect: [/line 3: the file is not valid UTF-8/] },
  { name: "an empty file", file: () => new Uint8Array(), expect: [/line 1: the file is empty/] },
  { name: "a header and no rows", file: () => bytes(text([])), expect: [/line 1: the file has a header but no incidents/] },
  { name: "an unclosed quote", file: () => bytes(`${text(good(2))}2025-01-15-x,"never closed\r\n`), expect: [/line 4: a quoted field is never closed/] },
  { name: "a NUL in the text", file: () => bytes(text([row(1), row(2, { summary: "nul\u0000here" })])), expect: [/line 3: summary: contains a NUL character/] },
  { name: "a missing source URL", file: () => bytes(text([row(1, { source_urls: null }), row(2, { source_urls: "not a url" })])), expect: [/line 2: source_urls: every incident needs at least one source URL/, /line 3: source_urls\.0: each value must be a URL/] },
  // 50,000 rows (~16 MB), one bad value near the end: the whole file is refused by that line.
  { name: "a very large file with one bad row near the end", file: () => bytes(text([...good(49_998), row(49_999, { chinese_killed: -5 }), row(50_000)])), expect: [/line 50000: chinese_killed: must not be negative/], timeout: LARGE },
  // The same size, valid in itself, but the last row names a group the database lacks.
  { name: "a very large file whose last row names an unknown group", file: () => bytes(text([...good(49_999), row(50_000, { perpetrators: "nobody", attribution: "nobody:claimed" })])), expect: [/line 50001: perpetrators: unknown group nobody/], timeout: LARGE },
];

const exec = promisify(execFile);

describe.each(backends())("db:import refuses malformed files on %s", (backend) => {
  let db: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    db = await freshDatabase(backend);
    await writeDataset(db.prisma, FIXTURE);
    dir = mkdtempSync(join(tmpdir(), "cw-bad-import-"));
  });
  afterAll(async () => { await db?.close(); rmSync(dir, { recursive: true, force: true }); });

  for (const bad of BAD_FILES) {
    it(`${bad.name}: every problem by line, nothing written`, async () => {
      const before = await tableChecksums(db.prisma);
      const file = bad.file();
      let message = "accepted";
      try { await importIncidents(db.prisma, readImportFile(file, "csv"), "bad.csv"); } catch (e) { message = (e as Error).message; }
      expect(message).toMatch(/^import rejected, nothing was written/);
      for (const re of bad.expect) expect(message).toMatch(re);
      expect(await tableChecksums(db.prisma)).toEqual(before);

      if (db.url && file.length < 1_000_000) {
        // The command itself, as a user runs it, on the same database.
        const path = join(dir, "bad.csv");
        writeFileSync(path, file);
        const run = await exec("npx", ["tsx", "seed/import.ts", path], { env: { ...process.env, DATABASE_URL: db.url }, timeout: 60_000 }).then(() => ({ code: 0, stderr: "" }), (e: { code: number; stderr: string }) => e);
        expect(run.code).toBe(1);
        for (const re of bad.expect) expect(run.stderr).toMatch(re);
        expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+/); // a message for a person, not a stack trace
        expect(await tableChecksums(db.prisma)).toEqual(before);
      }
    }, bad.timeout);
  }

  it("refuses a large file whose last row conflicts with sourced evidence, rolling back the sources already written", async () => {
    // The conflict is found inside the transaction, after sources for earlier rows were added.
    const before = await tableChecksums(db.prisma);
    const rows = readImportFile(bytes(text([...good(300), row(301, { id: "2024-02-02-fixture-quetta-bomb", date: "2024-02-02", total_killed: 9 })])), "csv");
    await expect(importIncidents(db.prisma, rows, "bad.csv")).rejects.toThrow(/line 302: 2024-02-02-fixture-quetta-bomb: casualty figures/);
    expect(await tableChecksums(db.prisma)).toEqual(before);
  });
});
