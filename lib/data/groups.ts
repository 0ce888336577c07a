import "server-only";
import { Prisma, type PrismaClient } from "../generated/prisma/client.ts";
import { db } from "../db.ts";
import type { Filters } from "../filters.ts";
import { ATTRIBUTION_ROLES, type AttributionRole } from "../vocab.ts";

// A group is linked to an incident by any attribution, whatever its role: "claimed" and
// "denied" both put the group in the record, and the role split beside the total keeps
// them apart. Weakly-linked incidents are left out unless links = "all", as on /incidents.
export type Links = Filters["links"];

type RoleCounts = Record<AttributionRole, number>;
const ROLES = Object.keys(ATTRIBUTION_ROLES) as AttributionRole[];
const noRoles = (): RoleCounts => Object.fromEntries(ROLES.map((r) => [r, 0])) as RoleCounts;

const linkCondition = (links: Links) => (links === "direct" ? Prisma.sql`AND i."chineseLink" = 'direct'` : Prisma.empty);

export type GroupSummary = {
  id: string; name: string; shortName: string; aliases: string[]; kind: string;
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

type SummaryRow = Omit<GroupSummary, "byRole" | "aliases"> & { aliases: string[] | null };

async function roleCounts(prisma: PrismaClient, links: Links, perpetratorId?: string): Promise<Map<string, RoleCounts>> {
  const only = perpetratorId ? Prisma.sql`AND a."perpetratorId" = ${perpetratorId}` : Prisma.empty;
  const rows = await prisma.$queryRaw<{ perpetratorId: string; role: AttributionRole; incidents: number }[]>(Prisma.sql`
    SELECT a."perpetratorId" AS "perpetratorId", a.role::text AS role, COUNT(DISTINCT a."incidentId")::int AS incidents
    FROM "Attribution" a JOIN "Incident" i ON i.id = a."incidentId"
    WHERE TRUE ${linkCondition(links)} ${only}
    GROUP BY a."perpetratorId", a.role`);
  const out = new Map<string, RoleCounts>();
  for (const r of rows) {
    const counts = out.get(r.perpetratorId) ?? noRoles();
    counts[r.role] = r.incidents;
    out.set(r.perpetratorId, counts);
  }
  return out;
}

async function summaries(prisma: PrismaClient, links: Links, perpetratorId?: string): Promise<GroupSummary[]> {
  const only = perpetratorId ? Prisma.sql`WHERE p.id = ${perpetratorId}` : Prisma.empty;
  // DISTINCT pairs first, so a group with three claims about one incident counts its dead once.
  const [rows, roles] = await Promise.all([
    prisma.$queryRaw<SummaryRow[]>(Prisma.sql`
      WITH linked AS (
        SELECT DISTINCT a."perpetratorId" AS pid, i.id, i.date, i."chineseKilled", i."totalKilled"
        FROM "Attribution" a JOIN "Incident" i ON i.id = a."incidentId"
        WHERE TRUE ${linkCondition(links)}
      )
      SELECT p.id, p.name, p."shortName" AS "shortName", p.aliases, p.kind::text AS kind,
        COUNT(l.id)::int AS incidents,
        SUM(l."chineseKilled")::int AS "chineseKilled",
        SUM(l."totalKilled")::int AS "totalKilled",
        (COUNT(l.id) - COUNT(l."chineseKilled"))::int AS "chineseKilledUnknown",
        (COUNT(l.id) - COUNT(l."totalKilled"))::int AS "totalKilledUnknown",
        EXTRACT(YEAR FROM MIN(l.date))::int AS "firstYear",
        EXTRACT(YEAR FROM MAX(l.date))::int AS "lastYear"
      FROM "Perpetrator" p LEFT JOIN linked l ON l.pid = p.id
      ${only}
      GROUP BY p.id
      ORDER BY COUNT(l.id) DESC, p.name ASC`),
    roleCounts(prisma, links, perpetratorId),
  ]);
  return rows.map((r) => ({ ...r, aliases: r.aliases ?? [], byRole: roles.get(r.id) ?? noRoles() }));
}

/** Every group with how many incidents it is linked to, by role, and the deaths in them. */
export function groupSummaries(links: Links = "direct", prisma: PrismaClient = db()): Promise<GroupSummary[]> {
  return summaries(prisma, links);
}

export type GroupIncident = {
  id: string; date: Date; datePrecision: "day" | "month" | "year"; province: string; city: string | null; district: string | null;
  attackType: string; chineseLink: "direct" | "weak";
  chineseKilled: number | null; chineseInjured: number | null; totalKilled: number | null;
  /** This group's claims on the incident, each with its source. */
  claims: { role: AttributionRole; statedBy: string | null; source: { id: string; kind: string; title: string; publisher: string | null; publishedOn: string | null; url: string | null } }[];
};

/** Deaths are null when no incident of that year gives the figure (unknown, not zero). */
export type YearPoint = { year: number; incidents: number; chineseKilled: number | null; totalKilled: number | null; unknownChineseKilled: number; unknownTotalKilled: number };

export type OtherGroup = { id: string; name: string; shortName: string; incidents: number; roles: AttributionRole[]; incidentIds: string[] };

export type GroupDetail = {
  group: GroupSummary & { description: string | null };
  incidents: GroupIncident[];
  /** Every year from the first incident to the last, zeros included, so the chart's gaps are real. */
  years: YearPoint[];
  /** Number of claims (not incidents) per role. */
  claimsByRole: RoleCounts;
  /** Other groups named for the same incidents: contested or shared attributions. */
  otherGroups: OtherGroup[];
};

/** One group's record: its incidents with its claims, deaths per year, and rival attributions. */
export async function groupDetail(id: string, links: Links = "direct", prisma: PrismaClient = db()): Promise<GroupDetail | null> {
  const perpetrator = await prisma.perpetrator.findUnique({ where: { id }, select: { description: true } });
  if (!perpetrator) return null;
  const linkWhere = links === "direct" ? { chineseLink: "direct" as const } : {};

  const [[summary], incidents, yearRows, claimRows, others] = await Promise.all([
    summaries(prisma, links, id),
    prisma.incident.findMany({
      where: { ...linkWhere, attributions: { some: { perpetratorId: id } } },
      orderBy: [{ date: "desc" }, { id: "asc" }],
      select: {
        id: true, date: true, datePrecision: true, province: true, city: true, district: true, attackType: true, chineseLink: true,
        chineseKilled: true, chineseInjured: true, totalKilled: true,
        attributions: {
          where: { perpetratorId: id }, orderBy: { id: "asc" },
          select: { role: true, statedBy: true, source: { select: { id: true, kind: true, title: true, publisher: true, publishedOn: true, url: true } } },
        },
      },
    }),
    prisma.$queryRaw<YearPoint[]>(Prisma.sql`
      SELECT EXTRACT(YEAR FROM i.date)::int AS year, COUNT(*)::int AS incidents,
        SUM(i."chineseKilled")::int AS "chineseKilled", SUM(i."totalKilled")::int AS "totalKilled",
        (COUNT(*) - COUNT(i."chineseKilled"))::int AS "unknownChineseKilled", (COUNT(*) - COUNT(i."totalKilled"))::int AS "unknownTotalKilled"
      FROM "Incident" i
      WHERE EXISTS (SELECT 1 FROM "Attribution" a WHERE a."incidentId" = i.id AND a."perpetratorId" = ${id}) ${linkCondition(links)}
      GROUP BY 1 ORDER BY 1`),
    prisma.attribution.groupBy({ by: ["role"], where: { perpetratorId: id, incident: linkWhere }, _count: { _all: true } }),
    prisma.$queryRaw<(OtherGroup & { roles: string[] })[]>(Prisma.sql`
      SELECT p.id, p.name, p."shortName" AS "shortName", COUNT(DISTINCT o."incidentId")::int AS incidents,
        ARRAY_AGG(DISTINCT o.role::text) AS roles, ARRAY_AGG(DISTINCT o."incidentId") AS "incidentIds"
      FROM "Attribution" o
      JOIN "Perpetrator" p ON p.id = o."perpetratorId"
      JOIN "Incident" i ON i.id = o."incidentId"
      WHERE o."perpetratorId" <> ${id} ${linkCondition(links)}
        AND EXISTS (SELECT 1 FROM "Attribution" a WHERE a."incidentId" = o."incidentId" AND a."perpetratorId" = ${id})
      GROUP BY p.id, p.name, p."shortName"
      ORDER BY COUNT(DISTINCT o."incidentId") DESC, p.name`),
  ]);

  const claimsByRole = noRoles();
  for (const r of claimRows) claimsByRole[r.role] = r._count._all;

  const years: YearPoint[] = [];
  if (yearRows.length) {
    const byYear = new Map(yearRows.map((r) => [r.year, r]));
    for (let y = yearRows[0].year; y <= yearRows[yearRows.length - 1].year; y++) {
      years.push(byYear.get(y) ?? { year: y, incidents: 0, chineseKilled: 0, totalKilled: 0, unknownChineseKilled: 0, unknownTotalKilled: 0 });
    }
  }

  return {
    group: { ...summary, description: perpetrator.description },
    incidents: incidents.map(({ attributions, ...i }) => ({ ...i, claims: attributions })),
    years,
    claimsByRole,
    otherGroups: others.map((o) => ({
      ...o,
      roles: ROLES.filter((r) => o.roles.includes(r)),
      incidentIds: [...o.incidentIds].sort(),
    })),
  };
}

/** What a group page's title needs; null when there is no such group. */
export async function groupHeading(id: string, prisma: PrismaClient = db()) {
  return prisma.perpetrator.findUnique({ where: { id }, select: { id: true, name: true, shortName: true, aliases: true, kind: true, description: true } });
}
