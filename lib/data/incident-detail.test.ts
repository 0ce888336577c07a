import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE } from "../testing/fixture.ts";
import { backends, freshDatabase, type TestDatabase } from "../testing/test-db.ts";
import { writeDataset } from "../write/write-dataset.ts";
import { incidentDetail, incidentHeading } from "./incident-detail.ts";

// An extra incident whose one Chinese death figure is a perpetrator's boast: listed, never counted.
const BOAST = {
  ...FIXTURE.incidents[3], id: "2023-09-fixture-boast", date: "2023-09", datePrecision: "month" as const,
  attributions: [],
  casualties: [
    { outcome: "killed" as const, victimGroup: "chinese" as const, count: 0, low: null, high: null, source: "fx-news-a", quote: "no Chinese were hurt", note: null, counted: true },
    { outcome: "killed" as const, victimGroup: "chinese" as const, count: 4, low: null, high: null, source: "fx-news-b", quote: "we killed four Chinese", note: "Group's claim, contradicted", counted: false },
  ],
};

describe.each(backends())("incident detail on %s", (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase(backend);
    await writeDataset(database.prisma, { ...FIXTURE, incidents: [...FIXTURE.incidents, BOAST] });
  });
  afterAll(async () => { await database?.close(); });

  it("returns null for an unknown id", async () => {
    expect(await incidentDetail("no-such-incident", database.prisma)).toBeNull();
    expect(await incidentHeading("no-such-incident", database.prisma)).toBeNull();
  });

  it("puts a group's attribution and its denial side by side, beside another group's allegation", async () => {
    const d = (await incidentDetail("2021-07-10-fixture-dam-convoy", database.prisma))!;
    expect(d.contested).toBe(true);
    expect(d.attributions.map((g) => [g.group.id, g.roles, g.denied])).toEqual([
      ["fx-beta", ["attributed_by_authorities", "denied"], true],
      ["fx-alpha", ["alleged"], false],
    ]);
    expect(d.attributions[0].claims.map((c) => [c.role, c.statedBy, c.source.id])).toEqual([
      ["attributed_by_authorities", "Police", "fx-news-a"],
      ["denied", null, "fx-news-b"],
    ]);
    expect(d.project).toMatchObject({ id: "fx-dam", name: "Fixture Dam" });
  });

  it("is not contested when one group claims it alone", async () => {
    const d = (await incidentDetail("2021-03-fixture-karachi-kidnapping", database.prisma))!;
    expect(d.contested).toBe(false);
    expect(d.attributions.map((g) => g.group.id)).toEqual(["fx-alpha"]);
    expect(d.datePrecision).toBe("month");
  });

  it("lists every source's figure and counts the lowest where sources disagree", async () => {
    const d = (await incidentDetail("2022-05-01-fixture-karachi-shooting", database.prisma))!;
    expect(d.casualties.map((l) => [l.outcome, l.victimGroup, l.counted, l.disagree])).toEqual([
      ["killed", "chinese", 3, true],
      ["killed", "attackers", 1, false],
      ["injured", "chinese", 2, false],
    ]);
    const chinese = d.casualties[0];
    expect(chinese.range).toEqual({ low: 3, high: 4 });
    expect(chinese.figures.map((f) => [f.count, f.source.id])).toEqual([[3, "fx-news-a"], [4, "fx-news-b"]]);
    expect(d.chineseKilled).toBe(3);
  });

  it("shows an uncounted figure without letting it into the count", async () => {
    const d = (await incidentDetail("2023-09-fixture-boast", database.prisma))!;
    const [line] = d.casualties;
    expect(line).toMatchObject({ outcome: "killed", victimGroup: "chinese", counted: 0, disagree: false, uncounted: 1, range: { low: 0, high: 0 } });
    expect(line.figures.map((f) => [f.count, f.counted])).toEqual([[0, true], [4, false]]);
    expect(d.chineseKilled).toBe(0);
  });

  it("lists every source with the quotes it supports", async () => {
    const d = (await incidentDetail("2024-02-02-fixture-quetta-bomb", database.prisma))!;
    expect(d.sources.map((s) => s.id).sort()).toEqual(["fx-news-a", "fx-news-b"]);
    const b = d.sources.find((s) => s.id === "fx-news-b")!;
    expect(b.quotes).toEqual([{ about: ["date"], quote: "on 2 February", note: null }]);
    const boast = (await incidentDetail("2023-09-fixture-boast", database.prisma))!;
    expect(boast.sources.find((s) => s.id === "fx-news-b")!.quotes).toEqual([{ about: ["killed: chinese nationals"], quote: "we killed four Chinese", note: null }]);
  });
});
