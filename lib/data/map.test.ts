// The map's aggregates against the fixture (lib/testing/fixture.ts) with coordinates added
// here: A and C at one Karachi point (town centre), B at a district centre, D only at its
// province's centre (shades Balochistan, no point), E without coordinates, F (weak link) at a site.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseFilters } from "../filters.ts";
import type { Filters } from "../incident-model.ts";
import { FIXTURE } from "../testing/fixture.ts";
import { backends, freshDatabase, type TestDatabase } from "../testing/test-db.ts";
import { mapData } from "./map.ts";
import { writeDataset } from "../write/write-dataset.ts";

const KARACHI = { latitude: 24.8608, longitude: 67.0104, geoPrecision: "town" as const };
const COORDS: Record<string, { latitude: number; longitude: number; geoPrecision: "site" | "town" | "district" | "province" }> = {
  "2021-03-fixture-karachi-kidnapping": KARACHI,
  "2022-05-01-fixture-karachi-shooting": KARACHI,
  "2021-07-10-fixture-dam-convoy": { latitude: 35.29, longitude: 73.2, geoPrecision: "district" },
  "2023-fixture-gwadar-attack": { latitude: 28.5, longitude: 65.5, geoPrecision: "province" },
};
const dataset = {
  ...FIXTURE,
  incidents: FIXTURE.incidents.map((i) => (COORDS[i.id] ? { ...i, ...COORDS[i.id] }
    : i.province === "punjab" ? { ...i, latitude: 31.55, longitude: 74.34, geoPrecision: "site" as const } : i)),
};
const filters = (query: string): Filters => {
  const { filters: f, problems } = parseFilters(new URLSearchParams(query));
  expect(problems).toEqual([]);
  return f;
};
const fig = (total: number | null, unknown: number) => ({ total, unknown });

describe.each(backends())("map data on %s", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase(backend);
    await writeDataset(db.prisma, dataset);
  });
  afterAll(async () => { await db?.close(); });

  it("sums each province's incidents and figures, unknown kept apart from zero", async () => {
    const m = await mapData(filters(""), db.prisma);
    expect(m.provinces.map((p) => p.province)).toEqual(["balochistan", "sindh", "khyber_pakhtunkhwa", "punjab", "islamabad", "gilgit_baltistan", "azad_kashmir"]);
    const by = Object.fromEntries(m.provinces.map((p) => [p.province, p]));
    expect(by.sindh).toMatchObject({ incidents: 2, killed: fig(3, 1), injured: fig(2, 1), chineseKilled: fig(3, 1), chineseInjured: fig(2, 1) });
    expect(by.khyber_pakhtunkhwa).toMatchObject({ incidents: 1, killed: fig(6, 0), injured: fig(7, 0), chineseKilled: fig(2, 0), chineseInjured: fig(1, 0) });
    expect(by.balochistan).toMatchObject({ incidents: 2, killed: fig(1, 0), injured: fig(null, 2) });
    expect(by.punjab).toMatchObject({ incidents: 0, killed: fig(null, 0) }); // F is a weak link: left out by default
  });

  it("gathers incidents at one point into a place, and draws none at a province's centre", async () => {
    const m = await mapData(filters(""), db.prisma);
    expect(m.unplaced).toBe(2); // D (province centre) and E (no coordinates)
    expect(m.truncated).toBe(false);
    expect(m.places).toEqual([
      { lat: 24.8608, lon: 67.0104, province: "sindh", place: "Karachi", incidents: 2, incidentId: null, latest: "2022-05-01", killed: 3, chineseVictims: 7, chineseIncidents: 2, precision: "town" },
      { lat: 35.29, lon: 73.2, province: "khyber_pakhtunkhwa", place: "Dasu", incidents: 1, incidentId: "2021-07-10-fixture-dam-convoy", latest: "2021-07-10", killed: 6, chineseVictims: 3, chineseIncidents: 1, precision: "district" },
    ]);
  });

  it("follows the filters: weak links included, one province", async () => {
    const all = await mapData(filters("links=all"), db.prisma);
    expect(all.places.find((p) => p.province === "punjab")).toMatchObject({ incidents: 1, precision: "site", chineseVictims: 0, chineseIncidents: 0 });
    const sindh = await mapData(filters("province=sindh"), db.prisma);
    expect(sindh.provinces.filter((p) => p.incidents > 0).map((p) => p.province)).toEqual(["sindh"]);
    expect(sindh.places.map((p) => p.place)).toEqual(["Karachi"]);
    const none = await mapData(filters("province=punjab"), db.prisma);
    expect(none.places).toEqual([]);
    expect(none.provinces.every((p) => p.incidents === 0)).toBe(true);
  });
});
