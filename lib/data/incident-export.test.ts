import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseFilters } from "../filters.ts";
import { DEFAULT_FILTERS, SORT_KEYS, type Filters } from "../incident-model.ts";
import { FIXTURE } from "../testing/fixture.ts";
import { backends, freshDatabase, type TestDatabase } from "../testing/test-db.ts";
import type { IncidentRecord } from "../records/schema.ts";
import { writeDataset } from "../write/write-dataset.ts";
import { incidentTablePage } from "./incident-table.ts";
import { INCIDENT_CSV_HEADER, exportFilename, incidentCsvStream, incidentExportBatches } from "./incident-export.ts";

const filters = (over: Partial<Filters> = {}): Filters => ({ ...DEFAULT_FILTERS, ...over });

/** A plain RFC 4180 reader, written independently of lib/csv.ts so the test can catch its mistakes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") { row.push(cell); cell = ""; }
    else if (ch === "\r" && text[i + 1] === "\n") { row.push(cell); rows.push(row); row = []; cell = ""; i++; }
    else if (ch === "\n" || ch === "\r") throw new Error(`bare line break outside quotes at ${i}`);
    else cell += ch;
  }
  if (cell !== "" || row.length) throw new Error("last record has no CRLF");
  return rows;
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
}

async function tableIds(db: TestDatabase, f: Filters, pageSize: number): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const p = await incidentTablePage({ ...f, page, pageSize }, db.prisma);
    ids.push(...p.incidents.map((i) => i.id));
    if (page >= p.pageCount) return ids;
  }
}

async function exportIds(db: TestDatabase, f: Filters, batchSize: number): Promise<string[]> {
  const ids: string[] = [];
  for await (const batch of incidentExportBatches(f, { prisma: db.prisma, batchSize })) {
    const records = parseCsv(batch.csv);
    expect(records).toHaveLength(batch.rows);
    expect(batch.rows).toBeLessThanOrEqual(batchSize);
    ids.push(...records.map((r) => r[0]));
  }
  return ids;
}

/**
 * Many incidents sharing dates, provinces and figures, with unknown figures among them, so
 * batch boundaries fall inside runs of equal keys and inside the nulls.
 */
function crowd(n: number): IncidentRecord[] {
  const provinces = ["sindh", "balochistan", "punjab"] as const;
  const types = ["bombing", "kidnapping", "armed_assault", "other"] as const;
  return Array.from({ length: n }, (_, k) => {
    const date = `2019-0${1 + (k % 3)}-1${k % 2}`;
    const figure = (c: number) => ({ count: c, low: null, high: null, counted: true, source: "fx-news-a", quote: null, note: null });
    return {
      id: `${date}-crowd-${String(k).padStart(3, "0")}`, date, datePrecision: "day", dateNote: null,
      province: provinces[k % 3], district: null, city: null, locationDetail: null, locationPrecision: "province", latitude: null, longitude: null,
      attackType: types[k % 4], target: `Crowd target ${k}`, project: null, summary: `Crowd incident ${k}.`, confidence: "low", targetLink: "direct",
      linkNote: null, notes: null, evidence: [], attributions: [],
      casualties: [
        ...(k % 4 === 0 ? [] : [{ outcome: "killed" as const, victimGroup: "chinese" as const, ...figure(k % 3) }]),
        ...(k % 5 === 0 ? [] : [{ outcome: "injured" as const, victimGroup: "all_victims" as const, ...figure(k % 2) }]),
      ],
    };
  });
}

