// The rules of issue 11 on hand-made claims: zero versus unknown, best/low/high with preliminary
// and superseded figures, and one account per victim total. The named real incidents are pinned
// in seed/audit.test.ts.
import { describe, expect, it } from "vitest";
import { casualtyEstimates, figureEstimate, totalEstimate, type CasualtyClaim } from "./casualty-totals.ts";

const c = (x: Partial<CasualtyClaim> & Pick<CasualtyClaim, "outcome" | "victimGroup">): CasualtyClaim => ({ count: null, low: null, high: null, ...x });
const DATES: Record<string, string> = { wire: "2030-05-01", paper: "2030-05-03", weekly: "2030-05-10", year: "2030" };
const dates = (s: string) => DATES[s] ?? null;

describe("zero is a fact, no claim is unknown", () => {
  it("a 0 claim makes the figure 0 and the Chinese not harmed; no claim leaves it null", () => {
    const e = casualtyEstimates([
      c({ outcome: "killed", victimGroup: "chinese", count: 0, source: "paper" }),
      c({ outcome: "injured", victimGroup: "chinese", count: 0, source: "paper" }),
      c({ outcome: "killed", victimGroup: "security_forces", count: 2, source: "paper" }),
    ], dates);
    expect(e).toMatchObject({ chineseKilled: 0, chineseKilledLow: 0, chineseKilledHigh: 0, chineseInjured: 0, chineseHarmed: false, chineseKidnapped: null });
    expect(casualtyEstimates([])).toMatchObject({ chineseKilled: null, totalKilled: null, chineseHarmed: null });
  });

  it("a 0 for the Chinese says nothing of everyone else: the total stays unknown", () => {
    const e = casualtyEstimates([c({ outcome: "injured", victimGroup: "chinese", count: 0, source: "paper" })], dates);
    expect(e).toMatchObject({ chineseInjured: 0, totalInjured: null, totalInjuredLow: null, chineseHarmed: null });
  });

  it("one Chinese figure above 0 is enough to say Chinese were harmed", () => {
    expect(casualtyEstimates([c({ outcome: "kidnapped", victimGroup: "chinese", count: 1 })]).chineseHarmed).toBe(true);
    expect(casualtyEstimates([c({ outcome: "killed", victimGroup: "chinese", count: 0 })]).chineseHarmed).toBeNull(); // injured unknown
  });
});

describe("best, low and high", () => {
  it("best is the latest account's figure; low and high span the current accounts", () => {
    const claims = [
      c({ outcome: "killed", victimGroup: "chinese", count: 4, source: "wire" }),
      c({ outcome: "killed", victimGroup: "chinese", count: 7, source: "weekly" }),
      c({ outcome: "killed", victimGroup: "chinese", count: 6, source: "paper" }),
    ];
    expect(figureEstimate(claims, "killed", "chinese", dates)).toMatchObject({ best: 7, low: 4, high: 7, bestFrom: [1], basis: "current" });
  });

  it("a preliminary toll is kept out of best and range; a superseded one too", () => {
    const claims = [
      c({ outcome: "killed", victimGroup: "all_victims", count: 13, source: "wire", status: "preliminary" }),
      c({ outcome: "killed", victimGroup: "all_victims", count: 40, source: "weekly", status: "superseded" }),
      c({ outcome: "killed", victimGroup: "all_victims", count: 29, source: "paper" }),
      c({ outcome: "killed", victimGroup: "all_victims", count: 30, source: "year" }),
    ];
    // "2030" (year only) sorts before "2030-05-03": the paper is the latest dated account.
    expect(totalEstimate(claims, "killed", dates)).toMatchObject({ best: 29, low: 29, high: 30, account: "paper" });
    const e = casualtyEstimates(claims, dates);
    expect([e.totalKilled, e.totalKilledLow, e.totalKilledHigh]).toEqual([29, 29, 30]);
  });

  it("when only preliminary figures exist they stand in; superseded ones never do", () => {
    const pre = [c({ outcome: "injured", victimGroup: "chinese", count: 2, source: "wire", status: "preliminary" })];
    expect(figureEstimate(pre, "injured", "chinese", dates)).toMatchObject({ best: 2, basis: "preliminary" });
    const sup = [c({ outcome: "injured", victimGroup: "chinese", count: 2, source: "wire", status: "superseded" })];
    expect(figureEstimate(sup, "injured", "chinese", dates)).toBeNull();
  });

  it("a perpetrator's boast stays out of best, low and high", () => {
    const claims = [
      c({ outcome: "killed", victimGroup: "chinese", count: 0, source: "paper" }),
      c({ outcome: "killed", victimGroup: "chinese", count: 9, source: "weekly", counted: false }),
    ];
    expect(figureEstimate(claims, "killed", "chinese", dates)).toMatchObject({ best: 0, low: 0, high: 0 });
  });

  it("accounts equally late give their lowest figure; undated sources rank before dated ones", () => {
    const claims = [
      c({ outcome: "killed", victimGroup: "chinese", count: 3, source: "paper" }),
      c({ outcome: "killed", victimGroup: "chinese", count: 2, source: "paper" }),
      c({ outcome: "killed", victimGroup: "chinese", count: 8, source: "undated-blog" }),
    ];
    expect(figureEstimate(claims, "killed", "chinese", dates)).toMatchObject({ best: 2, low: 2, high: 8 });
  });

  it("a range counts by its low end and reaches its high end", () => {
    const claims = [c({ outcome: "injured", victimGroup: "chinese", low: 3, high: 5, source: "paper" })];
    expect(figureEstimate(claims, "injured", "chinese", dates)).toMatchObject({ best: 3, low: 3, high: 5 });
  });
});

