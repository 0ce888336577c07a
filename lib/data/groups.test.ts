import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IncidentRecord } from "../records/schema.ts";
import { FIXTURE } from "../testing/fixture.ts";
import { backends, freshDatabase, type TestDatabase } from "../testing/test-db.ts";
import { writeDataset } from "../write/write-dataset.ts";
import { GROUP_RECENT_INCIDENTS, SHARED_INCIDENT_EXAMPLES, groupDetail, groupHeading, groupSummaries } from "./groups.ts";

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
      {
        id: "fx-beta", name: "Beta Movement", shortName: "BM", incidents: 1, byRole: { ...none, attributed_by_authorities: 1, denied: 1 },
        roles: ["attributed_by_authorities", "denied"], exampleIds: ["2021-07-10-fixture-dam-convoy"],
      },
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

// More incidents than a group page lists: two a year from 2001, so each date is shared by two
// incidents (the id breaks the tie, as on /incidents); every fourth also names a rival group.
const BUSY_COUNT = GROUP_RECENT_INCIDENTS + 5;
const claim = (group: string, role: IncidentRecord["attributions"][number]["role"], source = "fx-news-a") => ({ group, role, source, quote: null, note: null, statedBy: null });
const chineseKilled = (count: number) => ({ outcome: "killed" as const, victimGroup: "chinese" as const, count, low: null, high: null, counted: true, source: "fx-news-a", quote: null, note: null });
const busy: IncidentRecord[] = Array.from({ length: BUSY_COUNT }, (_, k) => {
  const date = `${2001 + Math.floor(k / 2)}-06-15`;
  return {
    ...FIXTURE.incidents[2], id: `${date}-fixture-busy-${k % 2 ? "b" : "a"}`, date, datePrecision: "day", project: null,
    attributions: [
      claim("fx-busy", "claimed"),
      ...(k % 4 === 0 ? [claim("fx-rival", "alleged", "fx-news-b")] : []),
      // A second claim on one incident: counted once among incidents, twice among claims.
      ...(k === BUSY_COUNT - 1 ? [claim("fx-busy", "denied", "fx-news-b")] : []),
    ],
    // Every fifth incident has no Chinese death figure: unknown, not zero.
    casualties: k % 5 === 0 ? [] : [chineseKilled(1)],
  };
});
// The most recent of all, but weakly linked: only with links=all.
const busyWeak: IncidentRecord = { ...busy[0], id: "2030-01-01-fixture-busy-weak", date: "2030-01-01", targetLink: "disputed", attributions: [claim("fx-busy", "suspected")], casualties: [] };
const newestFirst = (a: IncidentRecord, b: IncidentRecord) => (a.date === b.date ? (a.id < b.id ? 1 : -1) : a.date < b.date ? 1 : -1);

describe.each(backends())("a group with more incidents than its page lists, on %s", (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase(backend);
    await writeDataset(database.prisma, {
      ...FIXTURE,
      perpetrators: [...FIXTURE.perpetrators,
        { id: "fx-busy", name: "Busy Brigade", shortName: "BB", aliases: [], kind: "criminal", description: null },
        { id: "fx-rival", name: "Rival Cell", shortName: "RC", aliases: [], kind: "jihadist", description: null }],
      incidents: [...FIXTURE.incidents, ...busy, busyWeak],
    });
  });
  afterAll(async () => { await database?.close(); });

  it("lists the most recent ones only, newest first, and counts them all", async () => {
    const d = (await groupDetail("fx-busy", "direct", database.prisma))!;
    expect(d.incidents).toHaveLength(GROUP_RECENT_INCIDENTS);
    expect(d.incidents.map((i) => i.id)).toEqual([...busy].sort(newestFirst).slice(0, GROUP_RECENT_INCIDENTS).map((i) => i.id));
    expect(d.incidents.slice(0, 2).map((i) => i.id)).toEqual(["2015-06-15-fixture-busy-b", "2015-06-15-fixture-busy-a"]);
    expect(d.incidents[0].claims.map((c) => [c.role, c.source.id])).toEqual([["claimed", "fx-news-a"], ["denied", "fx-news-b"]]);
    const unknown = busy.filter((_, k) => k % 5 === 0).length;
    expect(d.group).toMatchObject({
      incidents: BUSY_COUNT, byRole: { ...none, claimed: BUSY_COUNT, denied: 1 },
      chineseKilled: BUSY_COUNT - unknown, chineseKilledUnknown: unknown, totalKilled: BUSY_COUNT - unknown, totalKilledUnknown: unknown,
      firstYear: 2001, lastYear: 2015,
    });
    expect(d.claimsByRole).toEqual({ ...none, claimed: BUSY_COUNT, denied: 1 });
    expect(d.years.reduce((n, y) => n + y.incidents, 0)).toBe(BUSY_COUNT);
    expect(d.years).toHaveLength(15);
  });

  it("takes weakly linked incidents in, at the top, only when asked", async () => {
    const d = (await groupDetail("fx-busy", "all", database.prisma))!;
    expect(d.group.incidents).toBe(BUSY_COUNT + 1);
    expect(d.incidents).toHaveLength(GROUP_RECENT_INCIDENTS);
    expect(d.incidents[0]).toMatchObject({ id: busyWeak.id, chineseLink: "weak", claims: [{ role: "suspected" }] });
    expect(d.group.byRole.suspected).toBe(1);
  });

  it("gives each rival group its count and roles, and a few example incidents, not every id", async () => {
    const d = (await groupDetail("fx-busy", "direct", database.prisma))!;
    const shared = busy.filter((i) => i.attributions.some((a) => a.group === "fx-rival")).sort(newestFirst);
    expect(shared.length).toBeGreaterThan(SHARED_INCIDENT_EXAMPLES);
    expect(d.otherGroups).toEqual([{
      id: "fx-rival", name: "Rival Cell", shortName: "RC", incidents: shared.length, byRole: { ...none, alleged: shared.length }, roles: ["alleged"],
      exampleIds: shared.slice(0, SHARED_INCIDENT_EXAMPLES).map((i) => i.id),
    }]);
    // ... and the rival's own page counts the same shared incidents the other way round.
    const rival = (await groupDetail("fx-rival", "direct", database.prisma))!;
    expect(rival.otherGroups.map((o) => [o.id, o.incidents, o.exampleIds.length])).toEqual([["fx-busy", shared.length, SHARED_INCIDENT_EXAMPLES]]);
  });

  it("agrees with the groups list", async () => {
    const listed = (await groupSummaries("direct", database.prisma)).find((g) => g.id === "fx-busy")!;
    const { description: _, ...detail } = (await groupDetail("fx-busy", "direct", database.prisma))!.group;
    expect(listed).toEqual(detail);
  });
});
