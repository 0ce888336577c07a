import "server-only";
import { Prisma, type PrismaClient } from "../generated/prisma/client.ts";
import { db } from "../server/db.ts";
import { selection, type Filters } from "../incident-model.ts";
import { ATTRIBUTION_ROLES, type AttackType, type AttributionRole, type ChineseLink, type DatePrecision, type PerpetratorKind, type Province, type SourceKind } from "../vocab.ts";
import { incidentSql, orderSql } from "./incident-sql.ts";
import { versionedCache } from "./data-version.ts";

// A group is linked to an incident by any attribution, whatever its role: "claimed" and
// "denied" both put the group in the record, and the role split beside the total keeps
// them apart. Weakly-linked incidents are left out unless links = "all", as on /incidents.
export type Links = Filters["links"];

// What a page holds must not grow with the record: a group page lists this many of its
// incidents (the rest are one link away, on /incidents), and names this many shared
// incidents per rival group. Everything else on it is a count or a sum.
export const GROUP_RECENT_INCIDENTS = 25;
export const SHARED_INCIDENT_EXAMPLES = 3;

type RoleCounts = Record<AttributionRole, number>;
const ROLES = Object.keys(ATTRIBUTION_ROLES) as AttributionRole[];
const roleCounts = (counts: number[] | null): RoleCounts => Object.fromEntries(ROLES.map((r, n) => [r, counts?.[n] ?? 0])) as RoleCounts;

/** The group's incidents as /incidents?group=...&links=... reads it: the list here is that list's first rows. */
const groupFilter = (id: string, links: Links) => incidentSql(selection({ group: [id], links }));

// Per-role arrays in ROLES order, so the SQL needs no identifier made from the vocabulary.
const claimsPerRole = Prisma.sql`ARRAY[${Prisma.join(ROLES.map((r) => Prisma.sql`COUNT(*) FILTER (WHERE a.role = CAST(${r} AS "AttributionRole"))`))}]`;
const incidentsPerRole = Prisma.sql`ARRAY[${Prisma.join(ROLES.map((_, n) => Prisma.sql`COUNT(*) FILTER (WHERE l.claims[CAST(${n + 1} AS integer)] > 0)`))}]::int[]`;
const claimSumsPerRole = Prisma.sql`ARRAY[${Prisma.join(ROLES.map((_, n) => Prisma.sql`COALESCE(SUM(l.claims[CAST(${n + 1} AS integer)]), 0)`))}]::int[]`;

/**
 * One row per (group, incident) pair: the incident's date and counted deaths, and how many of
 * the group's claims about it have each role. Grouping the pairs first counts a group's dead
 * once however many claims it has on an incident; one scan serves the totals, the per-year
 * figures and both role splits.
 */
const pairs = (links: Links, perpetratorId?: string) => Prisma.sql`
  SELECT a."perpetratorId" AS pid, i.id, i.date, i."chineseKilled", i."totalKilled", ${claimsPerRole} AS claims
  FROM "Attribution" a JOIN "Incident" i ON i.id = a."incidentId"
  WHERE ${incidentSql(selection({ links }))} ${perpetratorId ? Prisma.sql`AND a."perpetratorId" = ${perpetratorId}` : Prisma.empty}
  GROUP BY a."perpetratorId", i.id`;

const figures = Prisma.sql`
  COUNT(*)::int AS incidents,
  SUM(l."chineseKilled")::int AS "chineseKilled", SUM(l."totalKilled")::int AS "totalKilled",
  (COUNT(*) - COUNT(l."chineseKilled"))::int AS "chineseKilledUnknown", (COUNT(*) - COUNT(l."totalKilled"))::int AS "totalKilledUnknown",
  EXTRACT(YEAR FROM MIN(l.date))::int AS "firstYear", EXTRACT(YEAR FROM MAX(l.date))::int AS "lastYear",
  ${incidentsPerRole} AS "incidentsByRole", ${claimSumsPerRole} AS "claimsByRole"`;

type FigureRow = {
  incidents: number; chineseKilled: number | null; totalKilled: number | null; chineseKilledUnknown: number; totalKilledUnknown: number;
  firstYear: number | null; lastYear: number | null; incidentsByRole: number[]; claimsByRole: number[];
};
/** A group with no incident in the count has no figures row: every figure is null. */
type Nullable<T> = { [K in keyof T]: T[K] | null };
const NO_FIGURES: Nullable<FigureRow> = {
  incidents: null, chineseKilled: null, totalKilled: null, chineseKilledUnknown: null, totalKilledUnknown: null,
  firstYear: null, lastYear: null, incidentsByRole: null, claimsByRole: null,
};

export type GroupSummary = {
  id: string; name: string; shortName: string; aliases: string[]; kind: PerpetratorKind;
  incidents: number;
  /** Incidents in which the group has at least one claim of each role. */
  byRole: RoleCounts;
  /** Summed over the group's incidents; null when no incident gives the figure. */
  chineseKilled: number | null;
  totalKilled: number | null;
  /** Incidents whose figure is unknown, so the sums are "at least". */
  chineseKilledUnknown: number;
  totalKilledUnknown: number;
  firstYear: number | null;
  lastYear: number | null;
};

