// Writes validated records into the database. Shared by `npm run db:seed` and
// `npm run db:import`: both go through one transaction, so a failure leaves nothing behind.
// Child rows get ids derived from their incident and position, so writing the same data
// twice leaves exactly the same rows.
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import { casualtyEstimates } from "../casualty-totals.ts";
import { commandActor, recordIncidentRevisions, snapshotIncidents, type RevisionActor } from "./revisions.ts";
import type { IncidentRecord, PerpetratorRecord, ProjectRecord, ReportedFigureRecord, SourceRecord } from "../records/schema.ts";

type Tx = Prisma.TransactionClient;

/** "2024-10" -> 2024-10-01 (UTC): the first day of a month- or year-precision date. */
export function startOfPartialDate(d: string): Date {
  const [y, m = "01", day = "01"] = d.split("-");
  return new Date(`${y}-${m}-${day}T00:00:00Z`);
}

export async function upsertSources(tx: Tx, sources: SourceRecord[]) {
  for (const { id, ...data } of sources) await tx.source.upsert({ where: { id }, create: { id, ...data }, update: data });
}

export async function upsertPerpetrators(tx: Tx, groups: PerpetratorRecord[]) {
  for (const { id, ...data } of groups) await tx.perpetrator.upsert({ where: { id }, create: { id, ...data }, update: data });
}

export async function upsertProjects(tx: Tx, projects: ProjectRecord[]) {
  for (const { id, evidence, ...data } of projects) {
    await tx.project.upsert({ where: { id }, create: { id, ...data }, update: data });
    await tx.evidence.deleteMany({ where: { projectId: id } });
    await tx.evidence.createMany({
      data: evidence.map((e, n) => ({ id: `project/${id}/evidence/${n}`, projectId: id, sourceId: e.source, supports: e.supports, quote: e.quote, note: e.note })),
    });
  }
}

export async function upsertReportedFigures(tx: Tx, figures: ReportedFigureRecord[]) {
  for (const { id, source, periodStart, periodEnd, ...rest } of figures) {
    const data = { ...rest, sourceId: source, periodStart: periodStart ? startOfPartialDate(periodStart) : null, periodEnd: periodEnd ? startOfPartialDate(periodEnd) : null };
    await tx.reportedFigure.upsert({ where: { id }, create: { id, ...data }, update: data });
  }
}

/**
 * The mark in the id of every claim an editor accepted from a report (lib/write/accept.ts:
 * `<incident>/report-<report>/...`). Seeded and imported claims never carry it, since
 * incident ids are slugs.
 */
export const ACCEPTED_CLAIM_MARK = "/report-";

/**
 * Creates or replaces incidents with all their claims; the derived totals are recomputed here.
 * The file is the truth for the claims it states, so those are replaced wholesale; claims an
 * editor accepted from a report are the record's own and stay (re-seeding never loses them),
 * and they count in the derived figures as they did before.
 */
