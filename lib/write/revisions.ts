// Every change to the record is a revision: who (an editor) or which command, when, on the
// strength of which source, and the entity before and after. Writers call these inside their
// own transaction, so a revision exists exactly when its change does.
//
// An incident's revision holds a whole snapshot of it (its fields and every claim and quote),
// before and after, so the history can show any difference without knowing what the writer
// meant to change; a write that changes nothing leaves no revision (re-seeding is silent).
import { Prisma } from "../generated/prisma/client.ts";

type Tx = Prisma.TransactionClient;

export type RevisionKind = "seed" | "import" | "accept" | "correction";

export type RevisionActor = {
  kind: RevisionKind;
  /** Shown to readers: the editor's name, or the command ("npm run db:seed"). */
  actor: string;
  userId?: string | null;
  sourceId?: string | null;
  reportId?: string | null;
};

/** A command as a revision's author: the seed writer is `npm run db:seed`, the importer `npm run db:import`. */
export function commandActor(kind: "seed" | "import", detail?: string): RevisionActor {
  return { kind, actor: `npm run ${kind === "seed" ? "db:seed" : "db:import"}${detail ? ` (${detail})` : ""}` };
}

export type IncidentSnapshot = {
  id: string; date: string; datePrecision: string; dateNote: string | null;
  province: string; district: string | null; city: string | null; locationDetail: string | null; locationPrecision: string;
  latitude: number | null; longitude: number | null; attackType: string; target: string; projectId: string | null;
  summary: string; confidence: string; chineseLink: string; targetLink: string; linkNote: string | null; notes: string | null;
  chineseKilled: number | null; chineseInjured: number | null; chineseKidnapped: number | null;
  totalKilled: number | null; totalInjured: number | null; attackersKilled: number | null;
  attributions: { id: string; perpetratorId: string; role: string; statedBy: string | null; sourceId: string; quote: string | null; note: string | null }[];
  casualties: { id: string; outcome: string; victimGroup: string; count: number | null; low: number | null; high: number | null; sourceId: string; quote: string | null; note: string | null; counted: boolean }[];
  evidence: { id: string; supports: string; sourceId: string; quote: string; note: string | null }[];
  sources: string[];
};

const CHUNK = 500;

