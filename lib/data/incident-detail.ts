import "server-only";
import { db } from "../server/db.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { figureEstimate, totalEstimate, type CasualtyClaim } from "../casualty-totals.ts";
import { orderGroups } from "../incident-model.ts";
import {
  ATTRIBUTION_ROLES, CASUALTY_OUTCOMES, SOURCE_KINDS, VICTIM_GROUPS,
  type AttributionRole, type CasualtyOutcome, type FigureStatus, type VictimGroup,
} from "../vocab.ts";

const SOURCE_FIELDS = { id: true, kind: true, title: true, author: true, publisher: true, publishedOn: true, url: true, seedFile: true } as const;

export type SourceRef = {
  id: string; kind: keyof typeof SOURCE_KINDS; title: string; author: string | null;
  publisher: string | null; publishedOn: string | null; url: string | null; seedFile: string | null;
};

export type AttributionClaim = { id: string; role: AttributionRole; statedBy: string | null; quote: string | null; note: string | null; source: SourceRef };

/** Every claim about one group, so a claim and its denial sit side by side. */
export type GroupAttributions = {
  /** The group's id, for ordering (orderGroups). */
  id: string;
  group: { id: string; name: string; shortName: string };
  roles: AttributionRole[];
  /** The group is both named as responsible and denies it. */
  denied: boolean;
  claims: AttributionClaim[];
};

/** counted = false: shown with its source but left out of every figure (its note says why). status: preliminary or
 * superseded figures are shown but left out of the best figure and its range (statusReason says why). best: this
 * claim gives the best figure. */
export type CasualtyFigure = {
  id: string; count: number | null; low: number | null; high: number | null; counted: boolean; status: FigureStatus; statusReason: string | null;
  best: boolean; quote: string | null; note: string | null; source: SourceRef;
};

/** All sources' figures for one outcome and victim group, and the best figure with its range. */
export type CasualtyLine = {
  outcome: CasualtyOutcome;
  victimGroup: VictimGroup;
  figures: CasualtyFigure[];
  /** Lowest and highest of the current, counted figures. */
  range: { low: number; high: number } | null;
  /** The best figure (see lib/casualty-totals.ts); null when no counted source gives a number. */
  counted: number | null;
  /** The current, counted figures differ. */
  disagree: boolean;
  /** Figures shown but not counted (a perpetrator's boast, a contradicted report). */
  uncounted: number;
  /** Figures shown but left out as preliminary or superseded. */
  revised: number;
  /** No current figure: the best one is a preliminary toll. */
  preliminaryOnly: boolean;
};

/** A victim total and the one account it is taken from. */
export type VictimTotal = { outcome: "killed" | "injured"; best: number; low: number; high: number; source: SourceRef | null; preliminaryOnly: boolean };

export type SupportedQuote = { about: string[]; quote: string; note: string | null };
export type SourceWithQuotes = SourceRef & { note: string | null; quotes: SupportedQuote[] };

type LoadedIncident = NonNullable<Awaited<ReturnType<typeof loadIncident>>>;

export type IncidentDetail = Omit<LoadedIncident, "attributions" | "casualties" | "evidence" | "sources"> & {
  attributions: GroupAttributions[];
  /** More than one group named, or a group named and denying it. */
  contested: boolean;
  casualties: CasualtyLine[];
  /** Where the victim totals come from: one account each. */
  totals: VictimTotal[];
  sources: SourceWithQuotes[];
};

function loadIncident(id: string, prisma: PrismaClient) {
  return prisma.incident.findUnique({
    where: { id },
    include: {
      project: { select: { id: true, name: true, sector: true, isCpec: true } },
      attributions: { include: { perpetrator: { select: { id: true, name: true, shortName: true } }, source: { select: SOURCE_FIELDS } }, orderBy: { id: "asc" } },
      casualties: { include: { source: { select: SOURCE_FIELDS } }, orderBy: { id: "asc" } },
      evidence: { include: { source: { select: SOURCE_FIELDS } }, orderBy: { id: "asc" } },
      sources: { include: { source: { select: { ...SOURCE_FIELDS, note: true } } } },
    },
  });
}

const ROLE_ORDER = Object.keys(ATTRIBUTION_ROLES) as AttributionRole[];
const OUTCOME_ORDER = Object.keys(CASUALTY_OUTCOMES) as CasualtyOutcome[];
const GROUP_ORDER = Object.keys(VICTIM_GROUPS) as VictimGroup[];
const KIND_ORDER = Object.keys(SOURCE_KINDS);

