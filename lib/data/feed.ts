import "server-only";
// GET /feed.xml: the incidents added or changed most recently, under the pages' own filters.
import { Prisma, type PrismaClient } from "../generated/prisma/client.ts";
import { db } from "../server/db.ts";
import type { IncidentFilters as Filters } from "../incident-model.ts";
import { incidentChanges, changeSummary } from "../revision-diff.ts";
import type { IncidentSnapshot } from "../write/revisions.ts";
import { incidentSql } from "./incident-sql.ts";

export const FEED_SIZE = 50;

export type FeedEntry = {
  id: string; date: Date; datePrecision: "day" | "month" | "year"; province: string; city: string | null; attackType: string;
  target: string; summary: string; published: Date; updated: Date; change: string; actor: string;
};

type Row = Omit<FeedEntry, "change" | "actor"> & { rev: number };

export async function feedEntries(filters: Filters, prisma: PrismaClient = db()): Promise<FeedEntry[]> {
  // Incidents by their latest revision; the revisions' index on (incidentId, id) serves the grouping.
  const rows = await prisma.$queryRaw<Row[]>(Prisma.sql`
    SELECT i."id", i."date", i."datePrecision"::text AS "datePrecision", i."province"::text AS "province", i."city", i."attackType"::text AS "attackType",
           i."target", i."summary", min(r."createdAt") AS "published", max(r."createdAt") AS "updated", max(r."id") AS "rev"
    FROM "Revision" r JOIN "Incident" i ON i."id" = r."incidentId"
    WHERE ${incidentSql(filters)}
    GROUP BY i."id"
    ORDER BY max(r."id") DESC
    LIMIT ${FEED_SIZE}`);
  if (rows.length === 0) return [];
  const latest = await prisma.revision.findMany({ where: { id: { in: rows.map((r) => Number(r.rev)) } }, select: { id: true, actor: true, before: true, after: true } });
  const byId = new Map(latest.map((r) => [r.id, r]));
  return rows.map(({ rev, ...r }) => {
    const last = byId.get(Number(rev));
    return {
      ...r,
      change: last ? changeSummary(incidentChanges(last.before as IncidentSnapshot | null, last.after as IncidentSnapshot | null)) : "Changed",
      actor: last?.actor ?? "Corridor Watch",
    };
  });
}
