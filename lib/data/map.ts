import "server-only";
// The map's questions: incidents and casualties per province, and incidents per place, for
// the same incidents every other widget counts (incidentSql). Both are grouped in the
// database, so a million incidents cost two grouped scans, never a million rows to the page.
import { cache } from "react";
import { Prisma, type PrismaClient } from "../generated/prisma/client.ts";
import type { GeoPrecision } from "../generated/prisma/enums.ts";
import { PROVINCES, type Province } from "../vocab.ts";
import { db } from "../db.ts";
import { incidentFilterKey, incidentSql, type IncidentFilters } from "./incident-sql.ts";
import { versionedCache } from "./data-version.ts";

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
};

/** More points than this would be noise on a country-sized map and weigh down the page. */
export const MAX_PLACES = 600;

type ProvinceRow = { province: Province; n: number; killed: number | null; known_killed: number; injured: number | null; known_injured: number;
  ck: number | null; known_ck: number; ci: number | null; known_ci: number; unplaced: number };
type PlaceRow = { lat: number; lon: number; province: Province; place: string | null; n: number; one: string | null; latest: string;
  killed: number | null; chinese: number; chinese_n: number; precision: GeoPrecision | null; places: number };

// A point at a province's centre would read as a place it is not: such incidents only shade their province.
const UNDRAWN = Prisma.sql`i."latitude" IS NULL OR i."longitude" IS NULL OR i."geoPrecision" = CAST('province' AS "GeoPrecision")`;

const fig = (total: number | null, known: number, n: number): MapFigure => ({ total: known ? total ?? 0 : null, unknown: n - known });

async function mapDataUncached(filters: IncidentFilters, prisma: PrismaClient): Promise<MapData> {
  const where = incidentSql(filters);
  const [provinceRows, placeRows] = await Promise.all([
    prisma.$queryRaw<ProvinceRow[]>`
      SELECT CAST(i."province" AS text) AS province, CAST(COUNT(*) AS integer) AS n,
        CAST(SUM(i."totalKilled") AS integer) AS killed, CAST(COUNT(i."totalKilled") AS integer) AS known_killed,
        CAST(SUM(i."totalInjured") AS integer) AS injured, CAST(COUNT(i."totalInjured") AS integer) AS known_injured,
        CAST(SUM(i."chineseKilled") AS integer) AS ck, CAST(COUNT(i."chineseKilled") AS integer) AS known_ck,
        CAST(SUM(i."chineseInjured") AS integer) AS ci, CAST(COUNT(i."chineseInjured") AS integer) AS known_ci,
        CAST(COUNT(*) FILTER (WHERE ${UNDRAWN}) AS integer) AS unplaced
      FROM "Incident" i WHERE ${where} GROUP BY 1`,
    // Incidents at the same point (to ~100 m) are one place: a town centre gathers every
    // incident placed only to the town. The largest places come first; the count of all
    // places rides along so the page can say when the smallest were left out.
    prisma.$queryRaw<PlaceRow[]>`
      SELECT q.*, CAST(COUNT(*) OVER () AS integer) AS places FROM (
        SELECT ROUND(CAST(i."latitude" AS numeric), 3)::float8 AS lat, ROUND(CAST(i."longitude" AS numeric), 3)::float8 AS lon,
          CAST(MIN(CAST(i."province" AS text)) AS text) AS province, MIN(COALESCE(i."city", i."district")) AS place,
          CAST(COUNT(*) AS integer) AS n, CASE WHEN COUNT(*) = 1 THEN MIN(i."id") END AS one,
          TO_CHAR(MAX(i."date"), 'YYYY-MM-DD') AS latest,
          CAST(SUM(i."totalKilled") AS integer) AS killed,
          CAST(COALESCE(SUM(COALESCE(i."chineseKilled", 0) + COALESCE(i."chineseInjured", 0) + COALESCE(i."chineseKidnapped", 0)), 0) AS integer) AS chinese,
          CAST(COUNT(*) FILTER (WHERE i."chineseKilled" > 0 OR i."chineseInjured" > 0 OR i."chineseKidnapped" > 0) AS integer) AS chinese_n,
          CAST(MAX(i."geoPrecision") AS text) AS precision
        FROM "Incident" i
        WHERE ${where} AND NOT (${UNDRAWN})
        GROUP BY 1, 2
      ) q
      ORDER BY q.n DESC, q.killed DESC NULLS LAST, q.lat, q.lon
      LIMIT ${MAX_PLACES}`,
  ]);
  const byProvince = new Map(provinceRows.map((r) => [r.province, r]));
  const provinces = (Object.keys(PROVINCES) as Province[]).map((province): ProvinceTotals => {
    const r = byProvince.get(province);
    const n = r?.n ?? 0;
    return {
      province, name: PROVINCES[province], incidents: n,
      killed: fig(r?.killed ?? null, r?.known_killed ?? 0, n),
      injured: fig(r?.injured ?? null, r?.known_injured ?? 0, n),
      chineseKilled: fig(r?.ck ?? null, r?.known_ck ?? 0, n),
      chineseInjured: fig(r?.ci ?? null, r?.known_ci ?? 0, n),
    };
  });
  return {
    provinces,
    places: placeRows.map((r) => ({
      lat: r.lat, lon: r.lon, province: r.province, place: r.place, incidents: r.n, incidentId: r.one, latest: r.latest,
      killed: r.killed, chineseVictims: r.chinese, chineseIncidents: r.chinese_n, precision: r.precision,
    })),
    unplaced: provinceRows.reduce((n, r) => n + r.unplaced, 0),
    truncated: (placeRows[0]?.places ?? 0) > placeRows.length,
  };
}

// An entry is seven provinces and at most MAX_PLACES places.
const mapCache = versionedCache<MapData>(100);

/** The map's numbers for a filter set: once per data version and filters, shared by concurrent requests. */
export const mapData = cache((filters: IncidentFilters, prisma: PrismaClient = db()): Promise<MapData> =>
  mapCache(incidentFilterKey(filters), () => mapDataUncached(filters, prisma), prisma));
