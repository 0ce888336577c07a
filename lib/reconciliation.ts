// Sets each aggregate that a source reports (e.g. NACTA's "14 attacks on Chinese since
// 2021") beside what our incident records add up to for the same scope and period. The
// differences are the point: they are shown, with their explanation, never adjusted away.
import type { Prisma, PrismaClient } from "./generated/prisma/client.ts";

export type Reconciliation = {
  figure: {
    id: string; description: string; metric: string; qualifier: string; value: number; scope: string; victims: string | null;
    province: string | null; periodStart: Date | null; periodEnd: Date | null; statedBy: string | null; quote: string; reconciliationNote: string | null;
    source: { id: string; title: string; publisher: string | null; publishedOn: string | null; url: string | null };
  };
  /** False when our records cannot answer the same question (all violence in Pakistan, or a head count). */
  comparable: boolean;
  /** What the records give: `direct`, incidents where Chinese interests were directly targeted or
   * Chinese nationals were harmed (the core of the record, and what "attacks on Chinese" reasonably
   * means); `all`, with the indirectly or disputedly targeted ones too. */
  records: { direct: number | null; all: number | null };
  /** The core incidents counted. */
  incidentIds: string[];
  /** Core incidents in scope whose figure for this metric is unknown (not counted as 0). */
  unknownCount: number;
};

type Figure = Reconciliation["figure"];

function scopeWhere(f: Figure): Prisma.IncidentWhereInput {
  return {
    ...(f.province ? { province: f.province as Prisma.IncidentWhereInput["province"] } : {}),
    ...(f.periodStart || f.periodEnd ? { date: { ...(f.periodStart && { gte: f.periodStart }), ...(f.periodEnd && { lte: f.periodEnd }) } } : {}),
  };
}

/** The incident column a casualty figure adds up. */
function column(f: Figure): "chineseKilled" | "chineseInjured" | "totalKilled" | "totalInjured" | null {
  const chinese = f.victims !== "all";
  if (f.metric === "killed") return chinese ? "chineseKilled" : "totalKilled";
  if (f.metric === "injured") return chinese ? "chineseInjured" : "totalInjured";
  return null;
}

async function recordsFor(prisma: PrismaClient, f: Figure, where: Prisma.IncidentWhereInput): Promise<number> {
  if (f.metric === "incidents") return prisma.incident.count({ where });
  const col = column(f)!;
  const agg = await prisma.incident.aggregate({ where, _sum: { [col]: true } });
  return (agg._sum as Record<string, number | null>)[col] ?? 0;
}

export async function reconcile(prisma: PrismaClient): Promise<Reconciliation[]> {
  const figures = await prisma.reportedFigure.findMany({
    orderBy: [{ scope: "asc" }, { periodStart: "asc" }, { id: "asc" }],
    include: { source: { select: { id: true, title: true, publisher: true, publishedOn: true, url: true } } },
  });
  const out: Reconciliation[] = [];
  for (const { sourceId: _sourceId, ...figure } of figures) {
    const comparable = figure.scope === "chinese_targeted" && figure.metric !== "population";
    if (!comparable) { out.push({ figure, comparable, records: { direct: null, all: null }, incidentIds: [], unknownCount: 0 }); continue; }
    const scope = scopeWhere(figure);
    // Directly targeted, or Chinese harmed whatever the target: a Chinese death is counted wherever it happened.
    const direct: Prisma.IncidentWhereInput = { ...scope, OR: [{ targetLink: "direct" }, { chineseHarmed: true }] };
    const col = column(figure);
    const [directValue, allValue, ids, unknownCount] = await Promise.all([
      recordsFor(prisma, figure, direct),
      recordsFor(prisma, figure, scope),
      prisma.incident.findMany({ where: col ? { ...direct, [col]: { gt: 0 } } : direct, select: { id: true }, orderBy: [{ date: "asc" }, { id: "asc" }] }),
      col ? prisma.incident.count({ where: { ...direct, [col]: null } }) : Promise.resolve(0),
    ]);
    out.push({ figure, comparable, records: { direct: directValue, all: allValue }, incidentIds: ids.map((i) => i.id), unknownCount });
  }
  return out;
}
