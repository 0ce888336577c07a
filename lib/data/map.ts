import "server-only";
// The map's questions: incidents and casualties per province, and incidents per place, for
// the same incidents every other widget counts (incidentSql). Both are grouped in the
// database, so a million incidents cost two grouped scans, never a million rows to the page.
import { cache } from "react";
import { Prisma, type PrismaClient } from "../generated/prisma/client.ts";
import type { GeoPrecision } from "../generated/prisma/enums.ts";
import { GEO_PRECISIONS, PROVINCES, type Province } from "../vocab.ts";
import { db } from "../server/db.ts";
import { incidentFilterKey, incidentSql, mapSummarySql, type IncidentFilters } from "./incident-sql.ts";
import { scanSource, versionedCache, type ScanSource } from "./data-version.ts";

/** A summed figure: null when no matching incident has it known; `unknown` incidents add nothing. */
export type MapFigure = { total: number | null; unknown: number };

export type ProvinceTotals = {
  province: Province;
  name: string;
  incidents: number;
  killed: MapFigure;
  injured: MapFigure;
  chineseKilled: MapFigure;
  chineseInjured: MapFigure;
};

/**
 * The matching incidents at one point. `incidentId` is set when there is exactly one (the
 * point opens it); otherwise the point stands for `incidents` incidents at that place.
 */
export type MapPlace = {
  lat: number;
  lon: number;
  province: Province;
  /** The town, else the district, the place is named by. */
  place: string | null;
  incidents: number;
  incidentId: string | null;
  /** Date of the single incident (YYYY-MM-DD), or of the latest of several. */
  latest: string;
  killed: number | null;
  chineseVictims: number;
  /** Incidents in which any Chinese national was killed, injured or kidnapped. */
  chineseIncidents: number;
  /** What the point stands for, the least precise of its incidents' (null: not recorded, e.g. synthetic data). */
  precision: GeoPrecision | null;
};

export type MapData = {
  provinces: ProvinceTotals[];
  places: MapPlace[];
  /** Matching incidents with no coordinates, or placed only at their province's centre (counted in the province, not drawn). */
  unplaced: number;
  /** True when there were more places than MAX_PLACES and the smallest were left out. */
  truncated: boolean;
  /** About how far apart, in km, incidents can be and still be one point: 6 normally, more when points were many (see coarsen). */
  gridKm: number;
};

/** More points than this would be noise on a country-sized map and weigh down the page. */
export const MAX_PLACES = 600;

/** One group of the map's scan: the matching incidents of a province in one grid cell (lat null: not drawn). */
type CellRow = { province: Province; cy: number | null; cx: number | null; lat: number | null; lon: number | null; n: number;
  killed: number | null; known_killed: number; injured: number | null; known_injured: number;
  ck: number | null; known_ck: number; ci: number | null; known_ci: number;
  place: string | null; one: string | null; latest: string; chinese: number; chinese_n: number; precision: GeoPrecision | null };

// A point at a province's centre would read as a place it is not: such incidents only shade their province.
// IS NOT DISTINCT FROM, not =: an incident whose precision is not recorded (synthetic data) is drawn where its coordinates are.
const UNDRAWN = Prisma.sql`i."latitude" IS NULL OR i."longitude" IS NULL OR i."geoPrecision" IS NOT DISTINCT FROM CAST('province' AS "GeoPrecision")`;
/** Grid cells per degree: 20 is ~5 km, finer than the map draws; towns stay apart, a town's sites become one point.
 * The map's summary (migration incident_summary) groups on the same grid; a test compares the two. */
const CELLS_PER_DEGREE = 20;

const fig = (total: number | null, known: number, n: number): MapFigure => ({ total: known ? total ?? 0 : null, unknown: n - known });
const add = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : a + b);

/**
 * One grouped scan, province x grid cell, with the sums and known-figure counts: its rows
 * are few (a few per place), and both the province shading and the points fold from them.
 * Grouping on a grid rather than exact coordinates keeps the groups few when incidents are
 * many and scattered (a million synthetic incidents jittered around their towns).
 */
export async function mapDataFrom(filters: IncidentFilters, prisma: PrismaClient, source?: ScanSource): Promise<MapData & { source: ScanSource }> {
  const summaryWhere = mapSummarySql(filters);
  const use = await scanSource(summaryWhere, prisma, source);
  return { ...fold(await (use === "summary" ? summaryRows(summaryWhere!, prisma) : scanRows(filters, prisma))), source: use };
}

/**
 * The same groups from the map's summary (IncidentMapSummary, kept by triggers): its rows
 * are finer (per year, flags, place name and precision too), so they are folded to one per
 * province and grid cell here; undrawn incidents fold to one row per province.
 */
