// An editor's accept: the facts they chose from one candidate of a stored report enter the
// record, in one transaction, with the report as their Source and each fact's verbatim quote.
// Everything is checked before the first write (indexes, quotes against the stored text,
// groups, the incident's revision), and any problem found later rolls the whole accept back,
// so a failed accept writes nothing. The data-version trigger then refreshes caches and charts.
import { createHash } from "node:crypto";
import { z } from "zod";
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import { casualtyEstimates } from "../casualty-totals.ts";
import { ATTACK_TYPES, ATTRIBUTION_ROLES, CASUALTY_OUTCOMES, CHINESE_LINKS, CONFIDENCES, DATE_PRECISIONS, PROVINCES, SOURCE_KINDS, VICTIM_GROUPS } from "../vocab.ts";
import { candidatesSchema, evidenceProblem, victimGroupOf, type Candidate, type Evidence } from "./candidate.ts";
import { incidentRevision, recordIncidentRevisions, recordRevision, snapshotIncidents, type RevisionActor } from "./revisions.ts";
import { ACCEPTED_CLAIM_MARK, startOfPartialDate } from "./write-dataset.ts";

type Tx = Prisma.TransactionClient;
const keys = <T extends Record<string, unknown>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
const index = z.number().int().min(0).max(10_000);

export const acceptRequestSchema = z.object({
  candidate: index,
  /** The incident on record to attach to; null creates a new one (then `incident` is required). */
  incidentId: z.string().min(1).max(120).nullable(),
  facts: z.object({ figures: z.array(index).max(200).default([]), attributions: z.array(index).max(200).default([]) }).strict(),
  /** Corrected values, by fact index; the quote stays the report's words. */
  corrections: z.object({
    figures: z.record(z.string().regex(/^\d+$/), z.object({
      count: z.number().int().min(0).max(100_000).optional(),
      outcome: z.enum(keys(CASUALTY_OUTCOMES)).optional(),
      victims: z.enum(keys(VICTIM_GROUPS)).optional(),
      qualifier: z.enum(["exact", "at_least", "approximately", "more_than"]).optional(),
    }).strict()).default({}),
    attributions: z.record(z.string().regex(/^\d+$/), z.object({
      group: z.string().min(1).max(80).optional(),
      role: z.enum(keys(ATTRIBUTION_ROLES)).optional(),
    }).strict()).default({}),
  }).strict().default({ figures: {}, attributions: {} }),
  /** A new incident's description, written by the editor, and any field the candidate lacks. */
  incident: z.object({
    summary: z.string().trim().min(10).max(4000),
    target: z.string().trim().min(3).max(300),
    date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/).optional(),
    datePrecision: z.enum(keys(DATE_PRECISIONS)).optional(),
    province: z.enum(keys(PROVINCES)).optional(),
    city: z.string().trim().max(120).optional(),
    attackType: z.enum(keys(ATTACK_TYPES)).optional(),
    confidence: z.enum(keys(CONFIDENCES)).default("medium"),
    chineseLink: z.enum(keys(CHINESE_LINKS)).default("direct"),
  }).strict().optional(),
  /** The incident's revision the editor reviewed (GET shows it); a later one makes this 409. */
  revision: z.number().int().min(0).optional(),
  /** The Source the report becomes; defaults from the report's own title, publisher and URL. */
  source: z.object({
    title: z.string().trim().min(1).max(500).optional(),
    publisher: z.string().trim().max(200).optional(),
    url: z.url({ protocol: /^https?$/ }).max(2000).optional(),
    kind: z.enum(keys(SOURCE_KINDS)).optional(),
  }).strict().optional(),
}).strict();

export type AcceptRequest = z.infer<typeof acceptRequestSchema>;
export type AcceptInput = z.input<typeof acceptRequestSchema>;
export type Problem = { field: string; message: string };

export class AcceptError extends Error {
  constructor(readonly status: 400 | 404 | 409, readonly problems: Problem[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join("; "));
  }
}

export type AcceptResult = { incidentId: string; revision: number; created: boolean; sourceId: string };

/** Parses an accept body; throws AcceptError(400) naming every bad field. */
export function parseAcceptRequest(body: unknown): AcceptRequest {
  const parsed = acceptRequestSchema.safeParse(body);
  if (!parsed.success) throw new AcceptError(400, parsed.error.issues.map((i) => ({ field: i.path.join(".") || "body", message: i.message })));
  return parsed.data;
}