/** Everything known about one incident, with its claims arranged for comparison; null if there is no such incident. */
export async function incidentDetail(id: string, prisma: PrismaClient = db()): Promise<IncidentDetail | null> {
  const incident = await loadIncident(id, prisma);
  if (!incident) return null;
  const { attributions, casualties, evidence, sources, ...rest } = incident;

  const byGroup = new Map<string, GroupAttributions>();
  for (const a of [...attributions].sort((x, y) => ROLE_ORDER.indexOf(x.role) - ROLE_ORDER.indexOf(y.role))) {
    const entry = byGroup.get(a.perpetratorId) ?? { id: a.perpetratorId, group: a.perpetrator, roles: [], denied: false, claims: [] };
    if (!entry.roles.includes(a.role)) entry.roles.push(a.role);
    entry.claims.push({ id: a.id, role: a.role, statedBy: a.statedBy, quote: a.quote, note: a.note, source: a.source });
    byGroup.set(a.perpetratorId, entry);
  }
  // Strongest link first (a group that claimed comes before one only suspected), as in the table and the CSV.
  const groups = orderGroups([...byGroup.values()].map((g) => ({ ...g, denied: g.roles.includes("denied") && g.roles.some((r) => r !== "denied") })));

  // The same rule as the headline figures (lib/casualty-totals.ts), so the page shows how they were reached.
  const claims: CasualtyClaim[] = casualties.map((c) => ({ ...c, source: c.sourceId }));
  const dateOf = new Map(casualties.map((c) => [c.sourceId, c.source.publishedOn]));
  const dates = (s: string) => dateOf.get(s);
  const lines: CasualtyLine[] = [];
  for (const outcome of OUTCOME_ORDER) {
    for (const victimGroup of GROUP_ORDER) {
      const idx = casualties.map((c, k) => k).filter((k) => casualties[k].outcome === outcome && casualties[k].victimGroup === victimGroup);
      if (!idx.length) continue;
      const e = figureEstimate(claims, outcome, victimGroup, dates);
      const figures = idx.map((k) => casualties[k]);
      lines.push({
        outcome, victimGroup, range: e && { low: e.low, high: e.high }, counted: e?.best ?? null, disagree: e !== null && e.low !== e.high,
        uncounted: figures.filter((c) => !c.counted).length,
        revised: figures.filter((c) => c.counted && c.status !== "current").length,
        preliminaryOnly: e?.basis === "preliminary",
        figures: idx
          .map((k) => {
            const c = casualties[k];
            return { id: c.id, count: c.count, low: c.low, high: c.high, counted: c.counted, status: c.status, statusReason: c.statusReason, best: e?.bestFrom.includes(k) ?? false, quote: c.quote, note: c.note, source: c.source };
          })
          // The best figure first, then the other current ones, then those left out; by date within each.
          .sort((a, b) => rank(a) - rank(b) || (b.source.publishedOn ?? "").localeCompare(a.source.publishedOn ?? "")),
      });
    }
  }
  const totals: VictimTotal[] = [];
  for (const outcome of ["killed", "injured"] as const) {
    const t = totalEstimate(claims, outcome, dates);
    if (!t) continue;
    const chinese = figureEstimate(claims, outcome, "chinese", dates);
    // The headline total is never below the Chinese figure it contains (see casualtyEstimates).
    const floor = chinese && chinese.best > t.best;
    totals.push({
      outcome, best: floor ? chinese.best : t.best, low: floor ? Math.max(t.low, chinese.low) : t.low, high: floor ? Math.max(t.high, chinese.best) : t.high,
      source: floor ? null : casualties.find((c) => c.sourceId === t.account)?.source ?? null, preliminaryOnly: t.basis === "preliminary",
    });
  }

  // Each source with every quote it contributes, so a reader can check a source in one place.
  const quotesBySource = new Map<string, SupportedQuote[]>();
  const addQuote = (sourceId: string, about: string, quote: string | null, note: string | null) => {
    if (!quote) return;
    const list = quotesBySource.get(sourceId) ?? [];
    const same = list.find((q) => q.quote === quote);
    if (same) { if (!same.about.includes(about)) same.about.push(about); } else list.push({ about: [about], quote, note });
    quotesBySource.set(sourceId, list);
  };
  for (const e of evidence) addQuote(e.sourceId, e.supports.replace(/_/g, " "), e.quote, e.note);
  for (const g of groups) for (const c of g.claims) addQuote(c.source.id, `attribution: ${g.group.shortName} (${ATTRIBUTION_ROLES[c.role].toLowerCase()})`, c.quote, null);
  for (const l of lines) for (const f of l.figures) addQuote(f.source.id, `${CASUALTY_OUTCOMES[l.outcome].toLowerCase()}: ${VICTIM_GROUPS[l.victimGroup].toLowerCase()}`, f.quote, null);

  const sourceList: SourceWithQuotes[] = sources
    .map((s) => ({ ...s.source, quotes: quotesBySource.get(s.sourceId) ?? [] }))
    .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || (a.publishedOn ?? "9999").localeCompare(b.publishedOn ?? "9999") || a.title.localeCompare(b.title));

  return {
    ...rest,
    attributions: groups,
    contested: groups.length > 1 || groups.some((g) => g.denied),
    casualties: lines,
    totals,
    sources: sourceList,
  };
}

function rank(f: Pick<CasualtyFigure, "best" | "counted" | "status">): number {
  return f.best ? 0 : !f.counted ? 3 : f.status === "current" ? 1 : 2;
}

/** The few fields a page title needs, without loading every claim. */
export async function incidentHeading(id: string, prisma: PrismaClient = db()) {
  return prisma.incident.findUnique({ where: { id }, select: { id: true, date: true, datePrecision: true, city: true, province: true, target: true, attackType: true } });
}
