// How an incident's headline figures are derived from its casualty claims. Sources often
// disagree; charts need one number per incident. The rule follows UCDP's practice of a low,
// a best and a high estimate per figure, and is also stated on /methodology:
//   - claims marked not counted (a perpetrator's boast, a figure contradicted by better
//     sources) are shown on the incident page but never enter any figure;
//   - a claim marked preliminary (an early toll that later reports revised) or superseded
//     (corrected or replaced) stays on record with its reason, but the best figure and its
//     range come from the current claims. Only when no current claim gives a figure does a
//     preliminary one stand in (it is still the best evidence there is); a superseded one never;
//   - best: the figure of the LATEST current account (the source's publication date; a dated
//     source before an undated one); accounts equally late give their lowest figure, the
//     conservative reading. A range counts by its low end;
//   - low and high: the lowest and highest figures the current accounts give;
//   - a count of 0 with its quote is a fact ("no Chinese national was hurt"): the figure is 0,
//     not unknown. No claim at all means unknown (null), never zero;
//   - a victim total comes from ONE account: a source's undivided total or the sum of its own
//     per-group figures (the larger of the two), never parts taken from different sources,
//     which may describe the same people differently. Accounts that break victims down into two
//     or more groups, or give an undivided total, are preferred; when there is none, the total
//     is the largest per-group best figure (a lower bound, with that group's range), and unknown
//     if that is 0 (no Chinese hurt says nothing of everyone else). Attackers are never victims.
import type { CasualtyOutcome, FigureStatus, VictimGroup } from "./vocab.ts";

export type CasualtyClaim = {
  outcome: CasualtyOutcome; victimGroup: VictimGroup; count: number | null; low: number | null; high: number | null;
  counted?: boolean;
  status?: FigureStatus;
  /** The source's id: claims of one source are one account. Claims without one are each an account of their own. */
  source?: string;
};

/** A source's publication date as the record gives it (YYYY, YYYY-MM or YYYY-MM-DD), or null. */
export type SourceDates = (sourceId: string) => string | null | undefined;

export type CasualtyTotals = {
  chineseKilled: number | null;
  chineseInjured: number | null;
  chineseKidnapped: number | null;
  totalKilled: number | null;
  totalInjured: number | null;
  attackersKilled: number | null;
};

export type CasualtyRanges = {
  chineseKilledLow: number | null; chineseKilledHigh: number | null;
  chineseInjuredLow: number | null; chineseInjuredHigh: number | null;
  totalKilledLow: number | null; totalKilledHigh: number | null;
  totalInjuredLow: number | null; totalInjuredHigh: number | null;
};

/** Everything written on an incident from its claims. */
export type CasualtyEstimates = CasualtyTotals & CasualtyRanges & { chineseHarmed: boolean | null };

/** One figure: best, low and high, and which claims (by index in the list given) decided it. */
export type Estimate = { best: number; low: number; high: number; bestFrom: number[]; basis: "current" | "preliminary" };

const VICTIM_PARTS: VictimGroup[] = ["chinese", "pakistani_civilians", "security_forces", "other"];

/** The figure one claim contributes: its exact count, else the low end of its range. */
export function claimFigure(c: Pick<CasualtyClaim, "count" | "low">): number | null {
  return c.count ?? c.low;
}
const claimHigh = (c: Pick<CasualtyClaim, "count" | "low" | "high">) => c.count ?? c.high ?? c.low;

const isCurrent = (c: CasualtyClaim) => (c.status ?? "current") === "current";
const credible = (c: CasualtyClaim) => c.counted !== false;

/** The claims a figure is taken from: the current ones, else the preliminary ones; never superseded or uncounted. */
function pool(claims: CasualtyClaim[], match: (c: CasualtyClaim) => boolean): { idx: number[]; basis: Estimate["basis"] } {
  const all = claims.map((c, k) => [c, k] as const).filter(([c]) => credible(c) && match(c) && claimFigure(c) !== null);
  const current = all.filter(([c]) => isCurrent(c));
  if (current.length) return { idx: current.map(([, k]) => k), basis: "current" };
  return { idx: all.filter(([c]) => c.status === "preliminary").map(([, k]) => k), basis: "preliminary" };
}

/** Dates as text sort by time ("2021" < "2021-04" < "2021-04-22": the less precise first); undated sources come first of all. */
function dateKey(d: string | null | undefined): string {
  return d ?? "";
}
const accountKey = (c: CasualtyClaim, k: number) => c.source ?? `#claim-${k}`;

/** Best, low and high for one outcome and victim group; null when no credible claim gives a number. */
export function figureEstimate(claims: CasualtyClaim[], outcome: CasualtyOutcome, group: VictimGroup, dates: SourceDates = () => null): Estimate | null {
  const { idx, basis } = pool(claims, (c) => c.outcome === outcome && c.victimGroup === group);
  if (!idx.length) return null;
  const latest = idx.reduce((m, k) => (dateKey(dates(claims[k].source ?? "")) > m ? dateKey(dates(claims[k].source ?? "")) : m), "");
  const atLatest = idx.filter((k) => dateKey(dates(claims[k].source ?? "")) === latest);
  const best = Math.min(...atLatest.map((k) => claimFigure(claims[k])!));
  return {
    best,
    low: Math.min(...idx.map((k) => claimFigure(claims[k])!)),
    high: Math.max(...idx.map((k) => claimHigh(claims[k])!)),
    bestFrom: atLatest.filter((k) => claimFigure(claims[k]) === best),
    basis,
  };
}

/** One account's victim total for an outcome. */
export type Account = { source: string; total: number; groups: VictimGroup[]; breakdown: boolean; claims: number[]; date: string | null };