type Perpetrator = { id: string; name: string; shortName: string; aliases: string[] | null; kind: PerpetratorKind };

function toSummary(r: Perpetrator & Nullable<FigureRow>): GroupSummary {
  return {
    id: r.id, name: r.name, shortName: r.shortName, aliases: r.aliases ?? [], kind: r.kind,
    incidents: r.incidents ?? 0,
    byRole: roleCounts(r.incidentsByRole),
    chineseKilled: r.chineseKilled, totalKilled: r.totalKilled,
    chineseKilledUnknown: r.chineseKilledUnknown ?? 0, totalKilledUnknown: r.totalKilledUnknown ?? 0,
    firstYear: r.firstYear, lastYear: r.lastYear,
  };
}

// Both scan every attribution of the group (or of every group): once per data version.
const summariesCache = versionedCache<GroupSummary[]>(2);
const detailCache = versionedCache<GroupDetail | null>(200);

/** Every group with how many incidents it is linked to, by role, and the deaths in them. */
export function groupSummaries(links: Links = "direct", prisma: PrismaClient = db()): Promise<GroupSummary[]> {
  return summariesCache(links, () => computeSummaries(links, prisma), prisma);
}

async function computeSummaries(links: Links, prisma: PrismaClient): Promise<GroupSummary[]> {
  const rows = await prisma.$queryRaw<(Perpetrator & Nullable<FigureRow>)[]>(Prisma.sql`
    SELECT p.id, p.name, p."shortName" AS "shortName", p.aliases, p.kind::text AS kind,
      s.incidents, s."chineseKilled", s."totalKilled", s."chineseKilledUnknown", s."totalKilledUnknown",
      s."firstYear", s."lastYear", s."incidentsByRole", s."claimsByRole"
    FROM "Perpetrator" p
    LEFT JOIN (SELECT l.pid, ${figures} FROM (${pairs(links)}) l GROUP BY l.pid) s ON s.pid = p.id
    ORDER BY COALESCE(s.incidents, 0) DESC, p.name ASC`);
  return rows.map(toSummary);
}

export type GroupIncident = {
  id: string; date: Date; datePrecision: DatePrecision; province: Province; city: string | null; district: string | null;
  attackType: AttackType; chineseLink: ChineseLink;
  chineseKilled: number | null; chineseInjured: number | null; totalKilled: number | null;
  /** This group's claims on the incident, each with its source. */
  claims: { role: AttributionRole; statedBy: string | null; source: { id: string; kind: SourceKind; title: string; publisher: string | null; publishedOn: string | null; url: string | null } }[];
};

/** Deaths are null when no incident of that year gives the figure (unknown, not zero). */
export type YearPoint = { year: number; incidents: number; chineseKilled: number | null; totalKilled: number | null; unknownChineseKilled: number; unknownTotalKilled: number };

export type OtherGroup = {
  id: string; name: string; shortName: string;
  /** Incidents of this group that the other group is also named for. */
  incidents: number;
  /** Of those, the incidents in which the other group has at least one claim of each role. */
  byRole: RoleCounts;
  /** The roles with any such incident, in vocabulary order. */
  roles: AttributionRole[];
  /** The most recent few shared incidents (at most SHARED_INCIDENT_EXAMPLES), newest first. */
  exampleIds: string[];
};

export type GroupDetail = {
  group: GroupSummary & { description: string | null };
  /** The most recent GROUP_RECENT_INCIDENTS incidents, newest first (the order of /incidents); group.incidents counts them all. */
  incidents: GroupIncident[];
  /** Every year from the first incident to the last, zeros included, so the chart's gaps are real. */
  years: YearPoint[];
  /** Number of claims (not incidents) per role. */
  claimsByRole: RoleCounts;
  /** Other groups named for the same incidents: contested or shared attributions. */
  otherGroups: OtherGroup[];
};

/** The group's figures per year and in total, in one scan: GROUPING SETS gives the total row (year null). */
function groupFigures(prisma: PrismaClient, id: string, links: Links) {
  return prisma.$queryRaw<(FigureRow & { year: number | null })[]>(Prisma.sql`
    SELECT EXTRACT(YEAR FROM l.date)::int AS year, ${figures}
    FROM (${pairs(links, id)}) l
    GROUP BY GROUPING SETS ((EXTRACT(YEAR FROM l.date)), ())`);
}

