// The caches are only as safe as the version they are keyed on: every write must move it,
// whoever makes it, and a write that fails must not. These tests write the ways the
// project does (import, raw SQL as an operator would) and read through the cached paths.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvDocument } from "../csv.ts";
import { DEFAULT_FILTERS } from "../incident-model.ts";
import { REQUIRED_COLUMNS, readImportFile } from "../records/import-rows.ts";
import { FIXTURE } from "../testing/fixture.ts";
import { backends, freshDatabase, type TestDatabase } from "../testing/test-db.ts";
import { readDataVersion } from "./data-version.ts";
import { importIncidents } from "../write/import-incidents.ts";
import { incidentTablePage } from "./incident-table.ts";
import { groupDetail, groupSummaries } from "./groups.ts";
import { filterOptions } from "./known-slugs.ts";
import { overviewHeadlines } from "./overview.ts";
import { writeDataset } from "../write/write-dataset.ts";

const NEW_ROW = {
  id: "2026-02-01-fixture-version", date: "2026-02-01", date_precision: "day", province: "sindh", district: null, city: "Karachi",
  attack_type: "targeted_shooting", target: "Engineers' car", project: null, perpetrators: "fx-alpha", attribution: "fx-alpha:claimed",
  chinese_killed: 4, chinese_injured: null, total_killed: 4, total_injured: null, attackers_killed: null,
  summary: "A test incident.", source_urls: "https://example.org/version-test",
};
const file = (over: Partial<typeof NEW_ROW> = {}) => {
  const row = { ...NEW_ROW, ...over } as Record<string, string | number | null>;
  return readImportFile(new TextEncoder().encode(csvDocument(REQUIRED_COLUMNS, [REQUIRED_COLUMNS.map((c) => row[c])])), "csv");
};

describe.each(backends())("the data version and the caches keyed on it, on %s", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => { db = await freshDatabase(backend); await writeDataset(db.prisma, FIXTURE); });
  afterAll(async () => { await db?.close(); });

  it("moves on an import, and cached answers follow the new data", async () => {
    const before = await readDataVersion(db.prisma);
    expect(before).not.toBeNull();
    const alpha = async () => ({
      listed: (await groupSummaries("direct", db.prisma)).find((g) => g.id === "fx-alpha")!.incidents,
      page: (await groupDetail("fx-alpha", "direct", db.prisma))!.group.incidents,
    });
    const alphaBefore = await alpha();
    // Read twice, so the second answer comes from the cache.
    for (let k = 0; k < 2; k++) {
      expect((await overviewHeadlines(DEFAULT_FILTERS, db.prisma)).incidents).toBe(5);
      expect((await incidentTablePage(DEFAULT_FILTERS, db.prisma)).total).toBe(5);
      expect((await filterOptions(db.prisma)).years?.last).toBe(2024);
      expect(await alpha()).toEqual(alphaBefore);
    }
    await importIncidents(db.prisma, file(), "version.csv");
    expect(await readDataVersion(db.prisma)).toBeGreaterThan(before!);
    const headlines = await overviewHeadlines(DEFAULT_FILTERS, db.prisma);
    expect(headlines.incidents).toBe(6);
    expect(headlines.figures.chineseKilled.total).toBe(5 + 4);
    expect((await incidentTablePage(DEFAULT_FILTERS, db.prisma)).total).toBe(6);
    expect((await filterOptions(db.prisma)).years?.last).toBe(2026);
    expect(await alpha()).toEqual({ listed: alphaBefore.listed + 1, page: alphaBefore.page + 1 });
  });

  it("moves on a hand-written UPDATE too, not only through the app's own writers", async () => {
    const before = await readDataVersion(db.prisma);
    expect((await overviewHeadlines(DEFAULT_FILTERS, db.prisma)).figures.chineseKilled.total).toBe(9);
    await db.prisma.$executeRaw`UPDATE "Incident" SET "chineseKilled" = 10 WHERE "id" = ${NEW_ROW.id}`;
    expect(await readDataVersion(db.prisma)).toBeGreaterThan(before!);
    expect((await overviewHeadlines(DEFAULT_FILTERS, db.prisma)).figures.chineseKilled.total).toBe(5 + 10);
  });

  it("stays put when an import fails and writes nothing", async () => {
    const before = await readDataVersion(db.prisma);
    await expect(importIncidents(db.prisma, file({ id: "2026-02-02-fixture-bad", perpetrators: "no-such-group", attribution: "no-such-group:claimed" }), "bad.csv")).rejects.toThrow();
    expect(await readDataVersion(db.prisma)).toBe(before);
  });
});