/** Each account's total of victims (attackers excluded), from its own claims only. */
export function victimAccounts(claims: CasualtyClaim[], outcome: CasualtyOutcome, dates: SourceDates = () => null): { accounts: Account[]; basis: Estimate["basis"] } {
  const { idx, basis } = pool(claims, (c) => c.outcome === outcome && c.victimGroup !== "attackers");
  const bySource = new Map<string, number[]>();
  for (const k of idx) bySource.set(accountKey(claims[k], k), [...(bySource.get(accountKey(claims[k], k)) ?? []), k]);
  const accounts: Account[] = [];
  for (const [source, ks] of bySource) {
    // One source quoted twice for the same group (a headline and a paragraph) counts once, at its lower figure.
    const figureOf = (g: VictimGroup) => {
      const f = ks.filter((k) => claims[k].victimGroup === g).map((k) => claimFigure(claims[k])!);
      return f.length ? Math.min(...f) : null;
    };
    const parts = VICTIM_PARTS.map(figureOf).filter((n): n is number => n !== null);
    const undivided = figureOf("all_victims");
    const sum = parts.length ? parts.reduce((a, b) => a + b, 0) : null;
    const total = Math.max(sum ?? -1, undivided ?? -1);
    const groups = VICTIM_PARTS.filter((g) => figureOf(g) !== null);
    accounts.push({ source, total, groups, breakdown: undivided !== null || groups.length >= 2, claims: ks, date: dates(source) ?? null });
  }
  return { accounts, basis };
}

/** Best, low and high for the total of victims killed (or injured), each from one account. */
export function totalEstimate(claims: CasualtyClaim[], outcome: CasualtyOutcome, dates: SourceDates = () => null): (Estimate & { account: string }) | null {
  const { accounts, basis } = victimAccounts(claims, outcome, dates);
  const full = accounts.filter((a) => a.breakdown);
  if (full.length) {
    const latest = full.reduce((m, a) => (dateKey(a.date) > m ? dateKey(a.date) : m), "");
    const atLatest = full.filter((a) => dateKey(a.date) === latest).sort((a, b) => a.total - b.total);
    const best = atLatest[0];
    return { best: best.total, low: Math.min(...full.map((a) => a.total)), high: Math.max(...full.map((a) => a.total)), bestFrom: best.claims, basis, account: best.source };
  }
  // No account gives a total: the largest single-group figure (each by the best-figure rule) is a
  // floor for it, not an estimate of it, and a 0 for one group says nothing of the others.
  let floor: (Estimate & { account: string }) | null = null;
  for (const g of VICTIM_PARTS) {
    const e = figureEstimate(claims, outcome, g, dates);
    if (e && e.best > 0 && (!floor || e.best > floor.best)) floor = { ...e, account: accountKey(claims[e.bestFrom[0]], e.bestFrom[0]) };
  }
  return floor;
}

/** Every figure written on an incident: best (the headline columns), low, high and whether Chinese were harmed. */
export function casualtyEstimates(claims: CasualtyClaim[], dates: SourceDates = () => null): CasualtyEstimates {
  const ck = figureEstimate(claims, "killed", "chinese", dates);
  const ci = figureEstimate(claims, "injured", "chinese", dates);
  const cn = figureEstimate(claims, "kidnapped", "chinese", dates);
  const tk = totalEstimate(claims, "killed", dates);
  const ti = totalEstimate(claims, "injured", dates);
  const ak = figureEstimate(claims, "killed", "attackers", dates);
  // A total is never below the Chinese figure it contains (one account may give only the Chinese dead).
  const total = (t: Estimate | null, chinese: Estimate | null) =>
    t && chinese && chinese.best > t.best ? { best: chinese.best, low: Math.max(t.low, chinese.low), high: Math.max(t.high, chinese.best) } : t;
  const tkk = total(tk, ck);
  const tii = total(ti, ci);
  const bests = [ck?.best, ci?.best, cn?.best];
  const chineseHarmed = bests.some((b) => b !== undefined && b > 0) ? true : ck?.best === 0 && ci?.best === 0 ? false : null;
  return {
    chineseKilled: ck?.best ?? null, chineseInjured: ci?.best ?? null, chineseKidnapped: cn?.best ?? null,
    totalKilled: tkk?.best ?? null, totalInjured: tii?.best ?? null, attackersKilled: ak?.best ?? null,
    chineseKilledLow: ck?.low ?? null, chineseKilledHigh: ck?.high ?? null,
    chineseInjuredLow: ci?.low ?? null, chineseInjuredHigh: ci?.high ?? null,
    totalKilledLow: tkk?.low ?? null, totalKilledHigh: tkk?.high ?? null,
    totalInjuredLow: tii?.low ?? null, totalInjuredHigh: tii?.high ?? null,
    chineseHarmed,
  };
}

/** The six headline (best) figures. */
export function casualtyTotals(claims: CasualtyClaim[], dates: SourceDates = () => null): CasualtyTotals {
  const e = casualtyEstimates(claims, dates);
  return {
    chineseKilled: e.chineseKilled, chineseInjured: e.chineseInjured, chineseKidnapped: e.chineseKidnapped,
    totalKilled: e.totalKilled, totalInjured: e.totalInjured, attackersKilled: e.attackersKilled,
  };
}

/** The lowest and highest figures the current, counted sources give for one outcome and victim group. */
export function figureRange(claims: CasualtyClaim[], outcome: CasualtyOutcome, group: VictimGroup): { low: number; high: number } | null {
  const e = figureEstimate(claims, outcome, group);
  return e && { low: e.low, high: e.high };
}
