// The summary the triggers keep (migration incident_summary) answers every filter set the
// overview asks exactly as a scan of the incidents does, on both databases: on the seeded
// record, after writes of every kind the writers make (adds, edits that move an incident to
// another cell, attributions added and removed, deletions, a re-seed, imports), and on a synthetic
// load that defers the triggers and rebuilds at the end. Filters it cannot answer scan.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseFilters, type KnownSlugs } from "../filters.ts";
import { ATTACK_TYPES, PROVINCES, TARGET_LINKS } from "../vocab.ts";
import { loadDataset } from "../records/load.ts";
import { FIXTURE } from "../testing/fixture.ts";
import { backends, freshDatabase, sqlRunner, type TestDatabase } from "../testing/test-db.ts";
import { writeDataset } from "../write/write-dataset.ts";
import { importIncidents } from "../write/import-incidents.ts";
import { REQUIRED_COLUMNS, readImportFile } from "../records/import-rows.ts";
import { csvDocument, type CsvValue } from "../csv.ts";
import { loadSynthetic } from "../write/synth/load.ts";
import { realVocabularies } from "../write/synth/synthesize.ts";
import { overviewScansFrom } from "./overview.ts";
import { mapSummarySql, summarySql } from "./incident-sql.ts";
import { DENSE_POINTS, mapDataFrom, type MapData } from "./map.ts";

/** A seeded PRNG (mulberry32): the same filter sets on every run, so a failure replays. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Options = { groups: string[]; projects: string[]; sectors: string[] };

/** Random filter sets over every parameter the summary answers: each one present about a third of the time. */
function randomQueries(o: Options, n: number, seed: number): string[] {
  const r = prng(seed);
  const some = (xs: string[]) => xs.filter(() => r() < 0.3).slice(0, 3);
  const out: string[] = ["", "links=all", "from=2015&to=2024&province=balochistan&province=sindh&group=bla"];
  for (let k = 0; k < n; k++) {
    const p = new URLSearchParams();
    const maybe = (f: () => void) => { if (r() < 0.33) f(); };
    maybe(() => some(Object.keys(PROVINCES)).forEach((v) => p.append("province", v)));
    maybe(() => some(o.groups).forEach((v) => p.append("group", v)));
    maybe(() => some(Object.keys(ATTACK_TYPES)).forEach((v) => p.append("type", v)));
    maybe(() => some(o.projects).forEach((v) => p.append("project", v)));
    maybe(() => some(o.sectors).forEach((v) => p.append("sector", v)));
    maybe(() => p.set("victims", "chinese"));
    maybe(() => p.set("links", "all"));
    maybe(() => some(Object.keys(TARGET_LINKS)).forEach((v) => p.append("target", v)));
    const from = 2004 + Math.floor(r() * 20);
    maybe(() => p.set("from", String(from)));
    maybe(() => p.set("to", String(from + Math.floor(r() * (2026 - from)))));
    out.push(p.toString());
  }
  return out;
}

/** Made-up rows for db:import (ids say "summary-test"); `shift` moves each to another province, type, group and toll. */
function importRows(n: number, shift: number) {
  const columns = [...REQUIRED_COLUMNS, "latitude", "longitude", "geo_precision"];
  const rows = Array.from({ length: n }, (_, k) => {
    const j = k + shift;
    const group = ["bla", "ttp", "blf"][j % 3];
    const point = k % 3 !== 0;
    const row: Record<string, CsvValue> = {
      id: `2019-0${1 + (k % 9)}-1${k % 10}-summary-test-${k}`, date: `2019-0${1 + (k % 9)}-1${k % 10}`, date_precision: "day",
      province: ["sindh", "balochistan", "punjab", "khyber_pakhtunkhwa"][j % 4], district: null, city: k % 2 ? "Karachi" : "Quetta",
      attack_type: ["bombing", "armed_assault", "kidnapping"][j % 3], target: `Test target ${k}`, project: null,
      perpetrators: j % 5 === 0 ? null : group, attribution: j % 5 === 0 ? null : `${group}:claimed`,
      chinese_killed: j % 7 === 0 ? null : j % 3, chinese_injured: j % 4, total_killed: j % 6 === 0 ? null : 3 + (j % 9), total_injured: j % 8 === 0 ? null : 4 + (j % 5), attackers_killed: null,
      summary: `Test incident ${k} for the summary test; not an event.`, source_urls: `https://summary-test.invalid/${k}`,
      latitude: point ? 24 + (j % 50) / 10 : null, longitude: point ? 66 + (j % 30) / 10 : null, geo_precision: point ? "town" : null,
    };
    return columns.map((c) => row[c]);
  });
  return readImportFile(new TextEncoder().encode(csvDocument(columns, rows)), "csv");
}

/** Rows in a stable order, so the two reads compare as sets. */
const sorted = <T,>(rows: T[]) => rows.map((x) => JSON.stringify(x)).sort();

