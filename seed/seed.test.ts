import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeDataset } from "../lib/data/write-dataset.ts";
import { tableChecksums } from "../lib/testing/checksum.ts";
import { backends, freshDatabase, type TestDatabase } from "../lib/testing/test-db.ts";
import { loadDataset } from "./load.ts";

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

  it("gives every incident at least one source", async () => {
    const unsourced = await db.prisma.incident.findMany({ where: { sources: { none: {} } }, select: { id: true } });
    expect(unsourced).toEqual([]);
  });
});