export async function upsertIncidents(tx: Tx, incidents: IncidentRecord[]) {
  const ids = incidents.map((i) => i.id);
  const own = { incidentId: { in: ids }, NOT: { id: { contains: ACCEPTED_CLAIM_MARK } } };
  const accepted = { incidentId: { in: ids }, id: { contains: ACCEPTED_CLAIM_MARK } };
  await tx.attribution.deleteMany({ where: own });
  await tx.casualty.deleteMany({ where: own });
  await tx.evidence.deleteMany({ where: own });
  await tx.incidentSource.deleteMany({ where: { incidentId: { in: ids } } });
  const keptCasualties = await tx.casualty.findMany({ where: accepted, select: { incidentId: true, outcome: true, victimGroup: true, count: true, low: true, high: true, counted: true, status: true, sourceId: true } });
  const keptSources = [
    ...keptCasualties,
    ...await tx.attribution.findMany({ where: accepted, select: { incidentId: true, sourceId: true } }),
    ...await tx.evidence.findMany({ where: accepted, select: { incidentId: true, sourceId: true } }),
  ];
  // The best figure is the latest account's: the sources' dates decide it.
  const cited = [...new Set([...incidents.flatMap((i) => i.casualties.map((c) => c.source)), ...keptCasualties.map((c) => c.sourceId)])];
  const dates = new Map((await tx.source.findMany({ where: { id: { in: cited } }, select: { id: true, publishedOn: true } })).map((s) => [s.id, s.publishedOn]));
  for (const i of incidents) {
    const { id, date, project, evidence: _evidence, attributions: _attributions, casualties, ...fields } = i;
    const data = {
      ...fields, date: startOfPartialDate(date), projectId: project,
      chineseLink: fields.targetLink === "direct" ? ("direct" as const) : ("weak" as const),
      ...casualtyEstimates([...casualties, ...keptCasualties.filter((c) => c.incidentId === id).map(({ incidentId: _, sourceId, ...c }) => ({ ...c, source: sourceId }))], (s) => dates.get(s)),
    };
    await tx.incident.upsert({ where: { id }, create: { id, ...data }, update: data });
  }
  await tx.evidence.createMany({
    data: incidents.flatMap((i) => i.evidence.map((e, n) => ({ id: `${i.id}/evidence/${n}`, incidentId: i.id, sourceId: e.source, supports: e.supports, quote: e.quote, note: e.note }))),
  });
  await tx.attribution.createMany({
    data: incidents.flatMap((i) => i.attributions.map((a, n) => ({
      id: `${i.id}/attribution/${n}`, incidentId: i.id, perpetratorId: a.group, role: a.role, statedBy: a.statedBy, sourceId: a.source, quote: a.quote, note: a.note,
    }))),
  });
  await tx.casualty.createMany({
    data: incidents.flatMap((i) => i.casualties.map((c, n) => ({
      id: `${i.id}/casualty/${n}`, incidentId: i.id, outcome: c.outcome, victimGroup: c.victimGroup, count: c.count, low: c.low, high: c.high, sourceId: c.source, quote: c.quote, note: c.note, counted: c.counted, status: c.status ?? "current", statusReason: c.statusReason ?? null,
    }))),
  });
  await tx.incidentSource.createMany({
    data: [...incidents.flatMap((i) => [...citedSources(i)].map((sourceId) => ({ incidentId: i.id, sourceId }))), ...keptSources.flatMap(({ incidentId, sourceId }) => (incidentId ? [{ incidentId, sourceId }] : []))],
    skipDuplicates: true,
  });
}

export function citedSources(i: Pick<IncidentRecord, "evidence" | "attributions" | "casualties">): Set<string> {
  return new Set([...i.evidence, ...i.attributions, ...i.casualties].map((x) => x.source));
}

export type WriteSummary = { sources: number; perpetrators: number; projects: number; incidents: number; reportedFigures: number };

/** Writes a whole dataset in one transaction. */
export async function writeDataset(
  prisma: PrismaClient,
  d: { sources: SourceRecord[]; perpetrators: PerpetratorRecord[]; projects: ProjectRecord[]; incidents: IncidentRecord[]; reportedFigures: ReportedFigureRecord[] },
  by: RevisionActor = commandActor("seed"),
): Promise<WriteSummary> {
  await prisma.$transaction(async (tx) => {
    const before = await snapshotIncidents(tx, d.incidents.map((i) => i.id)); // for the revisions (lib/write/revisions.ts)
    await upsertSources(tx, d.sources);
    await upsertPerpetrators(tx, d.perpetrators);
    await upsertProjects(tx, d.projects);
    await upsertIncidents(tx, d.incidents);
    await upsertReportedFigures(tx, d.reportedFigures);
    await recordIncidentRevisions(tx, before, by, d.incidents.map((i) => i.id));
  }, { timeout: 120_000, maxWait: 30_000 });
  return { sources: d.sources.length, perpetrators: d.perpetrators.length, projects: d.projects.length, incidents: d.incidents.length, reportedFigures: d.reportedFigures.length };
}