function summaryRows(where: Prisma.Sql, prisma: PrismaClient): Promise<CellRow[]> {
  return prisma.$queryRaw<CellRow[]>`
    SELECT CAST(m."province" AS text) AS province, m."cy", m."cx",
      CASE WHEN m."cy" IS NOT NULL THEN SUM(m."latSum") / SUM(m."incidents") END AS lat,
      CASE WHEN m."cy" IS NOT NULL THEN SUM(m."lonSum") / SUM(m."incidents") END AS lon,
      CAST(SUM(m."incidents") AS integer) AS n,
      CAST(CASE WHEN SUM(m."killedKnown") > 0 THEN SUM(m."killedSum") END AS integer) AS killed, CAST(SUM(m."killedKnown") AS integer) AS known_killed,
      CAST(CASE WHEN SUM(m."injuredKnown") > 0 THEN SUM(m."injuredSum") END AS integer) AS injured, CAST(SUM(m."injuredKnown") AS integer) AS known_injured,
      CAST(CASE WHEN SUM(m."chineseKilledKnown") > 0 THEN SUM(m."chineseKilledSum") END AS integer) AS ck, CAST(SUM(m."chineseKilledKnown") AS integer) AS known_ck,
      CAST(CASE WHEN SUM(m."chineseInjuredKnown") > 0 THEN SUM(m."chineseInjuredSum") END AS integer) AS ci, CAST(SUM(m."chineseInjuredKnown") AS integer) AS known_ci,
      MIN(m."place") AS place, CASE WHEN SUM(m."incidents") = 1 THEN MIN(m."oneId") END AS one,
      TO_CHAR(MAX(m."latest"), 'YYYY-MM-DD') AS latest,
      CAST(SUM(m."chineseSum") AS integer) AS chinese, CAST(SUM(m."chineseIncidents") AS integer) AS chinese_n,
      CAST(MAX(m."geoPrecision") AS text) AS precision
    FROM "IncidentMapSummary" m
    WHERE ${where}
    GROUP BY m."province", m."cy", m."cx"`;
}

function scanRows(filters: IncidentFilters, prisma: PrismaClient): Promise<CellRow[]> {
  const where = incidentSql(filters);
  const k = CELLS_PER_DEGREE;
  return prisma.$queryRaw<CellRow[]>`
    SELECT q.province, CASE WHEN q.drawn THEN CAST(q.cy AS integer) END AS cy, CASE WHEN q.drawn THEN CAST(q.cx AS integer) END AS cx,
      CASE WHEN q.drawn THEN q.lat END AS lat, CASE WHEN q.drawn THEN q.lon END AS lon, q.n, q.killed, q.known_killed, q.injured, q.known_injured,
      q.ck, q.known_ck, q.ci, q.known_ci, q.place, q.one, q.latest, q.chinese, q.chinese_n, q.precision
    FROM (
      SELECT CAST(i."province" AS text) AS province, NOT (${UNDRAWN}) AS drawn,
        round(i."latitude" * ${k}) AS cy, round(i."longitude" * ${k}) AS cx,
        AVG(i."latitude") AS lat, AVG(i."longitude") AS lon, CAST(COUNT(*) AS integer) AS n,
        CAST(SUM(i."totalKilled") AS integer) AS killed, CAST(COUNT(i."totalKilled") AS integer) AS known_killed,
        CAST(SUM(i."totalInjured") AS integer) AS injured, CAST(COUNT(i."totalInjured") AS integer) AS known_injured,
        CAST(SUM(i."chineseKilled") AS integer) AS ck, CAST(COUNT(i."chineseKilled") AS integer) AS known_ck,
        CAST(SUM(i."chineseInjured") AS integer) AS ci, CAST(COUNT(i."chineseInjured") AS integer) AS known_ci,
        MIN(COALESCE(i."city", i."district")) AS place, CASE WHEN COUNT(*) = 1 THEN MIN(i."id") END AS one,
        TO_CHAR(MAX(i."date"), 'YYYY-MM-DD') AS latest,
        CAST(COALESCE(SUM(COALESCE(i."chineseKilled", 0) + COALESCE(i."chineseInjured", 0) + COALESCE(i."chineseKidnapped", 0)), 0) AS integer) AS chinese,
        CAST(COUNT(*) FILTER (WHERE i."chineseKilled" > 0 OR i."chineseInjured" > 0 OR i."chineseKidnapped" > 0) AS integer) AS chinese_n,
        CAST(MAX(i."geoPrecision") AS text) AS precision
      FROM "Incident" i
      WHERE ${where}
      GROUP BY 1, 2, 3, 4
    ) q`;
}

