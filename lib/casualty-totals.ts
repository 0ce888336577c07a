// How an incident's headline figures are derived from its casualty claims. Sources often
// disagree; charts need one number per incident. The rule, also stated on /methodology:
//   - claims marked not counted (a perpetrator's boast, a figure contradicted by better
//     sources) are shown on the incident page but never enter the counted figures;
//   - for each outcome and victim group, count the LOWEST figure any source gives (a range
//     counts by its low end): the conservative reading, as ACLED does; the incident page
//     shows the full range;
//   - a total of victims is the larger of a source's undivided total ("ten people injured")
//     and the sum of the per-group figures; attackers are never counted among victims;
//   - no claim at all means unknown (null), never zero.
import type { CasualtyOutcome, VictimGroup } from "./vocab.ts";

export type CasualtyClaim = { outcome: CasualtyOutcome; victimGroup: VictimGroup; count: number | null; low: number | null; high: number | null; counted?: boolean };

export type CasualtyTotals = {
  chineseKilled: number | null;
  chineseInjured: number | null;
  chineseKidnapped: number | null;
  totalKilled: number | null;
  totalInjured: number | null;
  attackersKilled: number | null;
};

const VICTIM_PARTS: VictimGroup[] = ["chinese", "pakistani_civilians", "security_forces", "other"];

/** The figure one claim contributes: its exact count, else the low end of its range. */
export function claimFigure(c: Pick<CasualtyClaim, "count" | "low">): number | null {
  return c.count ?? c.low;
}

/** The lowest and highest figures the sources give for one outcome and victim group. */
export function figureRange(claims: CasualtyClaim[], outcome: CasualtyOutcome, group: VictimGroup): { low: number; high: number } | null {
  let low: number | null = null;
  let high: number | null = null;
  for (const c of claims) {
    if (c.outcome !== outcome || c.victimGroup !== group) continue;
    const l = claimFigure(c);
    const h = c.count ?? c.high ?? c.low;
    if (l !== null) low = low === null ? l : Math.min(low, l);
    if (h !== null) high = high === null ? h : Math.max(high, h);
  }
  return low === null ? null : { low, high: high ?? low };
}

function counted(claims: CasualtyClaim[], outcome: CasualtyOutcome, group: VictimGroup): number | null {
  return figureRange(claims, outcome, group)?.low ?? null;
}

function victimTotal(claims: CasualtyClaim[], outcome: CasualtyOutcome): number | null {
  const parts = VICTIM_PARTS.map((g) => counted(claims, outcome, g)).filter((n): n is number => n !== null);
  const sum = parts.length ? parts.reduce((a, b) => a + b, 0) : null;
  const undivided = counted(claims, outcome, "all_victims");
  if (sum === null) return undivided;
  return undivided === null ? sum : Math.max(sum, undivided);
}

export function casualtyTotals(allClaims: CasualtyClaim[]): CasualtyTotals {
  const claims = allClaims.filter((c) => c.counted !== false);
  return {
    chineseKilled: counted(claims, "killed", "chinese"),
    chineseInjured: counted(claims, "injured", "chinese"),
    chineseKidnapped: counted(claims, "kidnapped", "chinese"),
    totalKilled: victimTotal(claims, "killed"),
    totalInjured: victimTotal(claims, "injured"),
    attackersKilled: counted(claims, "killed", "attackers"),
  };
}
