import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeDataset } from "../lib/write/write-dataset.ts";
import { tableChecksums } from "../lib/testing/checksum.ts";
import { backends, freshDatabase, type TestDatabase } from "../lib/testing/test-db.ts";
import { loadDataset } from "../lib/records/load.ts";

describe.each(backends())("seeding on %s", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => { db = await freshDatabase(backend); });
  afterAll(async () => { await db?.close(); });

  it("loads every record of seed/data", async () => {
    const dataset = loadDataset();
    await writeDataset(db.prisma, dataset);
    expect(await db.prisma.incident.count()).toBe(dataset.incidents.length);
    expect(await db.prisma.source.count()).toBe(dataset.sources.length);
    expect(await db.prisma.reportedFigure.count()).toBe(dataset.reportedFigures.length);
    expect(await db.prisma.attribution.count()).toBe(dataset.incidents.reduce((n, i) => n + i.attributions.length, 0));
    expect(await db.prisma.casualty.count()).toBe(dataset.incidents.reduce((n, i) => n + i.casualties.length, 0));
  });

  it("changes nothing when run a second time", async () => {
    const before = await tableChecksums(db.prisma);
    await writeDataset(db.prisma, loadDataset());
    expect(await tableChecksums(db.prisma)).toEqual(before);
  });

  it("keeps contradicting attributions, each with its source, through the database", async () => {
    const claims = await db.prisma.attribution.findMany({
      where: { incidentId: "2024-03-26-besham-dasu-convoy" },
      select: { perpetratorId: true, role: true, statedBy: true, quote: true, source: { select: { id: true, title: true } } },
    });
    const pairs = new Set(claims.map((c) => `${c.perpetratorId}:${c.role}`));
    // The documents disagree: one names ISKP; another says the authorities blamed the TTP, which denied it.
    expect(pairs).toContain("iskp:alleged");
    expect(pairs).toContain("ttp:attributed_by_authorities");
    expect(pairs).toContain("ttp:denied");
    const fromDocuments = claims.filter((c) => c.source.id.startsWith("doc-"));
    expect(new Set(fromDocuments.map((c) => c.source.id))).toEqual(new Set(["doc-000", "doc-002"]));
    expect(fromDocuments.every((c) => c.quote)).toBe(true);
  });

  it("stores the reported aggregates with their sources and quotes", async () => {
    const nacta = await db.prisma.reportedFigure.findMany({ where: { id: { startsWith: "nacta-2024" } }, include: { source: true } });
    const byId = Object.fromEntries(nacta.map((f) => [f.id, f]));
    expect(byId["nacta-2024-attacks"]).toMatchObject({ value: 14, metric: "incidents", scope: "chinese_targeted" });
    expect(byId["nacta-2024-chinese-killed"]).toMatchObject({ value: 20, metric: "killed", victims: "chinese" });
    expect(byId["nacta-2024-chinese-injured"]).toMatchObject({ value: 34, metric: "injured" });
    expect([byId["nacta-2024-attacks-sindh"].value, byId["nacta-2024-attacks-balochistan"].value, byId["nacta-2024-attacks-kp"].value]).toEqual([8, 4, 2]);
    for (const f of nacta) {
      expect(f.source.seedFile).toBe("000_236df776e2796e27.txt");
      expect(f.quote.length).toBeGreaterThan(10);
    }
  });

  it("counts, for uncorroborated claims, only what better sources support", async () => {
    // The BLA claimed five Chinese killed at Karachi airport; the embassy and the documents say two.
    const airport = await db.prisma.incident.findUniqueOrThrow({ where: { id: "2024-10-06-karachi-airport-convoy" }, include: { casualties: true } });
    expect(airport.chineseKilled).toBe(2);
    expect(airport.casualties.some((c) => c.count === 5 && !c.counted)).toBe(true);
  });

  it("gives every incident at least one source", async () => {
    const unsourced = await db.prisma.incident.findMany({ where: { sources: { none: {} } }, select: { id: true } });
    expect(unsourced).toEqual([]);
  });
});
