import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvDocument, type CsvValue } from "../csv.ts";
import { REQUIRED_COLUMNS, readImportFile } from "../records/import-rows.ts";
import { tableChecksums } from "../testing/checksum.ts";
import { FIXTURE } from "../testing/fixture.ts";
import { backends, freshDatabase, type TestDatabase } from "../testing/test-db.ts";
import { importIncidents } from "./import-incidents.ts";
import { writeDataset } from "./write-dataset.ts";

type Row = Record<(typeof REQUIRED_COLUMNS)[number], CsvValue>;
const row = (over: Partial<Row> = {}): Row => ({
  id: "2025-01-15-fixture-import-new", date: "2025-01-15", date_precision: "day", province: "sindh", district: null, city: "Karachi",
  attack_type: "targeted_shooting", target: "Engineers' car", project: null, perpetrators: "fx-alpha", attribution: "fx-alpha:claimed",
  chinese_killed: 1, chinese_injured: null, total_killed: 2, total_injured: 3, attackers_killed: null,
  summary: "=Imported; \"quoted\", with comma", source_urls: "https://example.org/new-1; https://example.org/a", ...over,
});
const csv = (...rows: Row[]) => new TextEncoder().encode(csvDocument(REQUIRED_COLUMNS, rows.map((r) => REQUIRED_COLUMNS.map((c) => r[c]))));

describe.each(backends())("db:import on %s", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => { db = await freshDatabase(backend); await writeDataset(db.prisma, FIXTURE); });
  afterAll(async () => { await db?.close(); });

  it("adds a new incident with its figures, attribution and every source URL", async () => {
    const s = await importIncidents(db.prisma, readImportFile(csv(row()), "csv"), "new.csv");
    expect(s.created).toEqual(["2025-01-15-fixture-import-new"]);
    const i = await db.prisma.incident.findUniqueOrThrow({ where: { id: "2025-01-15-fixture-import-new" }, include: { attributions: true, sources: { include: { source: true } } } });
    expect(i).toMatchObject({ chineseKilled: 1, chineseInjured: null, totalKilled: 2, totalInjured: 3, attackersKilled: null, summary: '=Imported; "quoted", with comma' });
    expect(i.attributions.map((a) => `${a.perpetratorId}:${a.role}`)).toEqual(["fx-alpha:claimed"]);
    // https://example.org/a is the fixture's existing source: reused, not duplicated.
    const ids = i.sources.map((s) => s.source.id).sort();
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe("fx-news-a");
    expect(ids[1]).toMatch(/^import-[0-9a-f]{12}$/);
  });

  it("changes nothing when the same file is imported again", async () => {
    const before = await tableChecksums(db.prisma);
    const s = await importIncidents(db.prisma, readImportFile(csv(row()), "csv"), "new.csv");
    expect(s.unchanged).toEqual(["2025-01-15-fixture-import-new"]);
    expect(await tableChecksums(db.prisma)).toEqual(before);
  });

  it("updates an imported incident's figures", async () => {
    await importIncidents(db.prisma, readImportFile(csv(row({ total_killed: 4 })), "csv"), "new.csv");
    expect((await db.prisma.incident.findUniqueOrThrow({ where: { id: "2025-01-15-fixture-import-new" } })).totalKilled).toBe(4);
  });

  it("refuses, and writes nothing, when a row would overwrite sourced evidence", async () => {
    const before = await tableChecksums(db.prisma);
    const rows = readImportFile(csv(row({ id: "2025-02-01-fixture-other", source_urls: "https://example.org/z" }), row({ id: "2024-02-02-fixture-quetta-bomb", date: "2024-02-02", total_killed: 9 })), "csv");
    await expect(importIncidents(db.prisma, rows, "bad.csv")).rejects.toThrow(/line 3: 2024-02-02-fixture-quetta-bomb: casualty figures, attributions or source URLs differ/);
    expect(await tableChecksums(db.prisma)).toEqual(before);
  });

  it("refuses unknown groups and projects by line, writing nothing", async () => {
    const before = await tableChecksums(db.prisma);
    const rows = readImportFile(csv(row({ id: "2025-03-01-fixture-a" }), row({ id: "2025-03-02-fixture-b", perpetrators: "nobody", attribution: "nobody:claimed", project: "no-such-dam" })), "csv");
    await expect(importIncidents(db.prisma, rows, "bad.csv")).rejects.toThrow(/line 3: perpetrators: unknown group nobody[\s\S]*line 3: project: unknown project no-such-dam/);
    expect(await tableChecksums(db.prisma)).toEqual(before);
  });
});

describe("reading an import file", () => {
  const problems = (bytes: Uint8Array, format: "csv" | "json" = "csv") => {
    try { readImportFile(bytes, format); return "accepted"; } catch (e) { return (e as Error).message; }
  };

  it("lists every bad field with its line", () => {
    const msg = problems(csv(row(), row({ id: "2025-01-16-x", date: "2025-13-01", province: "mars", chinese_killed: -2 }), row({ id: "2025-01-17-y", total_killed: 0, chinese_killed: 1 })));
    expect(msg).toMatch(/line 3: date: must be YYYY, YYYY-MM or YYYY-MM-DD/);
    expect(msg).toMatch(/line 3: province: must be a province/);
    expect(msg).toMatch(/line 3: chinese_killed: must not be negative/);
    expect(msg).toMatch(/line 4: total_killed: must be at least chinese_killed/);
  });

  it("rejects duplicate ids, missing columns, an empty file and invalid UTF-8", () => {
    expect(problems(csv(row(), row()))).toMatch(/line 3: id 2025-01-15-fixture-import-new already appears on line 2/);
    expect(problems(new TextEncoder().encode("id,date\r\nx,2024\r\n"))).toMatch(/line 1: missing columns: date_precision, province/);
    expect(problems(new Uint8Array())).toMatch(/the file is empty/);
    expect(problems(new Uint8Array([...new TextEncoder().encode("id,date\n"), 0xff, 0xfe, 0x0a]))).toMatch(/line 2: the file is not valid UTF-8/);
  });

  it("reads JSON with the same keys", () => {
    const json = new TextEncoder().encode(JSON.stringify([{ ...row(), chinese_killed: "1", total_killed: 2 }]));
    expect(readImportFile(json, "json")[0]).toMatchObject({ id: "2025-01-15-fixture-import-new", chinese_killed: 1, source_urls: ["https://example.org/new-1", "https://example.org/a"] });
    expect(problems(new TextEncoder().encode('{"id": 1}'), "json")).toMatch(/must be an array/);
  });

  it("refuses a JSON file that is not an array of incidents, saying where it broke", () => {
    const json = (t: string) => problems(new TextEncoder().encode(t), "json");
    const one = JSON.stringify(row());
    expect(json("[]")).toMatch(/the file is empty: no incidents/);
    expect(json(" \n ")).toMatch(/the file is empty: expected an array of incidents/);
    expect(json('"just text"')).toMatch(/must be an array of incident objects/);
    expect(json(`[${one}, ${one.slice(0, 40)}`)).toMatch(/not valid JSON: the file ends before its array is closed, after record 1 \(is it cut short\?\)/);
    expect(json(`[${one}, {"id": "x",}]`)).toMatch(/not valid JSON after record 1: Unexpected RIGHT_BRACE/);
    expect(json(`[${one}] trailing`)).toMatch(/not valid JSON after record 1: Unexpected "t" at character \d+/);
    expect(json(`[${one}, ${one}]`)).toMatch(/id 2025-01-15-fixture-import-new already appears on record 1/);
    expect(json(`[${one}, 42]`)).toMatch(/record 2, row: .*expected object/);
  });
});