/** Province shading and points from the grouped rows, whichever read produced them. */
function fold(rows: CellRow[]): MapData {
  const totals = new Map<Province, { n: number; killed: number | null; kk: number; injured: number | null; ki: number; ck: number | null; kck: number; ci: number | null; kci: number }>();
  let unplaced = 0;
  const fine: CellRow[] = [];
  for (const r of rows) {
    const t = totals.get(r.province) ?? { n: 0, killed: null, kk: 0, injured: null, ki: 0, ck: null, kck: 0, ci: null, kci: 0 };
    t.n += r.n;
    t.killed = add(t.killed, r.killed); t.kk += r.known_killed;
    t.injured = add(t.injured, r.injured); t.ki += r.known_injured;
    t.ck = add(t.ck, r.ck); t.kck += r.known_ck;
    t.ci = add(t.ci, r.ci); t.kci += r.known_ci;
    totals.set(r.province, t);
    if (r.lat === null || r.lon === null) unplaced += r.n; else fine.push(r);
  }
  const provinces = (Object.keys(PROVINCES) as Province[]).map((province): ProvinceTotals => {
    const t = totals.get(province);
    const n = t?.n ?? 0;
    return {
      province, name: PROVINCES[province], incidents: n,
      killed: fig(t?.killed ?? null, t?.kk ?? 0, n),
      injured: fig(t?.injured ?? null, t?.ki ?? 0, n),
      chineseKilled: fig(t?.ck ?? null, t?.kck ?? 0, n),
      chineseInjured: fig(t?.ci ?? null, t?.kci ?? 0, n),
    };
  });
  const { cells, factor } = coarsen(fine);
  // The largest places first (most incidents, then most killed); the smallest are left out beyond MAX_PLACES.
  // Ties broken on the coordinates as shown (to 1e-4), so the summary's sums and the scan's AVG,
  // which differ in the last bits, order the same points the same way.
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  cells.sort((a, b) => b.n - a.n || (b.killed ?? -1) - (a.killed ?? -1) || round(a.lat!) - round(b.lat!) || round(a.lon!) - round(b.lon!)
    // Two provinces' points can share coordinates (data placed on a boundary, or test data).
    || a.province.localeCompare(b.province) || (a.one ?? "").localeCompare(b.one ?? ""));
  return {
    provinces,
    places: cells.slice(0, MAX_PLACES).map((r) => ({
      lat: round(r.lat!), lon: round(r.lon!), province: r.province, place: r.place, incidents: r.n, incidentId: r.one, latest: r.latest,
      killed: r.killed, chineseVictims: r.chinese, chineseIncidents: r.chinese_n, precision: r.precision,
    })),
    unplaced,
    truncated: cells.length > MAX_PLACES,
    gridKm: Math.round(KM_PER_CELL * factor),
  };
}

/** Beyond this many points the grid is coarsened: on a country-sized map they would overlap, and each one weighs on the page. */
export const DENSE_POINTS = 150;
/** A grid cell's size on the ground: 1/20 degree of latitude. */
const KM_PER_CELL = 111 / CELLS_PER_DEGREE;
/** From the most to the least precise, as the GeoPrecision enum orders them (MAX in SQL is the least precise). */
const PRECISION_ORDER: string[] = Object.keys(GEO_PRECISIONS);

/**
 * Points many enough to overlap are merged on a coarser grid (2, 4, 8 ... cells of the fine
 * one a side) until at most DENSE_POINTS remain. Merging works on the fine cells' own sums,
 * counts and extremes, so both reads (summary and scan) give the same points.
 */
function coarsen(cells: CellRow[]): { cells: CellRow[]; factor: number } {
  let factor = 1, out = cells;
  // At most 8 cells a side (~45 km): coarser, a point would stand for towns apart and carry one's name.
  while (out.length > DENSE_POINTS && factor < 8) {
    factor *= 2;
    const merged = new Map<string, CellRow>();
    for (const c of cells) {
      const key = `${c.province}|${Math.floor(c.cy! / factor)}|${Math.floor(c.cx! / factor)}`;
      const m = merged.get(key);
      if (!m) { merged.set(key, { ...c }); continue; }
      m.lat = (m.lat! * m.n + c.lat! * c.n) / (m.n + c.n);
      m.lon = (m.lon! * m.n + c.lon! * c.n) / (m.n + c.n);
      m.n += c.n;
      m.killed = add(m.killed, c.killed); m.known_killed += c.known_killed;
      m.injured = add(m.injured, c.injured); m.known_injured += c.known_injured;
      m.ck = add(m.ck, c.ck); m.known_ck += c.known_ck;
      m.ci = add(m.ci, c.ci); m.known_ci += c.known_ci;
      m.chinese += c.chinese; m.chinese_n += c.chinese_n;
      m.place = m.place === null ? c.place : c.place === null ? m.place : m.place < c.place ? m.place : c.place;
      m.one = null;
      if (c.latest > m.latest) m.latest = c.latest;
      if (PRECISION_ORDER.indexOf(c.precision ?? "") > PRECISION_ORDER.indexOf(m.precision ?? "")) m.precision = c.precision;
    }
    out = [...merged.values()];
  }
  return { cells: out, factor };
}

// An entry is seven provinces and at most MAX_PLACES places.
const mapCache = versionedCache<MapData>(100);

/** The map's numbers for a filter set: once per data version and filters, shared by concurrent requests. */
export const mapData = cache((filters: IncidentFilters, prisma: PrismaClient = db()): Promise<MapData> =>
  mapCache(incidentFilterKey(filters), () => mapDataFrom(filters, prisma).then(({ source: _, ...data }) => data), prisma));
