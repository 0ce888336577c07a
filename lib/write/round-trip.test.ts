// Export -> import into an empty database -> export again gives the same file, byte for
// byte, for the real dataset and for the fixture (whose text holds formulas, quotes, commas
// and line breaks), but for the low/high columns: they are derived from the claims behind a
// figure, which the file does not carry, so an imported incident has one account and its
// range is its best figure (checked too). The empty database holds only what an import cannot create and must
// find: the groups and projects the rows name (projects without their evidence, so no
// source exists before the import).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CSV_HEADER, DEFAULT_FILTERS, type Filters } from "../incident-model.ts";
import { csvDocument } from "../csv.ts";
import { parseCsv } from "../csv-parse.ts";
import { readImportFile } from "../records/import-rows.ts";
import { FIXTURE } from "../testing/fixture.ts";
import { backends, freshDatabase, type TestDatabase } from "../testing/test-db.ts";
import { loadDataset, type Dataset } from "../records/load.ts";
import { importIncidents } from "./import-incidents.ts";
import { incidentCsvStream } from "../data/incident-export.ts";
import { writeDataset } from "./write-dataset.ts";

const ALL: Filters = { ...DEFAULT_FILTERS, links: "all" };

async function exportText(db: TestDatabase): Promise<string> {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(incidentCsvStream(ALL, { prisma: db.prisma, batchSize: 7 })).arrayBuffer());
}

const RANGES = CSV_HEADER.filter((c) => /_(low|high)$/.test(c));
const records = (text: string) => {
  const [header, ...rows] = parseCsv(text).map((r) => r.fields);
  return rows.map((f) => Object.fromEntries(header.map((h, n) => [h, f[n]])));
};
/** The file with the range columns blanked, everything else as written. */
const withoutRanges = (text: string) => {
  const [header, ...rows] = parseCsv(text).map((r) => r.fields);
  const drop = new Set(RANGES.map((c) => header.indexOf(c)));
  return csvDocument(header.filter((_, n) => !drop.has(n)), rows.map((f) => f.filter((_, n) => !drop.has(n)))).replace(/^\uFEFF/, "");
};

const referents = (d: Dataset): Dataset => ({
  sources: [], incidents: [], reportedFigures: [], perpetrators: d.perpetrators, projects: d.projects.map((p) => ({ ...p, evidence: [] })),
});

describe.each(backends())("CSV round trip on %s", (backend) => {
  const dbs: TestDatabase[] = [];
  const fresh = async () => { const db = await freshDatabase(backend); dbs.push(db); return db; };
  afterAll(async () => { for (const db of dbs) await db.close(); });

  for (const [name, dataset] of [["the seed dataset", loadDataset()], ["the fixture", FIXTURE]] as const) {
    describe(name, () => {
      let original: string;
      beforeAll(async () => {
        const db = await fresh();
        await writeDataset(db.prisma, dataset);
        original = await exportText(db);
      });

      it("exports, imports into an empty database and exports the same file again", async () => {
        const rows = original.split("\r\n").length - 2;
        expect(rows).toBe(dataset.incidents.length); // links=all: every incident, none lost on the way out
        const empty = await fresh();
        await writeDataset(empty.prisma, referents(dataset));
        const summary = await importIncidents(empty.prisma, readImportFile(new TextEncoder().encode(original), "csv"), "export.csv");
        expect(summary.created).toHaveLength(dataset.incidents.length);
        const again = await exportText(empty);
        expect(withoutRanges(again).split("\r\n")).toEqual(withoutRanges(original).split("\r\n")); // line by line, for a readable diff
        expect(withoutRanges(again)).toBe(withoutRanges(original));
        for (const r of records(again)) {
          for (const figure of ["chinese_killed", "chinese_injured", "total_killed", "total_injured"]) {
            expect([r[`${figure}_low`], r[`${figure}_high`]], `${r.id} ${figure}`).toEqual([r[figure], r[figure]]);
          }
        }
      });
    });
  }
});