describe.each(backends())("the CSV export on %s", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase(backend);
    await writeDataset(db.prisma, FIXTURE);
  });
  afterAll(async () => { await db?.close(); });

  for (const sort of SORT_KEYS) {
    for (const dir of ["asc", "desc"] as const) {
      it(`exports the table's rows in the table's order: ${sort} ${dir}`, async () => {
        const f = filters({ sort, dir, links: "all" });
        const table = await tableIds(db, f, 100);
        expect(table).toHaveLength(6);
        // Batches of 1 and 2 put a keyset boundary after every row, nulls and ties included.
        expect(await exportIds(db, f, 1)).toEqual(table);
        expect(await exportIds(db, f, 2)).toEqual(table);
      });
    }
  }

  it("exports only what the filters select, ignoring page and pageSize", async () => {
    const { filters: f } = parseFilters({ province: "sindh", page: "2", pageSize: "25" });
    expect(await exportIds(db, f, 500)).toEqual(["2022-05-01-fixture-karachi-shooting", "2021-03-fixture-karachi-kidnapping"]);
  });

  it("writes the header, one record per incident, slugs, and empty cells for unknown", async () => {
    const text = await readAll(incidentCsvStream(filters({ sort: "date", dir: "asc" }), { prisma: db.prisma, batchSize: 2 }));
    expect(text.startsWith("\uFEFFid,date,date_precision,")).toBe(true);
    expect(text.split("\uFEFF")).toHaveLength(2);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual([...INCIDENT_CSV_HEADER]);
    expect(rows.map((r) => r[0])).toEqual([
      "2021-03-fixture-karachi-kidnapping", "2021-07-10-fixture-dam-convoy", "2022-05-01-fixture-karachi-shooting",
      "2023-fixture-gwadar-attack", "2024-02-02-fixture-quetta-bomb",
    ]);
    const rec = (id: string) => Object.fromEntries(header.map((h, n) => [h, rows.find((r) => r[0] === id)![n]]));

    expect(rec("2021-03-fixture-karachi-kidnapping")).toMatchObject({
      date: "2021-03", date_precision: "month", province: "sindh", district: "", city: "Karachi", attack_type: "kidnapping",
      project: "", perpetrators: "fx-alpha", attribution: "fx-alpha:claimed",
      // No source gives a killed or injured figure: empty, never 0.
      chinese_killed: "", chinese_injured: "", total_killed: "", total_injured: "", attackers_killed: "",
      source_urls: "https://example.org/a",
    });
    expect(rec("2021-07-10-fixture-dam-convoy")).toMatchObject({
      project: "fx-dam", perpetrators: "fx-beta; fx-alpha",
      attribution: "fx-beta:attributed_by_authorities; fx-beta:denied; fx-alpha:alleged",
      chinese_killed: "2", chinese_injured: "1", total_killed: "6", total_injured: "7", attackers_killed: "",
      source_urls: "https://example.org/a; https://example.org/b",
    });
    expect(rec("2023-fixture-gwadar-attack")).toMatchObject({ date: "2023", date_precision: "year", total_killed: "1", attackers_killed: "8" });
    // A real zero stays 0.
    expect(rec("2024-02-02-fixture-quetta-bomb")).toMatchObject({ total_killed: "0", chinese_killed: "", perpetrators: "", attribution: "" });
    // Commas, quotes and a line break survive quoting; "=" mid-text is not a formula and is left alone.
    expect(rec("2022-05-01-fixture-karachi-shooting")).toMatchObject({
      target: 'Teachers, =HYPERLINK("x")', summary: 'Fixture shooting; "quoted", with comma\nand newline.',
    });
  });

  it("writes just the header when nothing matches", async () => {
    const text = await readAll(incidentCsvStream(filters({ q: "no such incident" }), { prisma: db.prisma }));
    expect(text).toBe(`\uFEFF${INCIDENT_CSV_HEADER.join(",")}\r\n`);
  });

  describe("with many ties and unknowns", () => {
    beforeAll(async () => {
      await writeDataset(db.prisma, { sources: [], perpetrators: [], projects: [], reportedFigures: [], incidents: crowd(47) });
    });

    for (const sort of SORT_KEYS) {
      for (const dir of ["asc", "desc"] as const) {
        it(`matches the table page by page: ${sort} ${dir}`, async () => {
          const f = filters({ sort, dir });
          const table = await tableIds(db, f, 25);
          expect(table).toHaveLength(52);
          expect(new Set(table).size).toBe(52);
          expect(await exportIds(db, f, 7)).toEqual(table);
        });
      }
    }

    it("streams the same set as CSV records", async () => {
      const f = filters({ sort: "chinese_killed", dir: "desc", province: ["sindh", "balochistan"] });
      const text = await readAll(incidentCsvStream(f, { prisma: db.prisma, batchSize: 5 }));
      const [, ...rows] = parseCsv(text.slice(1));
      expect(rows.map((r) => r[0])).toEqual(await tableIds(db, f, 25));
      const killed = rows.map((r) => r[INCIDENT_CSV_HEADER.indexOf("chinese_killed")]);
      const firstUnknown = killed.indexOf("");
      expect(firstUnknown).toBeGreaterThan(0);
      expect(killed.slice(firstUnknown).every((k) => k === "")).toBe(true); // unknown last
    });
  });
});

describe("exportFilename", () => {
  const today = new Date("2026-11-22T10:00:00Z");
  it("names the filters, the years and the day of export", () => {
    const { filters: f } = parseFilters({ province: "sindh", group: "bla", from: "2021", to: "2024" });
    expect(exportFilename(f, today)).toBe("corridor-watch_incidents_province-sindh_group-bla_2021-2024_exported-2026-11-22.csv");
  });
  it("is short and plain for the default view", () => {
    expect(exportFilename(DEFAULT_FILTERS, today)).toBe("corridor-watch_incidents_exported-2026-11-22.csv");
    // The data version, when given, names the state of the record the file holds.
    expect(exportFilename(DEFAULT_FILTERS, today, "412")).toBe("corridor-watch_incidents_data-v412_exported-2026-11-22.csv");
    expect(exportFilename(DEFAULT_FILTERS, today, "4; rm")).toBe("corridor-watch_incidents_exported-2026-11-22.csv");
  });
  it("stays ASCII and bounded whatever the search text", () => {
    const { filters: f } = parseFilters({ q: "Karachi «airport» \"convoy\"; rm -rf", sort: "total_killed", dir: "asc", from: "2021-03-05" });
    const name = exportFilename(f, today);
    expect(name).toMatch(/^[A-Za-z0-9_.+-]+$/);
    expect(name).toBe("corridor-watch_incidents_2021-03-05-now_q-karachi-airport-convoy-rm-rf_sort-total-killed-asc_exported-2026-11-22.csv");
    const many = parseFilters({ province: ["sindh", "punjab", "balochistan", "khyber_pakhtunkhwa", "islamabad", "gilgit_baltistan", "azad_kashmir"], type: ["bombing", "kidnapping", "other", "armed_assault"] }).filters;
    expect(exportFilename(many, today).length).toBeLessThan(120);
  });
});