async function expectSummaryEqualsScan(db: TestDatabase, queries: string[], known: KnownSlugs) {
  let compared = 0;
  for (const q of queries) {
    const { filters, problems } = parseFilters(new URLSearchParams(q), known);
    expect(problems, q).toEqual([]);
    const summary = await overviewScansFrom(filters, db.prisma, "summary");
    const scan = await overviewScansFrom(filters, db.prisma, "incidents");
    expect(sorted(summary.cells), `cells for ?${q}`).toEqual(sorted(scan.cells));
    expect(sorted(summary.groupYears), `groups per year for ?${q}`).toEqual(sorted(scan.groupYears));
    compared += scan.cells.length;
    if (mapSummarySql(filters)) {
      const [fromSummary, fromScan] = await Promise.all([mapDataFrom(filters, db.prisma, "summary"), mapDataFrom(filters, db.prisma, "incidents")]);
      expect(mapShape(fromSummary), `map for ?${q}`).toEqual(mapShape(fromScan));
      fromScan.places.forEach((p, n) => {
        expect(Math.abs(fromSummary.places[n].lat - p.lat), `latitude of point ${n} for ?${q}`).toBeLessThanOrEqual(2e-4);
        expect(Math.abs(fromSummary.places[n].lon - p.lon), `longitude of point ${n} for ?${q}`).toBeLessThanOrEqual(2e-4);
      });
      compared += fromScan.places.length;
    }
  }
  return compared;
}

/** The map's answer but its points' coordinates, compared apart: the summary adds them up in another order than AVG does. */
function mapShape({ source: _, ...m }: MapData & { source: string }) {
  return { ...m, places: m.places.map(({ lat: _lat, lon: _lon, ...p }) => p) };
}

/** The summary as stored, to compare with a rebuild from scratch. */
async function summaryRows(db: TestDatabase) {
  return [
    await db.prisma.$queryRaw<unknown[]>`SELECT * FROM "IncidentSummary" ORDER BY "cell"`,
    // Sums of coordinates rounded: a rebuild adds them in another order.
    await db.prisma.$queryRaw<unknown[]>`SELECT "cell", "incidents", "killedSum", "killedKnown", "injuredSum", "injuredKnown", "chineseKilledSum", "chineseKilledKnown",
      "chineseInjuredSum", "chineseInjuredKnown", "chineseSum", "chineseIncidents", "latest", "oneId",
      CAST(round(CAST("latSum" AS numeric), 6) AS text) AS lat, CAST(round(CAST("lonSum" AS numeric), 6) AS text) AS lon
    FROM "IncidentMapSummary" ORDER BY "cell"`,
  ];
}

async function optionsOf(db: TestDatabase): Promise<{ options: Options; known: KnownSlugs }> {
  const groups = (await db.prisma.perpetrator.findMany({ select: { id: true } })).map((g) => g.id);
  const projects = await db.prisma.project.findMany({ select: { id: true, sector: true } });
  return {
    options: { groups, projects: projects.map((p) => p.id), sectors: [...new Set(projects.map((p) => p.sector))] },
    known: { groups: new Set(groups), projects: new Set(projects.map((p) => p.id)) },
  };
}

