import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeDataset } from "../write/write-dataset.ts";
import { FIXTURE } from "../testing/fixture.ts";
import { backends, freshDatabase, type TestDatabase } from "../testing/test-db.ts";
import { reconcile } from "./reconciliation.ts";

describe.each(backends())("reconciliation on %s", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase(backend);
    await writeDataset(db.prisma, FIXTURE);
  });
  afterAll(async () => { await db?.close(); });

  it("counts the incidents in the figure's period, with and without weakly-linked ones", async () => {
    const r = (await reconcile(db.prisma)).find((x) => x.figure.id === "fx-figure-attacks")!;
    expect(r.comparable).toBe(true);
    expect(r.records).toEqual({ direct: 5, all: 6 });
    expect(r.incidentIds).toHaveLength(5);
    expect(r.figure.source.title).toBe("Fixture report A");
  });

  it("adds up Chinese killed in the figure's province, counting the lowest figure where sources disagree", async () => {
    const r = (await reconcile(db.prisma)).find((x) => x.figure.id === "fx-figure-killed-sindh")!;
    // Sindh, direct: the 2021 kidnapping (no killed figure: unknown) and the 2022 shooting (3, a source says 4).
    expect(r.records).toEqual({ direct: 3, all: 3 });
    expect(r.incidentIds).toEqual(["2022-05-01-fixture-karachi-shooting"]);
    expect(r.unknownCount).toBe(1);
  });

  it("does not compare a figure about all violence in Pakistan", async () => {
    const r = (await reconcile(db.prisma)).find((x) => x.figure.id === "fx-figure-national")!;
    expect(r.comparable).toBe(false);
    expect(r.records).toEqual({ direct: null, all: null });
  });
});