const slug = (s: string) => s.normalize("NFKD").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40);

export async function acceptCandidate(prisma: PrismaClient, reportId: string, req: AcceptRequest, editor: { id: string; name: string; email: string }): Promise<AcceptResult> {
  return prisma.$transaction(async (tx) => {
    const report = await tx.report.findUnique({ where: { id: reportId } });
    if (!report) throw new AcceptError(404, [{ field: "report", message: `no report ${reportId}` }]);
    const candidates = candidatesSchema.safeParse(report.candidates);
    if (!candidates.success) throw new AcceptError(400, [{ field: "report", message: "the report's stored candidates are not in the reading library's shape" }]);
    const candidate = candidates.data[req.candidate];
    if (!candidate) throw new AcceptError(400, [{ field: "candidate", message: `no candidate ${req.candidate} (the report has ${candidates.data.length})` }]);

    const problems: Problem[] = [];
    const check = (field: string, e: Evidence) => { const p = evidenceProblem(report.text, e); if (p) problems.push({ field, message: p }); };
    const dupes = (xs: number[], field: string) => { if (new Set(xs).size !== xs.length) problems.push({ field, message: "an index is listed twice" }); };
    dupes(req.facts.figures, "facts.figures");
    dupes(req.facts.attributions, "facts.attributions");
    if (req.facts.figures.length + req.facts.attributions.length === 0 && req.incidentId !== null) problems.push({ field: "facts", message: "choose at least one figure or attribution to accept" });

    const figures = req.facts.figures.map((n) => {
      const f = candidate.figures[n];
      if (!f) { problems.push({ field: `facts.figures.${n}`, message: `candidate ${req.candidate} has no figure ${n} (it has ${candidate.figures.length})` }); return null; }
      check(`facts.figures.${n}.evidence`, f.evidence);
      const c = req.corrections.figures[String(n)] ?? {};
      return { n, f, c };
    }).filter((x) => x !== null);
    for (const k of Object.keys(req.corrections.figures)) if (!req.facts.figures.includes(Number(k))) problems.push({ field: `corrections.figures.${k}`, message: "corrects a figure that is not being accepted" });

    const groupIds = new Set((await tx.perpetrator.findMany({ select: { id: true } })).map((g) => g.id));
    const attributions = req.facts.attributions.map((n) => {
      const a = candidate.attributions[n];
      if (!a) { problems.push({ field: `facts.attributions.${n}`, message: `candidate ${req.candidate} has no attribution ${n} (it has ${candidate.attributions.length})` }); return null; }
      check(`facts.attributions.${n}.evidence`, a.evidence);
      const c = req.corrections.attributions[String(n)] ?? {};
      const group = c.group ?? a.group;
      if (!group || !groupIds.has(group)) {
        problems.push({ field: `facts.attributions.${n}.group`, message: `"${group ?? a.name}" is not a known group; correct it to one on record (corrections.attributions.${n}.group) or leave it out` });
        return null;
      }
      return { n, a, group, role: c.role ?? a.role, corrected: c.group !== undefined || c.role !== undefined };
    }).filter((x) => x !== null);
    for (const k of Object.keys(req.corrections.attributions)) if (!req.facts.attributions.includes(Number(k))) problems.push({ field: `corrections.attributions.${k}`, message: "corrects an attribution that is not being accepted" });

    // Attach to an incident on record, or describe the new one.
    let incidentId: string;
    let created = false;
    let newIncident: Prisma.IncidentUncheckedCreateInput | null = null;
    if (req.incidentId !== null) {
      if (req.incident) problems.push({ field: "incident", message: "describes a new incident, but incidentId names one on record" });
      // Lock the incident's row: a concurrent accept on it waits, then sees this one's revision.
      const found = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Incident" WHERE "id" = ${req.incidentId} FOR UPDATE`;
      if (found.length === 0) throw new AcceptError(404, [{ field: "incidentId", message: `no incident ${req.incidentId}` }]);
      incidentId = req.incidentId;
      if (problems.length) throw new AcceptError(400, problems);
      const current = await incidentRevision(tx, incidentId);
      if (req.revision !== undefined && req.revision !== current) {
        throw new AcceptError(409, [{ field: "revision", message: `the incident changed since you reviewed it (revision ${req.revision}, now ${current}); reload and review again` }]);
      }
    } else {
      if (!req.incident) problems.push({ field: "incident", message: "a new incident needs its summary and target, written by the editor" });
      newIncident = req.incident ? describeNewIncident(candidate, req.incident, problems) : null;
      for (const [n, e] of candidate.evidence.entries()) check(`candidate.evidence.${n}`, e);
      if (candidate.project && !(await tx.project.findUnique({ where: { id: candidate.project }, select: { id: true } }))) problems.push({ field: "candidate.project", message: `unknown project ${candidate.project}` });
      if (problems.length || !newIncident) throw new AcceptError(400, problems);
      incidentId = await freeIncidentId(tx, newIncident.id);
      newIncident.id = incidentId;
      created = true;
    }

    const by: RevisionActor = { kind: "accept", actor: editor.name || editor.email, userId: editor.id, reportId: report.id };
    const sourceId = await reportSource(tx, report, req.source, by, problems);
    if (problems.length) throw new AcceptError(400, problems);
    by.sourceId = sourceId;

    const before = await snapshotIncidents(tx, [incidentId]);
    if (newIncident) {
      await tx.incident.create({ data: { ...newIncident, projectId: candidate.project ?? null } });
      await tx.evidence.createMany({
        data: candidate.evidence.map((e, n) => ({ id: `${incidentId}${ACCEPTED_CLAIM_MARK}${report.id}/c${req.candidate}-e${n}`, incidentId, sourceId, supports: "incident", quote: e.quote, note: `Accepted from a report by ${by.actor}` })),
      });
    }
    const prefix = `${incidentId}${ACCEPTED_CLAIM_MARK}${report.id}/c${req.candidate}`;
    const taken = await tx.casualty.findMany({ where: { id: { in: figures.map((x) => `${prefix}-f${x.n}`) } }, select: { id: true } });
    const takenA = await tx.attribution.findMany({ where: { id: { in: attributions.map((x) => `${prefix}-a${x.n}`) } }, select: { id: true } });
    if (taken.length || takenA.length) {
      throw new AcceptError(409, [...taken, ...takenA].map((t) => ({ field: "facts", message: `${t.id} was accepted already` })));
    }
    await tx.casualty.createMany({
      data: figures.map(({ n, f, c }) => {
        const count = c.count ?? f.count;
        const qualifier = c.qualifier ?? f.qualifier;
        const corrected = Object.keys(c).length > 0;
        const notes = [
          qualifier === "approximately" ? `approximately ${count}` : qualifier === "at_least" ? `at least ${count}` : qualifier === "more_than" ? `more than ${count}` : null,
          corrected ? `corrected by ${by.actor}: the report's reading was ${f.count} ${f.outcome} (${f.victims}, ${f.qualifier})` : null,
          `accepted from a report by ${by.actor}`,
        ].filter(Boolean);
        const exact = qualifier === "exact" || qualifier === "approximately";
        return {
          id: `${prefix}-f${n}`, incidentId, sourceId, quote: f.evidence.quote, note: notes.join("; "),
          outcome: c.outcome ?? f.outcome, victimGroup: c.victims ?? victimGroupOf(f.victims),
          count: exact ? count : null, low: exact ? null : qualifier === "more_than" ? count + 1 : count, high: null, counted: true,
        };
      }),
    });
    await tx.attribution.createMany({
      data: attributions.map(({ n, a, group, role, corrected }) => ({
        id: `${prefix}-a${n}`, incidentId, perpetratorId: group, role, statedBy: null, sourceId, quote: a.evidence.quote,
        note: [corrected ? `corrected by ${by.actor}: the report's reading was ${a.name} (${a.role})` : null, `accepted from a report by ${by.actor}`].filter(Boolean).join("; "),
      })),
    });
    await tx.incidentSource.createMany({ data: [{ incidentId, sourceId }], skipDuplicates: true });
    // The headline figures, their ranges and chineseHarmed, derived as the seed writer derives them.
    const claims = await tx.casualty.findMany({ where: { incidentId }, select: { outcome: true, victimGroup: true, count: true, low: true, high: true, counted: true, status: true, sourceId: true, source: { select: { publishedOn: true } } } });
    const dates = new Map(claims.map((c) => [c.sourceId, c.source.publishedOn]));
    await tx.incident.update({ where: { id: incidentId }, data: casualtyEstimates(claims.map(({ sourceId, source: _s, ...c }) => ({ ...c, source: sourceId })), (id) => dates.get(id)) });

    const revisions = await recordIncidentRevisions(tx, before, by, [incidentId]);
    return { incidentId, revision: revisions.at(-1) ?? (await incidentRevision(tx, incidentId)), created, sourceId };
  }, { timeout: 60_000, maxWait: 15_000 });
}

