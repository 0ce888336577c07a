import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE } from "../testing/fixture.ts";
import { backends, freshDatabase, type TestDatabase } from "../testing/test-db.ts";
import { writeDataset } from "./write-dataset.ts";
import { groupDetail, groupHeading, groupSummaries } from "./groups.ts";

const none = { claimed: 0, attributed_by_authorities: 0, alleged: 0, suspected: 0, denied: 0 };

describe.each(backends())("groups on %s", (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase(backend);
    await writeDataset(database.prisma, FIXTURE);
  });
  afterAll(async () => { await database?.close(); });

  it("counts each group's incidents by role and the deaths in them, unknown kept apart", async () => {
    const [alpha, beta] = await groupSummaries("direct", database.prisma);
    expect(alpha).toMatchObject({
      id: "fx-alpha", shortName: "AF", incidents: 4, byRole: { ...none, claimed: 3, alleged: 1 },
      // kidnapping (no killed figure) + dam 2 + shooting 3 (of 3-4) + Gwadar (no Chinese figure)
      chineseKilled: 5, chineseKilledUnknown: 2, totalKilled: 10, totalKilledUnknown: 1, firstYear: 2021, lastYear: 2023,
    });
    expect(beta).toMatchObject({
      id: "fx-beta", aliases: ["B-Move"], incidents: 1, byRole: { ...none, attributed_by_authorities: 1, denied: 1 },
      chineseKilled: 2, totalKilled: 6, chineseKilledUnknown: 0, firstYear: 2021, lastYear: 2021,
    });
  });

  it("adds weakly-linked incidents only when asked", async () => {
    const beta = (await groupSummaries("all", database.prisma)).find((g) => g.id === "fx-beta")!;
    expect(beta).toMatchObject({ incidents: 2, byRole: { ...none, attributed_by_authorities: 1, denied: 1, suspected: 1 }, chineseKilled: 2, chineseKilledUnknown: 1, totalKilled: 11, lastYear: 2024 });
  });

  it("gives a group's incidents with its own claims, newest first", async () => {
    const d = (await groupDetail("fx-alpha", "direct", database.prisma))!;
    expect(d.incidents.map((i) => i.id)).toEqual([
      "2023-fixture-gwadar-attack", "2022-05-01-fixture-karachi-shooting", "2021-07-10-fixture-dam-convoy", "2021-03-fixture-karachi-kidnapping",
    ]);
    expect(d.incidents[2].claims.map((c) => [c.role, c.source.id])).toEqual([["alleged", "fx-news-b"]]);
    expect(d.claimsByRole).toEqual({ ...none, claimed: 3, alleged: 1 });
  });

  it("sums deaths per year, null where every figure is unknown", async () => {
    const d = (await groupDetail("fx-alpha", "direct", database.prisma))!;
    expect(d.years).toEqual([
      { year: 2021, incidents: 2, chineseKilled: 2, totalKilled: 6, unknownChineseKilled: 1, unknownTotalKilled: 1 },
      { year: 2022, incidents: 1, chineseKilled: 3, totalKilled: 3, unknownChineseKilled: 0, unknownTotalKilled: 0 },
      { year: 2023, incidents: 1, chineseKilled: null, totalKilled: 1, unknownChineseKilled: 1, unknownTotalKilled: 0 },
    ]);
  });

  it("names the other groups blamed for the same incidents", async () => {
    const alpha = (await groupDetail("fx-alpha", "direct", database.prisma))!;
    expect(alpha.otherGroups).toEqual([
      { id: "fx-beta", name: "Beta Movement", shortName: "BM", incidents: 1, roles: ["attributed_by_authorities", "denied"], incidentIds: ["2021-07-10-fixture-dam-convoy"] },
    ]);
    const beta = (await groupDetail("fx-beta", "all", database.prisma))!;
    expect(beta.otherGroups.map((o) => [o.id, o.roles])).toEqual([["fx-alpha", ["alleged"]]]);
    // Years without incidents are kept as zeros so the chart's gaps are real.
    expect(beta.years.map((y) => [y.year, y.incidents])).toEqual([[2021, 1], [2022, 0], [2023, 0], [2024, 1]]);
  });

  it("returns null for an unknown group", async () => {
    expect(await groupDetail("bla-bla", "direct", database.prisma)).toBeNull();
    expect(await groupHeading("bla-bla", database.prisma)).toBeNull();
    expect(await groupHeading("fx-beta", database.prisma)).toMatchObject({ name: "Beta Movement", shortName: "BM", aliases: ["B-Move"], kind: "jihadist" });
  });
});
