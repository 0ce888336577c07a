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

  it("takes the larger of an undivided total and the sum of the groups, without attackers", () => {
    const claims = [
      claim({ outcome: "killed", victimGroup: "chinese", count: 5 }),
      claim({ outcome: "killed", victimGroup: "pakistani_civilians", count: 1 }),
      claim({ outcome: "killed", victimGroup: "attackers", count: 1 }),
      claim({ outcome: "injured", victimGroup: "all_victims", count: 10 }),
      claim({ outcome: "injured", victimGroup: "chinese", count: 1 }),
    ];
    const t = casualtyTotals(claims);
    expect(t).toMatchObject({ chineseKilled: 5, totalKilled: 6, attackersKilled: 1, chineseInjured: 1, totalInjured: 10 });
  });
});

describe("claims that are not counted", () => {
  it("stay out of the totals but inside the range", () => {
    const claims = [claim({ outcome: "killed", victimGroup: "chinese", count: 2 }), claim({ outcome: "killed", victimGroup: "chinese", count: 5, counted: false }), claim({ outcome: "killed", victimGroup: "security_forces", count: 9, counted: false })];
    expect(casualtyTotals(claims)).toMatchObject({ chineseKilled: 2, totalKilled: 2 });
    expect(figureRange(claims, "killed", "chinese")).toEqual({ low: 2, high: 5 });
  });
});