describe.each(backends())("the overview summary on %s", (backend) => {
  let db: TestDatabase;
  let known: KnownSlugs;
  let queries: string[];
  beforeAll(async () => {
    db = await freshDatabase(backend);
    const seed = loadDataset();
    await writeDataset(db.prisma, seed);
    await writeDataset(db.prisma, FIXTURE);
    const o = await optionsOf(db);
    known = o.known;
    queries = randomQueries(o.options, 60, 15);
  }, 120_000);
  afterAll(async () => { await db?.close(); });

  it("answers as the scan does on the seeded record", async () => {
    expect(await expectSummaryEqualsScan(db, queries, known)).toBeGreaterThan(100);
  });

  it("stays equal to the scan, and to a rebuild, after edits, attributions, deletions and a re-seed", async () => {
    const ids = (await db.prisma.incident.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((i) => i.id);
    // An edit that moves incidents to another year, province and type, and changes figures.
    await db.prisma.incident.updateMany({ where: { id: { in: ids.slice(0, 6) } }, data: { province: "punjab", attackType: "other", date: new Date("2012-06-01"), totalKilled: 41, chineseKilled: null } });
    // An edit that moves nothing the summary keeps.
    await db.prisma.incident.updateMany({ where: { id: { in: ids.slice(6, 12) } }, data: { summary: "Edited wording only." } });
    // Attributions: a group added to incidents, every claim taken from others.
    const [group] = known.groups;
    const source = (await db.prisma.source.findFirstOrThrow({ select: { id: true } })).id;
    await db.prisma.attribution.createMany({ data: ids.slice(12, 18).map((incidentId, n) => ({ id: `summary-test-${n}`, incidentId, perpetratorId: group, role: "alleged", sourceId: source })) });
    await db.prisma.attribution.deleteMany({ where: { incidentId: { in: ids.slice(18, 24) } } });
    await db.prisma.attribution.updateMany({ where: { id: "summary-test-0" }, data: { incidentId: ids[30] } });
    // A deletion (claims go with it, by cascade).
    await db.prisma.incident.deleteMany({ where: { id: { in: ids.slice(24, 27) } } });
    // All of it inside one transaction, rolled back: the summary must roll back too.
    await expect(db.prisma.$transaction(async (tx) => {
      await tx.incident.updateMany({ data: { province: "islamabad" } });
      throw new Error("roll back");
    })).rejects.toThrow("roll back");
    await expectSummaryEqualsScan(db, queries, known);

    // The seed writer puts the record back (and re-creates the deleted incidents).
    await writeDataset(db.prisma, loadDataset());
    await expectSummaryEqualsScan(db, queries, known);

    // The batched importer: new incidents, then the same ids moved and re-counted (their imported claims replaced).
    await importIncidents(db.prisma, importRows(300, 0), "summary-test.csv");
    await expectSummaryEqualsScan(db, queries, known);
    await importIncidents(db.prisma, importRows(300, 1), "summary-test-2.csv");
    await expectSummaryEqualsScan(db, queries, known);

    const kept = await summaryRows(db);
    await db.prisma.$executeRaw`SELECT "incident_summary_rebuild"()`;
    expect(await summaryRows(db)).toEqual(kept);
  }, 300_000);

  it("leaves free text and dates inside a year to the scan, and scans while a bulk load defers it", async () => {
    const parsed = (q: string) => parseFilters(new URLSearchParams(q), known).filters;
    expect(summarySql(parsed("q=Karachi"))).toBeNull();
    expect(summarySql(parsed("from=2015-03-01"))).toBeNull();
    expect(summarySql(parsed("to=2020-06-30"))).toBeNull();
    expect(summarySql(parsed("from=2015-01-01&to=2020-12-31"))).not.toBeNull();
    // The map keeps fewer dimensions: attack type, project, sector and several groups scan.
    expect(mapSummarySql(parsed("type=bombing"))).toBeNull();
    expect(mapSummarySql(parsed("sector=energy"))).toBeNull();
    expect(mapSummarySql(parsed("group=bla&group=ttp"))).toBeNull();
    expect(mapSummarySql(parsed("group=bla&province=sindh&from=2015&to=2024&victims=chinese"))).not.toBeNull();
    expect((await mapDataFrom(parsed("type=bombing"), db.prisma)).source).toBe("incidents");
    expect((await mapDataFrom(parsed("group=bla"), db.prisma)).source).toBe("summary");
    expect((await overviewScansFrom(parsed("q=Karachi"), db.prisma)).source).toBe("incidents");
    expect((await overviewScansFrom(parsed("from=2015"), db.prisma)).source).toBe("summary");
    await db.prisma.dataVersion.update({ where: { id: 1 }, data: { summaryDeferred: true } });
    try {
      expect((await overviewScansFrom(parsed("from=2015"), db.prisma)).source).toBe("incidents");
    } finally {
      await db.prisma.dataVersion.update({ where: { id: 1 }, data: { summaryDeferred: false } });
    }
  });
});

describe.each(backends())("the summary after a synthetic load on %s", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => { db = await freshDatabase(backend); }, 60_000);
  afterAll(async () => { await db?.close(); });

  it("is rebuilt at the end of the load and answers as the scan does", async () => {
    const vocab = realVocabularies();
    await loadSynthetic(sqlRunner(db), { incidents: 4000, batchSize: 1000, perpetrators: vocab.perpetrators, projects: vocab.projects });
    expect((await db.prisma.dataVersion.findUniqueOrThrow({ where: { id: 1 } })).summaryDeferred).toBe(false);
    const { options, known } = await optionsOf(db);
    const queries = randomQueries(options, 30, 4);
    expect(await expectSummaryEqualsScan(db, queries, known)).toBeGreaterThan(300);
    // Thousands of scattered incidents: the map merges its points on a coarser grid, losing none.
    const map = await mapDataFrom(parseFilters(new URLSearchParams("links=all"), known).filters, db.prisma);
    expect(map.gridKm).toBeGreaterThan(6);
    expect(map.places.length).toBeLessThanOrEqual(DENSE_POINTS);
    expect(map.places.reduce((n, p) => n + p.incidents, 0) + map.unplaced).toBe(4000);

    // What arithmetic cannot take back: a row's latest date when its latest incident moves to an
    // earlier day of the same year, and its single incident when the others leave it.
    await db.prisma.$executeRaw`UPDATE "Incident" SET "date" = CAST(date_trunc('year', "date") AS date) WHERE "id" IN (SELECT "id" FROM "Incident" ORDER BY "date" DESC, "id" LIMIT 400)`;
    await db.prisma.$executeRaw`DELETE FROM "Incident" WHERE "id" IN (SELECT "id" FROM "Incident" ORDER BY md5("id") LIMIT 1500)`;
    const single = await db.prisma.$queryRaw<{ n: number }[]>`SELECT CAST(COUNT(*) AS integer) AS n FROM "IncidentMapSummary" WHERE "oneId" IS NOT NULL`;
    expect(single[0].n).toBeGreaterThan(0);
    await expectSummaryEqualsScan(db, queries, known);
  }, 300_000);
});