/** The incidents' current state, as revisions store it (missing ids are absent from the map). */
export async function snapshotIncidents(tx: Tx, ids: string[]): Promise<Map<string, IncidentSnapshot>> {
  const out = new Map<string, IncidentSnapshot>();
  const unique = [...new Set(ids)];
  for (let n = 0; n < unique.length; n += CHUNK) {
    const rows = await tx.incident.findMany({
      where: { id: { in: unique.slice(n, n + CHUNK) } },
      include: {
        attributions: { select: { id: true, perpetratorId: true, role: true, statedBy: true, sourceId: true, quote: true, note: true }, orderBy: { id: "asc" } },
        casualties: { select: { id: true, outcome: true, victimGroup: true, count: true, low: true, high: true, sourceId: true, quote: true, note: true, counted: true }, orderBy: { id: "asc" } },
        evidence: { select: { id: true, supports: true, sourceId: true, quote: true, note: true }, orderBy: { id: "asc" } },
        sources: { select: { sourceId: true }, orderBy: { sourceId: "asc" } },
      },
    });
    for (const r of rows) {
      out.set(r.id, {
        id: r.id, date: r.date.toISOString().slice(0, 10), datePrecision: r.datePrecision, dateNote: r.dateNote,
        province: r.province, district: r.district, city: r.city, locationDetail: r.locationDetail, locationPrecision: r.locationPrecision,
        latitude: r.latitude, longitude: r.longitude, attackType: r.attackType, target: r.target, projectId: r.projectId,
        summary: r.summary, confidence: r.confidence, chineseLink: r.chineseLink, targetLink: r.targetLink, linkNote: r.linkNote, notes: r.notes,
        chineseKilled: r.chineseKilled, chineseInjured: r.chineseInjured, chineseKidnapped: r.chineseKidnapped,
        totalKilled: r.totalKilled, totalInjured: r.totalInjured, attackersKilled: r.attackersKilled,
        attributions: r.attributions, casualties: r.casualties, evidence: r.evidence, sources: r.sources.map((s) => s.sourceId),
      });
    }
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Compares the incidents now with `before` (from snapshotIncidents at the start of the same
 * transaction) and records one revision per incident that was created, changed or deleted.
 * `ids` defaults to those in `before`; pass the ids written when some were new. Returns the
 * new revisions' ids in order.
 */
export async function recordIncidentRevisions(tx: Tx, before: Map<string, IncidentSnapshot>, by: RevisionActor, ids: string[] = [...before.keys()]): Promise<number[]> {
  const after = await snapshotIncidents(tx, ids);
  const rows: Prisma.RevisionCreateManyInput[] = [];
  for (const id of [...new Set(ids)].sort()) {
    const b = before.get(id) ?? null;
    const a = after.get(id) ?? null;
    if (same(b, a)) continue;
    rows.push({ ...actorFields(by), entity: "incident", entityId: id, incidentId: id, before: json(b), after: json(a) });
  }
  return insertRevisions(tx, rows);
}

/** One revision of an entity other than an incident (a source an accept created). */
export async function recordRevision(tx: Tx, by: RevisionActor, change: { entity: string; entityId: string; incidentId?: string | null; before: unknown; after: unknown }): Promise<number> {
  const [id] = await insertRevisions(tx, [{ ...actorFields(by), entity: change.entity, entityId: change.entityId, incidentId: change.incidentId ?? null, before: json(change.before), after: json(change.after) }]);
  return id;
}

/** The incident's latest revision id, 0 when it has none: what an editor's view is "at". */
export async function incidentRevision(tx: Tx, incidentId: string): Promise<number> {
  const last = await tx.revision.findFirst({ where: { incidentId }, orderBy: { id: "desc" }, select: { id: true } });
  return last?.id ?? 0;
}

function actorFields(by: RevisionActor) {
  return { kind: by.kind, actor: by.actor, userId: by.userId ?? null, sourceId: by.sourceId ?? null, reportId: by.reportId ?? null };
}

// Prisma's Json input tells a JSON null from no value; a missing side is SQL NULL.
function json(v: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  return v === null || v === undefined ? Prisma.DbNull : (v as Prisma.InputJsonValue);
}

async function insertRevisions(tx: Tx, rows: Prisma.RevisionCreateManyInput[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const made = await tx.revision.createManyAndReturn({ data: rows, select: { id: true } });
  return made.map((r) => r.id).sort((a, b) => a - b);
}

// ---- The same, for bulk writers on a driver connection (db:import) ----------------------------
// A revision per incident for 100,000 incidents cannot go through JavaScript objects: the
// snapshots are built, kept and compared by the database, a batch at a time, in the shape
// snapshotIncidents gives them (a test holds the two to each other: change both together).

/** What both pg.Client and a PGlite transaction offer. */
type SqlRunner = { query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }> };

/** IncidentSnapshot as jsonb, for the incident row `i`. */
const SNAPSHOT_SQL = `jsonb_build_object(
  'id', i."id", 'date', to_char(i."date", 'YYYY-MM-DD'), 'datePrecision', i."datePrecision", 'dateNote', i."dateNote",
  'province', i."province", 'district', i."district", 'city', i."city", 'locationDetail', i."locationDetail", 'locationPrecision', i."locationPrecision",
  'latitude', i."latitude", 'longitude', i."longitude", 'attackType', i."attackType", 'target', i."target", 'projectId', i."projectId",
  'summary', i."summary", 'confidence', i."confidence", 'chineseLink', i."chineseLink", 'targetLink', i."targetLink", 'linkNote', i."linkNote", 'notes', i."notes",
  'chineseKilled', i."chineseKilled", 'chineseInjured', i."chineseInjured", 'chineseKidnapped', i."chineseKidnapped",
  'totalKilled', i."totalKilled", 'totalInjured', i."totalInjured", 'attackersKilled', i."attackersKilled",
  'attributions', COALESCE((SELECT jsonb_agg(jsonb_build_object('id', a."id", 'perpetratorId', a."perpetratorId", 'role', a."role", 'statedBy', a."statedBy", 'sourceId', a."sourceId", 'quote', a."quote", 'note', a."note") ORDER BY a."id")
    FROM "Attribution" a WHERE a."incidentId" = i."id"), '[]'::jsonb),
  'casualties', COALESCE((SELECT jsonb_agg(jsonb_build_object('id', c."id", 'outcome', c."outcome", 'victimGroup', c."victimGroup", 'count', c."count", 'low', c."low", 'high', c."high", 'sourceId', c."sourceId", 'quote', c."quote", 'note', c."note", 'counted', c."counted") ORDER BY c."id")
    FROM "Casualty" c WHERE c."incidentId" = i."id"), '[]'::jsonb),
  'evidence', COALESCE((SELECT jsonb_agg(jsonb_build_object('id', e."id", 'supports', e."supports", 'sourceId', e."sourceId", 'quote', e."quote", 'note', e."note") ORDER BY e."id")
    FROM "Evidence" e WHERE e."incidentId" = i."id"), '[]'::jsonb),
  'sources', COALESCE((SELECT jsonb_agg(s."sourceId" ORDER BY s."sourceId") FROM "IncidentSource" s WHERE s."incidentId" = i."id"), '[]'::jsonb)
)`;

/** The snapshots of some incidents as the database builds them (for the test that holds them to snapshotIncidents). */
export async function snapshotIncidentsSql(sql: SqlRunner, ids: string[]): Promise<Map<string, IncidentSnapshot>> {
  const { rows } = await sql.query<{ id: string; snap: string }>(`SELECT i."id", (${SNAPSHOT_SQL})::text AS snap FROM "Incident" i WHERE i."id" = ANY($1::text[])`, [ids]);
  return new Map(rows.map((r) => [r.id, JSON.parse(r.snap) as IncidentSnapshot]));
}

/**
 * Revisions for a bulk write, a batch at a time, inside the writer's transaction: `begin` once,
 * then per batch `before(ids)` ahead of its writes and `after(ids)` once they are done (each
 * incident is written by one batch only). `after` records one revision per incident whose
 * snapshot changed, none for one that did not, and returns how many it recorded.
 */
export async function batchRevisions(sql: SqlRunner, by: RevisionActor) {
  // Dropped at commit (or with the rollback); truncated per batch, so it holds one batch.
  await sql.query(`CREATE TEMP TABLE IF NOT EXISTS "revision_before" ("id" text PRIMARY KEY, "snap" jsonb NOT NULL) ON COMMIT DROP`);
  const a = actorFields(by);
  return {
    before: async (ids: string[]) => {
      await sql.query(`TRUNCATE "revision_before"`);
      if (ids.length) await sql.query(`INSERT INTO "revision_before" ("id", "snap") SELECT i."id", ${SNAPSHOT_SQL} FROM "Incident" i WHERE i."id" = ANY($1::text[])`, [ids]);
    },
    after: async (ids: string[]): Promise<number> => {
      if (!ids.length) return 0;
      // Ids in code-unit order, as recordIncidentRevisions sorts them.
      const { rows } = await sql.query<{ n: number }>(
        `WITH made AS (
           INSERT INTO "Revision" ("kind", "actor", "userId", "sourceId", "reportId", "entity", "entityId", "incidentId", "before", "after")
           SELECT $2, $3, $4, $5, $6, 'incident', k."id", k."id", b."snap", s."snap"
           FROM unnest($1::text[]) AS k("id")
           LEFT JOIN "revision_before" b ON b."id" = k."id"
           LEFT JOIN LATERAL (SELECT ${SNAPSHOT_SQL} AS "snap" FROM "Incident" i WHERE i."id" = k."id") s ON true
           WHERE b."snap" IS DISTINCT FROM s."snap"
           ORDER BY k."id" COLLATE "C"
           RETURNING 1)
         SELECT CAST(COUNT(*) AS integer) AS n FROM made`,
        [ids, a.kind, a.actor, a.userId, a.sourceId, a.reportId]);
      return rows[0].n;
    },
  };
}
