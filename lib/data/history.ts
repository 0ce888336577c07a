import "server-only";
// The record's history for readers: one incident's revisions, and recent changes record-wide.
import type { PrismaClient } from "../generated/prisma/client.ts";
import { db } from "../server/db.ts";
import { incidentChanges, type Change } from "../revision-diff.ts";
import type { IncidentSnapshot } from "../write/revisions.ts";

export type RevisionView = {
  id: number; at: Date; actor: string; kind: string; entity: string; entityId: string; incidentId: string | null;
  source: { id: string; title: string; url: string | null } | null; changes: Change[];
};

const SELECT = { id: true, createdAt: true, actor: true, kind: true, entity: true, entityId: true, incidentId: true, sourceId: true, before: true, after: true } as const;

type Row = { id: number; createdAt: Date; actor: string; kind: string; entity: string; entityId: string; incidentId: string | null; sourceId: string | null; before: unknown; after: unknown };

async function toViews(prisma: PrismaClient, rows: Row[]): Promise<RevisionView[]> {
  const ids = [...new Set(rows.map((r) => r.sourceId).filter((s): s is string => !!s))];
  const sources = new Map((await prisma.source.findMany({ where: { id: { in: ids } }, select: { id: true, title: true, url: true } })).map((s) => [s.id, s]));
  const names = new Map((await prisma.perpetrator.findMany({ select: { id: true, shortName: true } })).map((g) => [g.id, g.shortName]));
  return rows.map((r) => ({
    id: r.id, at: r.createdAt, actor: r.actor, kind: r.kind, entity: r.entity, entityId: r.entityId, incidentId: r.incidentId,
    source: r.sourceId ? sources.get(r.sourceId) ?? { id: r.sourceId, title: r.sourceId, url: null } : null,
    changes: r.entity === "incident"
      ? incidentChanges(r.before as IncidentSnapshot | null, r.after as IncidentSnapshot | null, names)
      : [{ kind: r.before ? "changed" : "created", what: `${r.entity} ${(r.after as { title?: string } | null)?.title ?? r.entityId}` }],
  }));
}

/** One incident's revisions, newest first, and its current revision number (0: none). */
export async function incidentHistory(incidentId: string, prisma: PrismaClient = db()): Promise<{ revision: number; revisions: RevisionView[] }> {
  const rows = await prisma.revision.findMany({ where: { incidentId }, orderBy: { id: "desc" }, take: 100, select: SELECT });
  return { revision: rows[0]?.id ?? 0, revisions: await toViews(prisma, rows) };
}

export const CHANGES_PAGE_SIZE = 50;

/** Recent changes record-wide, newest first, a page at a time (page 1 is the newest). */
export async function recentChanges(page = 1, prisma: PrismaClient = db()): Promise<{ revisions: RevisionView[]; hasMore: boolean; total: number }> {
  const [rows, total] = await Promise.all([
    prisma.revision.findMany({ orderBy: { id: "desc" }, skip: (page - 1) * CHANGES_PAGE_SIZE, take: CHANGES_PAGE_SIZE + 1, select: SELECT }),
    prisma.revision.count(),
  ]);
  return { revisions: await toViews(prisma, rows.slice(0, CHANGES_PAGE_SIZE)), hasMore: rows.length > CHANGES_PAGE_SIZE, total };
}