function describeNewIncident(c: Candidate, d: NonNullable<AcceptRequest["incident"]>, problems: Problem[]): Prisma.IncidentUncheckedCreateInput | null {
  const date = d.date ?? c.date;
  const datePrecision = d.datePrecision ?? c.datePrecision ?? (date ? (["year", "month", "day"] as const)[date.split("-").length - 1] : null);
  const province = d.province ?? c.province;
  const attackType = d.attackType ?? c.attackType;
  if (!date) problems.push({ field: "incident.date", message: "the candidate has no date; give one (YYYY, YYYY-MM or YYYY-MM-DD)" });
  if (!province) problems.push({ field: "incident.province", message: "the candidate has no province; give one" });
  if (!attackType) problems.push({ field: "incident.attackType", message: "the candidate has no attack type; give one" });
  if (date && datePrecision && date.split("-").length !== { year: 1, month: 2, day: 3 }[datePrecision]) problems.push({ field: "incident.datePrecision", message: `${datePrecision} does not fit the date ${date}` });
  if (date && Number.isNaN(startOfPartialDate(date).getTime())) problems.push({ field: "incident.date", message: `${date} is not a date` });
  if (!date || !datePrecision || !province || !attackType) return null;
  const city = d.city ?? c.city ?? null;
  return {
    id: [date, slug(city ?? province), attackType.replace(/_/g, "-")].filter(Boolean).join("-"),
    date: startOfPartialDate(date), datePrecision, province, city, attackType,
    locationPrecision: city ? "city" : "province", latitude: c.latitude, longitude: c.longitude,
    target: d.target, summary: d.summary, confidence: d.confidence, chineseLink: d.chineseLink,
    // The target question (Chinese nationals or interests targeted): direct unless the editor says the link is weak.
    targetLink: d.chineseLink === "direct" ? "direct" : "disputed",
  };
}

