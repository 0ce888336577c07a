import { describe, expect, it } from "vitest";
import { casualtyTotals, figureRange, type CasualtyClaim } from "./casualty-totals.ts";

const claim = (c: Partial<CasualtyClaim> & Pick<CasualtyClaim, "outcome" | "victimGroup">): CasualtyClaim => ({ count: null, low: null, high: null, ...c });

describe("casualtyTotals", () => {
  it("is all null when no source gives a figure, never zero", () => {
    expect(casualtyTotals([])).toEqual({ chineseKilled: null, chineseInjured: null, chineseKidnapped: null, totalKilled: null, totalInjured: null, attackersKilled: null });
  });

  it("counts the lowest figure when sources disagree, and reports the range", () => {
    const claims = [claim({ outcome: "killed", victimGroup: "chinese", count: 5 }), claim({ outcome: "killed", victimGroup: "chinese", count: 4 }), claim({ outcome: "killed", victimGroup: "chinese", low: 3, high: 6 })];
    expect(casualtyTotals(claims).chineseKilled).toBe(3);
    expect(figureRange(claims, "killed", "chinese")).toEqual({ low: 3, high: 6 });
  });

  // One account (issue 11): the parts of a total must come from the same source.
  it("takes the larger of one account's undivided total and the sum of its groups, without attackers", () => {
    const claims = [
      claim({ outcome: "killed", victimGroup: "chinese", count: 5, source: "a" }),
      claim({ outcome: "killed", victimGroup: "pakistani_civilians", count: 1, source: "a" }),
      claim({ outcome: "killed", victimGroup: "attackers", count: 1, source: "a" }),
      claim({ outcome: "injured", victimGroup: "all_victims", count: 10, source: "a" }),
      claim({ outcome: "injured", victimGroup: "chinese", count: 1, source: "a" }),
    ];
    const t = casualtyTotals(claims);
    expect(t).toMatchObject({ chineseKilled: 5, totalKilled: 6, attackersKilled: 1, chineseInjured: 1, totalInjured: 10 });
  });
});

describe("claims that are not counted", () => {
  // Issue 11: low and high span the credible figures only, so a boast no longer widens the range.
  it("stay out of the totals and of the range", () => {
    const claims = [claim({ outcome: "killed", victimGroup: "chinese", count: 2 }), claim({ outcome: "killed", victimGroup: "chinese", count: 5, counted: false }), claim({ outcome: "killed", victimGroup: "security_forces", count: 9, counted: false })];
    expect(casualtyTotals(claims)).toMatchObject({ chineseKilled: 2, totalKilled: 2 });
    expect(figureRange(claims, "killed", "chinese")).toEqual({ low: 2, high: 2 });
  });
});
