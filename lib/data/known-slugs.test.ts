import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE } from "../testing/fixture.ts";
import { backends, freshDatabase, type TestDatabase } from "../testing/test-db.ts";
import { filterOptions, knownSlugs } from "./known-slugs.ts";
import { writeDataset } from "../write/write-dataset.ts";

const byName = <T extends { name: string; id: string }>(rows: T[]) => [...rows].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));

describe.each(backends())("the filter options on %s", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => { db = await freshDatabase(backend); });
  afterAll(async () => { await db?.close(); });

  it("are empty, with no year span, on an empty database", async () => {
    expect(await filterOptions(db.prisma)).toEqual({ groups: [], projects: [], years: null });
  });

  it("list every group and project by name, and the years of the first and last incident", async () => {
    await writeDataset(db.prisma, FIXTURE);
    const options = await filterOptions(db.prisma);
    expect(options.groups).toEqual(byName(FIXTURE.perpetrators).map((p) => ({ id: p.id, name: p.name, shortName: p.shortName })));
    expect(options.projects).toEqual(byName(FIXTURE.projects).map((p) => ({ id: p.id, name: p.name, sector: p.sector })));
    const years = FIXTURE.incidents.map((i) => Number(i.date.slice(0, 4)));
    expect(options.years).toEqual({ first: Math.min(...years), last: Math.max(...years) });
    const known = await knownSlugs(db.prisma);
    expect([...known.groups].sort()).toEqual(FIXTURE.perpetrators.map((p) => p.id).sort());
    expect([...known.projects].sort()).toEqual(FIXTURE.projects.map((p) => p.id).sort());
  });
});
