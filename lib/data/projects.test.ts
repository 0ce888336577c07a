import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE } from "../testing/fixture.ts";
import { backends, freshDatabase, type TestDatabase } from "../testing/test-db.ts";
import { writeDataset } from "./write-dataset.ts";
import { projectsWithIncidents } from "./projects.ts";

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
  });
});