/** The group's most recent incidents, in /incidents' default order (date, then id, newest first), with its own claims. */
async function recentIncidents(prisma: PrismaClient, id: string, links: Links): Promise<GroupIncident[]> {
  const rows = await prisma.$queryRaw<Omit<GroupIncident, "claims">[]>(Prisma.sql`
    SELECT i.id, i.date, i."datePrecision"::text AS "datePrecision", i.province::text AS province, i.city, i.district,
      i."attackType"::text AS "attackType", i."chineseLink"::text AS "chineseLink", i."chineseKilled", i."chineseInjured", i."totalKilled"
    FROM "Incident" i
    WHERE ${groupFilter(id, links)}
    ORDER BY ${orderSql("date", "desc")}
    LIMIT ${GROUP_RECENT_INCIDENTS}`);
  if (!rows.length) return [];
  const claims = await prisma.attribution.findMany({
    where: { perpetratorId: id, incidentId: { in: rows.map((r) => r.id) } },
    orderBy: { id: "asc" },
    select: { incidentId: true, role: true, statedBy: true, source: { select: { id: true, kind: true, title: true, publisher: true, publishedOn: true, url: true } } },
  });
  const byIncident = new Map<string, GroupIncident["claims"]>();
  for (const { incidentId, ...c } of claims) byIncident.set(incidentId, [...(byIncident.get(incidentId) ?? []), c]);
  return rows.map((r) => ({ ...r, claims: byIncident.get(r.id) ?? [] }));
}

/**
 * The other groups named for this group's incidents: per group, how many incidents and with
 * which roles, and the ids of the most recent few only (an id list would grow with the record).
 */
async function otherGroups(prisma: PrismaClient, id: string, links: Links): Promise<OtherGroup[]> {
  const rows = await prisma.$queryRaw<{ id: string; name: string; shortName: string; incidents: number; incidentsByRole: number[]; exampleIds: string[] }[]>(Prisma.sql`
    WITH shared AS (
      SELECT a."perpetratorId" AS pid, i.id, i.date, ${claimsPerRole} AS claims
      FROM "Attribution" a JOIN "Incident" i ON i.id = a."incidentId"
      WHERE a."perpetratorId" <> ${id} AND ${incidentSql(selection({ links }))}
        AND EXISTS (SELECT 1 FROM "Attribution" g WHERE g."incidentId" = a."incidentId" AND g."perpetratorId" = ${id})
      GROUP BY a."perpetratorId", i.id
    ), ranked AS (
      SELECT shared.*, ROW_NUMBER() OVER (PARTITION BY pid ORDER BY date DESC, id DESC) AS rank FROM shared
    )
    SELECT p.id, p.name, p."shortName" AS "shortName", s.incidents, s."incidentsByRole", s."exampleIds"
    FROM (
      SELECT l.pid, COUNT(*)::int AS incidents, ${incidentsPerRole} AS "incidentsByRole",
        ARRAY_AGG(l.id ORDER BY l.rank) FILTER (WHERE l.rank <= ${SHARED_INCIDENT_EXAMPLES}) AS "exampleIds"
      FROM ranked l GROUP BY l.pid
    ) s JOIN "Perpetrator" p ON p.id = s.pid
    ORDER BY s.incidents DESC, p.name`);
  return rows.map(({ incidentsByRole, ...o }) => {
    const byRole = roleCounts(incidentsByRole);
    return { ...o, byRole, roles: ROLES.filter((r) => byRole[r] > 0) };
  });
}

/** One group's record: its figures, deaths per year, its most recent incidents with its claims, and rival attributions. */
export function groupDetail(id: string, links: Links = "direct", prisma: PrismaClient = db()): Promise<GroupDetail | null> {
  return detailCache(JSON.stringify([id, links]), () => computeDetail(id, links, prisma), prisma);
}

async function computeDetail(id: string, links: Links, prisma: PrismaClient): Promise<GroupDetail | null> {
  const perpetrator = await prisma.perpetrator.findUnique({ where: { id }, select: { id: true, name: true, shortName: true, aliases: true, kind: true, description: true } });
  if (!perpetrator) return null;

  const [figureRows, incidents, others] = await Promise.all([
    groupFigures(prisma, id, links),
    recentIncidents(prisma, id, links),
    otherGroups(prisma, id, links),
  ]);
  const total = figureRows.find((r) => r.year === null);
  const yearRows = figureRows.filter((r) => r.year !== null).sort((a, b) => a.year! - b.year!);

  const years: YearPoint[] = [];
  if (yearRows.length) {
    const byYear = new Map(yearRows.map((r) => [r.year!, r]));
    for (let y = yearRows[0].year!; y <= yearRows[yearRows.length - 1].year!; y++) {
      const r = byYear.get(y);
      years.push(r
        ? { year: y, incidents: r.incidents, chineseKilled: r.chineseKilled, totalKilled: r.totalKilled, unknownChineseKilled: r.chineseKilledUnknown, unknownTotalKilled: r.totalKilledUnknown }
        : { year: y, incidents: 0, chineseKilled: 0, totalKilled: 0, unknownChineseKilled: 0, unknownTotalKilled: 0 });
    }
  }

  return {
    group: { ...toSummary({ ...perpetrator, ...(total ?? NO_FIGURES) }), description: perpetrator.description },
    incidents,
    years,
    claimsByRole: roleCounts(total?.claimsByRole ?? null),
    otherGroups: others,
  };
}

/** What a group page's title needs; null when there is no such group. */
export async function groupHeading(id: string, prisma: PrismaClient = db()) {
  return prisma.perpetrator.findUnique({ where: { id }, select: { id: true, name: true, shortName: true, aliases: true, kind: true, description: true } });
}