async function freeIncidentId(tx: Tx, id: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? id : `${id}-${n}`;
    if (!(await tx.incident.findUnique({ where: { id: candidate }, select: { id: true } }))) return candidate;
  }
}

/** The report's Source: the one made at an earlier accept, one on record with the same URL, or a new one. */
async function reportSource(tx: Tx, report: { id: string; sha256: string; title: string | null; publisher: string | null; url: string | null; publishedOn: string; sourceId: string | null },
  override: AcceptRequest["source"], by: RevisionActor, problems: Problem[]): Promise<string> {
  if (report.sourceId) return report.sourceId;
  const url = override?.url ?? report.url;
  if (url) {
    const existing = await tx.source.findFirst({ where: { url }, select: { id: true }, orderBy: { id: "asc" } });
    if (existing) {
      await tx.report.update({ where: { id: report.id }, data: { sourceId: existing.id } });
      return existing.id;
    }
  }
  const title = override?.title ?? report.title;
  if (!title) { problems.push({ field: "source.title", message: "the report has no title; a source needs one" }); return ""; }
  const id = `report-${createHash("sha256").update(report.sha256).digest("hex").slice(0, 16)}`;
  const data = {
    id, kind: override?.kind ?? "report", title, publisher: override?.publisher ?? report.publisher, url: url ?? null, publishedOn: report.publishedOn,
    note: `Added by ${by.actor} through review (report sha256 ${report.sha256})`,
  } as const;
  await tx.source.create({ data });
  await tx.report.update({ where: { id: report.id }, data: { sourceId: id } });
  await recordRevision(tx, { ...by, sourceId: id }, { entity: "source", entityId: id, before: null, after: data });
  return id;
}
