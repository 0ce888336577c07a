// The casualty trend chart's bars, from the overview's per-year figures: Chinese victims beside
// all victims, for one outcome, per year or as a running total. Client-safe and pure.
import type { HeadlineFigureKey } from "./incident-model.ts";

export type Outcome = "killed" | "injured";
/** One year's bars; null where no incident of the year (or, cumulative, of any year so far) gives the figure. */
export type TrendBar = { year: number; chinese: number | null; all: number | null };
type YearFigures = { year: number } & Record<HeadlineFigureKey, number | null>;

export const TREND_KEYS = {
  killed: { chinese: "chineseKilled", all: "totalKilled" },
  injured: { chinese: "chineseInjured", all: "totalInjured" },
} as const satisfies Record<Outcome, { chinese: HeadlineFigureKey; all: HeadlineFigureKey }>;

/** Per year, or the running total, which stays unknown until some year gives the figure: unknown is not zero. */
export function trendBars(rows: YearFigures[], outcome: Outcome, cumulative: boolean): TrendBar[] {
  const k = TREND_KEYS[outcome];
  let chinese: number | null = null, all: number | null = null;
  return rows.map((r) => {
    if (!cumulative) return { year: r.year, chinese: r[k.chinese], all: r[k.all] };
    if (r[k.chinese] !== null) chinese = (chinese ?? 0) + r[k.chinese]!;
    if (r[k.all] !== null) all = (all ?? 0) + r[k.all]!;
    return { year: r.year, chinese, all };
  });
}
