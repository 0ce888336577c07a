import { describe, expect, it } from "vitest";
import { trendBars } from "./casualty-trend.ts";

const year = (y: number, ck: number | null, tk: number | null, ci: number | null = null, ti: number | null = null) =>
  ({ year: y, chineseKilled: ck, totalKilled: tk, chineseInjured: ci, totalInjured: ti });
const rows = [year(2018, null, null), year(2019, 0, 4, 1, 6), year(2020, null, 3), year(2021, 9, 13, null, 28)];

describe("the casualty trend's bars", () => {
  it("per year: each year's own figures, unknown kept apart from zero", () => {
    expect(trendBars(rows, "killed", false)).toEqual([
      { year: 2018, chinese: null, all: null }, { year: 2019, chinese: 0, all: 4 }, { year: 2020, chinese: null, all: 3 }, { year: 2021, chinese: 9, all: 13 },
    ]);
    expect(trendBars(rows, "injured", false).map((b) => b.all)).toEqual([null, 6, null, 28]);
  });

  it("cumulative: a running total that stays unknown until a year gives the figure, and skips unknown years", () => {
    expect(trendBars(rows, "killed", true)).toEqual([
      { year: 2018, chinese: null, all: null }, { year: 2019, chinese: 0, all: 4 }, { year: 2020, chinese: 0, all: 7 }, { year: 2021, chinese: 9, all: 20 },
    ]);
    expect(trendBars(rows, "injured", true).map((b) => [b.chinese, b.all])).toEqual([[null, null], [1, 6], [1, 6], [1, 34]]);
  });
});
