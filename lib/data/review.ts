import "server-only";
// What the review screen shows: a stored report with its candidates, and for each matched
// incident its current facts and revision, so the editor compares before deciding.
import type { PrismaClient } from "../generated/prisma/client.ts";
import { db } from "../server/db.ts";
import type { Candidate } from "../write/candidate.ts";
import type { AttackType, AttributionRole, CasualtyOutcome, DatePrecision, Province, VictimGroup } from "../vocab.ts";

export type RecordFacts = {
  id: string; date: string; datePrecision: DatePrecision; province: Province; city: string | null; attackType: AttackType; target: string; summary: string; revision: number;
  casualties: { outcome: CasualtyOutcome; victimGroup: VictimGroup; count: number | null; low: number | null; high: number | null; counted: boolean; quote: string | null; source: string }[];
  attributions: { group: string; groupName: string; role: AttributionRole; quote: string | null; source: string }[];
};

export type ReportForReview = {
  id: string; title: string | null; publisher: string | null; url: string | null; publishedOn: string; format: string; sha256: string;
  createdAt: Date; addedBy: string | null; text: string; candidates: Candidate[]; candidatesValid: boolean; sourceId: string | null;
};

export async function recordFacts(incidentId: string, prisma: PrismaClient = db()): Promise<RecordFacts | null> {
  const i = await prisma.incident.findUnique({
    where: { id: incidentId },
    select: {
      id: true, date: true, datePrecision: true, province: true, city: true, attackType: true, target: true, summary: true,
      casualties: { select: { outcome: true, victimGroup: true, count: true, low: true, high: true, counted: true, quote: true, source: { select: { title: true } } }, orderBy: { id: "asc" } },
      attributions: { select: { perpetratorId: true, role: true, quote: true, perpetrator: { select: { shortName: true } }, source: { select: { title: true } } }, orderBy: { id: "asc" } },
    },
  });
  if (!i) return null;
  return {
    id: i.id, date: i.date.toISOString().slice(0, { day: 10, month: 7, year: 4 }[i.datePrecision]), datePrecision: i.datePrecision, province: i.province, city: i.city,
    attackType: i.attackType, target: i.target, summary: i.summary,
    // The revision the editor reviews at: the accept refuses (409) if a later one exists by then.
    revision: (await prisma.revision.findFirst({ where: { incidentId: i.id }, orderBy: { id: "desc" }, select: { id: true } }))?.id ?? 0,
    casualties: i.casualties.map((c) => ({ outcome: c.outcome, victimGroup: c.victimGroup, count: c.count, low: c.low, high: c.high, counted: c.counted, quote: c.quote, source: c.source.title })),
    attributions: i.attributions.map((a) => ({ group: a.perpetratorId, groupName: a.perpetrator.shortName, role: a.role, quote: a.quote, source: a.source.title })),
  };
}

export async function reportForReview(id: string, prisma: PrismaClient = db()): Promise<{ report: ReportForReview; matched: Record<string, RecordFacts>; groups: { id: string; name: string }[] } | null> {
  if (!/^[0-9a-f]{12}$/.test(id)) return null;
  const r = await prisma.report.findUnique({ where: { id }, include: { user: { select: { name: true, email: true } } } });
  if (!r) return null;
  // Checked against the reader's schema when stored (lib/write/reports.ts); the accept checks again.
  const parsed = { success: Array.isArray(r.candidates) };
  const candidates = (parsed.success ? r.candidates : []) as Candidate[];
  const matched: Record<string, RecordFacts> = {};
  for (const c of candidates) {
    if (c.match && !matched[c.match.incidentId]) {
      const facts = await recordFacts(c.match.incidentId, prisma);
      if (facts) matched[c.match.incidentId] = facts;
    }
  }
  const groups = (await prisma.perpetrator.findMany({ select: { id: true, name: true, shortName: true }, orderBy: { name: "asc" } }))
    .map((g) => ({ id: g.id, name: g.shortName && g.shortName !== g.name ? `${g.name} (${g.shortName})` : g.name }));
  return {
    report: {
      id: r.id, title: r.title, publisher: r.publisher, url: r.url, publishedOn: r.publishedOn, format: r.format, sha256: r.sha256, createdAt: r.createdAt,
      addedBy: r.user ? r.user.name || r.user.email : null, text: r.text, candidates, candidatesValid: parsed.success, sourceId: r.sourceId,
    },
    matched, groups,
  };
}

export async function recentReports(limit = 20, prisma: PrismaClient = db()) {
  const rows = await prisma.report.findMany({
    orderBy: { createdAt: "desc" }, take: limit,
    select: { id: true, title: true, publisher: true, publishedOn: true, createdAt: true, sourceId: true, candidates: true, user: { select: { name: true, email: true } } },
  });
  return rows.map((r) => ({
    id: r.id, title: r.title, publisher: r.publisher, publishedOn: r.publishedOn, createdAt: r.createdAt, accepted: r.sourceId !== null,
    candidates: Array.isArray(r.candidates) ? r.candidates.length : 0, addedBy: r.user ? r.user.name || r.user.email : null,
  }));
}
