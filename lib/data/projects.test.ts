import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IncidentRecord } from "../records/schema.ts";
import { FIXTURE } from "../testing/fixture.ts";
import { backends, freshDatabase, type TestDatabase } from "../testing/test-db.ts";
import { writeDataset } from "../write/write-dataset.ts";
import { PROJECT_RECENT_INCIDENTS, projectsWithIncidents } from "./projects.ts";

// A project no incident touched: it must still be listed.
const QUIET = { id: "fx-quiet-zone", name: "Abbey Zone", sector: "industrial_zone" as const, province: "punjab" as const, location: null, operator: null, isCpec: false, description: "Untouched.",
  evidence: [{ source: "fx-news-b", supports: "project", quote: "a quiet zone", note: null }] };

describe.each(backends())("projects on %s", (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase(backend);
    await writeDataset(database.prisma, { ...FIXTURE, projects: [...FIXTURE.projects, QUIET] });
  });
  afterAll(async () => { await database?.close(); });

  it("lists projects hit most first, each with its quotes and incidents, and those never hit too", async () => {
    const projects = await projectsWithIncidents(database.prisma);
    // "Abbey Zone" sorts before "Fixture Dam" by name, so this order comes from the incident count.
    expect(projects.map((p) => [p.id, p.incidents.map((i) => i.id)])).toEqual([
      ["fx-dam", ["2021-07-10-fixture-dam-convoy"]],
      ["fx-quiet-zone", []],
    ]);
    expect(projects[0]).toMatchObject({ isCpec: true, operator: "Fixture Co", sector: "hydropower" });
    expect(projects[0].evidence.map((e) => [e.quote, e.source.id])).toEqual([["the fixture dam", "fx-news-a"]]);
    expect(projects[0].incidents[0]).toMatchObject({ chineseKilled: 2, totalKilled: 6, chineseLink: "direct" });
    expect(projects[0].figures).toEqual({
      incidents: 1, weakIncidents: 0, chineseKilled: 2, totalKilled: 6, chineseKilledUnknown: 0, totalKilledUnknown: 0, firstYear: 2021, lastYear: 2021,
    });
    expect(projects[1].figures).toMatchObject({ incidents: 0, chineseKilled: null, firstYear: null });
  });
});

// A project hit more often than its entry lists: the oldest first in the data, so a list cut
// at the wrong end (or not cut) shows; two share the latest date, so the id breaks the tie.
const BUSY_COUNT = PROJECT_RECENT_INCIDENTS + 3;
const BUSY_SITE = { ...QUIET, id: "fx-busy-site", name: "Busy Site", description: null };
const busy: IncidentRecord[] = Array.from({ length: BUSY_COUNT }, (_, k) => {
  const date = k === BUSY_COUNT - 1 ? `${2010 + k - 1}-03-03` : `${2010 + k}-03-03`;
  const killed = { outcome: "killed" as const, victimGroup: "chinese" as const, count: k, low: null, high: null, counted: true, source: "fx-news-a", quote: null, note: null };
  return {
    ...FIXTURE.incidents[2], id: `${date}-fixture-busy-site-${k}`, date, datePrecision: "day", project: BUSY_SITE.id, attributions: [],
    // The oldest is weakly linked (this page counts it, and marks it); one has no figure at all.
    targetLink: k === 0 ? "indirect" : "direct",
    casualties: k === 1 ? [] : [killed],
  };
});

describe.each(backends())("a project with more incidents than its entry lists, on %s", (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase(backend);
    await writeDataset(database.prisma, { ...FIXTURE, projects: [...FIXTURE.projects, QUIET, BUSY_SITE], incidents: [...FIXTURE.incidents, ...busy] });
  });
  afterAll(async () => { await database?.close(); });

  it("lists its most recent incidents, newest first, and its figures count them all", async () => {
    const projects = await projectsWithIncidents(database.prisma);
    expect(projects.map((p) => p.id)).toEqual(["fx-busy-site", "fx-dam", "fx-quiet-zone"]);
    const [site] = projects;
    expect(site.incidents).toHaveLength(PROJECT_RECENT_INCIDENTS);
    const newest = [...busy].sort((a, b) => (a.date === b.date ? (a.id < b.id ? 1 : -1) : a.date < b.date ? 1 : -1));
    expect(site.incidents.map((i) => i.id)).toEqual(newest.slice(0, PROJECT_RECENT_INCIDENTS).map((i) => i.id));
    expect(site.incidents.slice(0, 2).map((i) => i.id)).toEqual([`2016-03-03-fixture-busy-site-${BUSY_COUNT - 1}`, "2016-03-03-fixture-busy-site-6"]);
    const killed = busy.reduce((n, _, k) => n + (k === 1 ? 0 : k), 0);
    expect(site.figures).toEqual({
      // Issue 11: the oldest says only "no Chinese killed" (0), which leaves its total unknown, not 0.
      incidents: BUSY_COUNT, weakIncidents: 1, chineseKilled: killed, totalKilled: killed, chineseKilledUnknown: 1, totalKilledUnknown: 2, firstYear: 2010, lastYear: 2016,
    });
    // The other projects are under the bound: listed whole, as before.
    expect(projects[1].incidents.map((i) => i.id)).toEqual(["2021-07-10-fixture-dam-convoy"]);
  });
});
