"use client";
// The recharts drawings, in a chunk of their own: lazy-plots.tsx loads it after the page is
// interactive, so recharts (most of the overview's JavaScript) is not on the first load. The
// headline numbers and every chart's data table are server-rendered without it.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { YearBreakdown } from "@/lib/data/overview.ts";
import type { Outcome, TrendBar } from "@/lib/casualty-trend.ts";
import { ChartTooltip, legendProps } from "./chart-tooltip.tsx";
import { seriesColor } from "./palette.ts";
import { CASUALTY_SERIES } from "./casualty-series.ts";

export function YearStackPlot({ data, by }: { data: YearBreakdown; by: "group" | "province" }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data.rows} margin={{ top: 8, right: 8, bottom: 24, left: 0 }}>
        <CartesianGrid vertical={false} stroke="#e7e5e4" />
        <XAxis dataKey="year" tickLine={false} minTickGap={8} label={{ value: "Year", position: "insideBottom", offset: -14, fill: "#57534e" }} />
        <YAxis allowDecimals={false} width={52} label={{ value: by === "group" ? "Incidents (per group)" : "Incidents", angle: -90, position: "insideLeft", offset: 4, dy: by === "group" ? 60 : 30, fill: "#57534e" }} />
        <Tooltip content={<ChartTooltip hideZero />} cursor={{ fill: "rgb(0 0 0 / 0.05)" }} />
        <Legend verticalAlign="top" {...legendProps} />
        {data.series.map((s, n) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} stackId="year" fill={seriesColor(s.key, n)} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

export function CategoryBarPlot({ data, category, color }: { data: { axis: string; label: string; count: number }[]; category: string; color: string }) {
  const byAxis = new Map(data.map((r) => [r.axis, r.label]));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} layout="vertical" margin={{ top: 22, right: 16, bottom: 24, left: 4 }}>
        <CartesianGrid horizontal={false} stroke="#e7e5e4" />
        <XAxis type="number" allowDecimals={false} label={{ value: "Incidents", position: "insideBottom", offset: -14, fill: "#57534e" }} />
        <YAxis type="category" dataKey="axis" width={150} tickLine={false} interval={0} tick={{ fontSize: 12 }}
          label={{ value: category, position: "insideTopLeft", offset: 0, dy: -22, fill: "#57534e", fontSize: 12 }} />
        <Tooltip content={<ChartTooltip labelFormatter={(l) => byAxis.get(String(l)) ?? String(l)} />} cursor={{ fill: "rgb(0 0 0 / 0.05)" }} />
        <Bar dataKey="count" name="Incidents" fill={color} maxBarSize={26} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

export function CasualtyTrendPlot({ bars, outcome, cumulative }: { bars: TrendBar[]; outcome: Outcome; cumulative: boolean }) {
  const [chinese, all] = outcome === "killed" ? [CASUALTY_SERIES[0], CASUALTY_SERIES[2]] : [CASUALTY_SERIES[1], CASUALTY_SERIES[3]];
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={bars} margin={{ top: 8, right: 12, bottom: 24, left: 0 }} barGap={1}>
        <CartesianGrid vertical={false} stroke="#e7e5e4" />
        <XAxis dataKey="year" tickLine={false} minTickGap={8} label={{ value: "Year", position: "insideBottom", offset: -14, fill: "#57534e" }} />
        <YAxis allowDecimals={false} width={52} label={{ value: cumulative ? `People ${outcome}, so far` : `People ${outcome}`, angle: -90, position: "insideLeft", offset: 4, dy: 40, fill: "#57534e" }} />
        <Tooltip content={<ChartTooltip />} cursor={{ fill: "rgb(0 0 0 / 0.05)" }} />
        <Legend verticalAlign="top" {...legendProps} />
        <Bar dataKey="chinese" name={chinese.label} fill={chinese.color} isAnimationActive={false} />
        <Bar dataKey="all" name={all.label} fill={all.color} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