describe("one account per victim total", () => {
  // Two sources describe the same three victims differently: one calls them Chinese, the other "other".
  const claims = [
    c({ outcome: "killed", victimGroup: "chinese", count: 1, source: "wire" }),
    c({ outcome: "injured", victimGroup: "chinese", count: 2, source: "wire" }),
    c({ outcome: "killed", victimGroup: "other", count: 1, source: "paper" }),
    c({ outcome: "injured", victimGroup: "other", count: 2, source: "paper" }),
  ];

  it("never adds parts from different sources", () => {
    const e = casualtyEstimates(claims, dates);
    expect(e.totalKilled).toBe(1); // not 1 + 1
    expect(e.totalInjured).toBe(2); // not 2 + 2
  });

  it("adds the parts of one source's breakdown, and prefers a breakdown to a single group", () => {
    const more = [
      c({ outcome: "killed", victimGroup: "chinese", count: 9, source: "weekly" }), // latest, but only the Chinese
      c({ outcome: "killed", victimGroup: "chinese", count: 9, source: "paper" }),
      c({ outcome: "killed", victimGroup: "security_forces", count: 2, source: "paper" }),
      c({ outcome: "killed", victimGroup: "pakistani_civilians", count: 2, source: "paper" }),
      c({ outcome: "killed", victimGroup: "all_victims", count: 12, source: "wire" }),
    ];
    expect(totalEstimate(more, "killed", dates)).toMatchObject({ best: 13, low: 12, high: 13, account: "paper" });
  });

  it("without any breakdown, the total is the largest group's best figure, as a floor", () => {
    const only = [
      c({ outcome: "injured", victimGroup: "security_forces", count: 1, source: "paper" }),
      c({ outcome: "injured", victimGroup: "security_forces", count: 2, source: "wire" }),
      c({ outcome: "injured", victimGroup: "chinese", count: 0, source: "weekly" }),
    ];
    expect(totalEstimate(only, "injured", dates)).toMatchObject({ best: 1, low: 1, high: 2 });
  });

  it("a total is never below the Chinese figure it contains", () => {
    const e = casualtyEstimates([
      c({ outcome: "killed", victimGroup: "all_victims", count: 2, source: "wire" }),
      c({ outcome: "killed", victimGroup: "chinese", count: 3, source: "paper" }),
    ], dates);
    expect([e.chineseKilled, e.totalKilled]).toEqual([3, 3]);
  });
});
