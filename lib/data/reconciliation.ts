import "server-only";
// Sets each aggregate that a source reports (e.g. NACTA's "14 attacks on Chinese since
// 2021") beside what our incident records add up to for the same scope and period. The
// differences are the point: they are shown, with their explanation, never adjusted away.
// A figure's scope is a filter set (province, period, link strength), read by the same
// filter function as every page, so "our records" is exactly what /incidents lists for it.
import { Prisma, type PrismaClient } from "../generated/prisma/client.ts";
import type { FigureMetric, FigureQualifier, FigureScope, FigureVictims, Province } from "../vocab.ts";
import { selection, type IncidentFilters } from "../incident-model.ts";
import { db } from "../server/db.ts";
import { incidentSql } from "./incident-sql.ts";

export type Reconciliation = {
  figure: {
    id: string; description: string; metric: FigureMetric; qualifier: FigureQualifier; value: number; scope: FigureScope; victims: FigureVictims | null;
    province: Province | null; periodStart: Date | null; periodEnd: Date | null; statedBy: string | null; quote: string; reconciliationNote: string | null;
    source: { id: string; title: string; publisher: string | null; publishedOn: string | null; url: string | null };
  };
  /** The figure's scope as filters (direct links only): /incidents lists the records counted. */
  scope: IncidentFilters;
  /** False when our records cannot answer the same question (all violence in Pakistan, or a head count). */
  comparable: boolean;
  /** What the records give: direct-link incidents only, and with weakly-linked ones too. */
  records: { direct: number | null; all: number | null };
  /** The direct-link incidents counted. */
  incidentIds: string[];
  /** Direct-link incidents in scope whose figure for this metric is unknown (not counted as 0). */
  unknownCount: number;
};

type Figure = Reconciliation["figure"];

/**
 * The figure's scope as filters: its province and period, and either the incidents where
 * Chinese interests were directly targeted (what officials' counts of attacks "on Chinese"
 * count) or every recorded incident.
 */
export function scopeFilters(f: Pick<Figure, "province" | "periodStart" | "periodEnd">, links: "direct" | "all"): IncidentFilters {
  const scope = { province: f.province ? [f.province] : [], from: f.periodStart ?? undefined, to: f.periodEnd ?? undefined };
  return selection(links === "direct" ? { ...scope, target: ["direct"] } : { ...scope, links: "all" });
}

/** The incident column a casualty figure adds up. */
function column(f: Figure): Prisma.Sql | null {
  const chinese = f.victims !== "all";
  if (f.metric === "killed") return chinese ? Prisma.sql`i."chineseKilled"` : Prisma.sql`i."totalKilled"`;
  if (f.metric === "injured") return chinese ? Prisma.sql`i."chineseInjured"` : Prisma.sql`i."totalInjured"`;
  return null;
}

type Totals = { n: number; total: number; unknown: number; ids: string[] | null };

async function recordsFor(prisma: PrismaClient, f: Figure, scope: IncidentFilters): Promise<Totals> {
  const col = column(f);
  const [row] = await prisma.$queryRaw<Totals[]>`
    SELECT CAST(COUNT(*) AS integer) AS n,
      CAST(COALESCE(SUM(${col ?? Prisma.sql`0`}), 0) AS integer) AS total,
      CAST(COUNT(*) FILTER (WHERE ${col ?? Prisma.sql`0`} IS NULL) AS integer) AS unknown,
      array_agg(i."id" ORDER BY i."date", i."id") FILTER (WHERE ${col ? Prisma.sql`${col} > 0` : Prisma.sql`TRUE`}) AS ids
    FROM "Incident" i WHERE ${incidentSql(scope)}`;
  return row;
}

export async function reconcile(prisma: PrismaClient): Promise<Reconciliation[]> {
  const figures = await prisma.reportedFigure.findMany({
    orderBy: [{ scope: "asc" }, { periodStart: "asc" }, { id: "asc" }],
    include: { source: { select: { id: true, title: true, publisher: true, publishedOn: true, url: true } } },
  });
  const out: Reconciliation[] = [];
  for (const { sourceId: _sourceId, ...figure } of figures) {
    const comparable = figure.scope === "chinese_targeted" && figure.metric !== "population";
    if (!comparable) { out.push({ figure, scope: scopeFilters(figure, "direct"), comparable, records: { direct: null, all: null }, incidentIds: [], unknownCount: 0 }); continue; }
    const [direct, all] = await Promise.all([recordsFor(prisma, figure, scopeFilters(figure, "direct")), recordsFor(prisma, figure, scopeFilters(figure, "all"))]);
    const value = (t: Totals) => (figure.metric === "incidents" ? t.n : t.total);
    out.push({ figure, scope: scopeFilters(figure, "direct"), comparable, records: { direct: value(direct), all: value(all) }, incidentIds: direct.ids ?? [], unknownCount: column(figure) ? direct.unknown : 0 });
  }
  return out;
}

/** Every reported aggregate beside what the incident records give for the same scope and period. */
export function reconcileReportedFigures(): Promise<Reconciliation[]> {
  return reconcile(db());
}
