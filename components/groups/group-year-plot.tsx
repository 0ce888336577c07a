"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { YearPoint } from "@/lib/data/groups.ts";

// Loaded by group-year-chart.tsx after the page is interactive (recharts stays off the first load).
// Draws only. The numbers are also in the server-rendered table beside it, which is what
// screen readers and no-JavaScript readers get.
export function GroupYearPlot({ years }: { years: YearPoint[] }) {
  return (
    <div style={{ width: "100%", height: 280 }} aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={years} margin={{ top: 8, right: 0, bottom: 0, left: -16 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#e7e5e4" vertical={false} />
          <XAxis dataKey="year" tick={{ fontSize: 12, fill: "#44403c" }} interval="preserveStartEnd" />
          <YAxis yAxisId="deaths" allowDecimals={false} tick={{ fontSize: 12, fill: "#44403c" }} />
          {/* Incidents are few per year; on the deaths axis their line would lie flat. */}
          <YAxis yAxisId="incidents" orientation="right" allowDecimals={false} tick={{ fontSize: 12, fill: "#1e3a8a" }} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 13 }} />
          <Bar yAxisId="deaths" dataKey="totalKilled" name="All killed" fill="#a8a29e" />
          <Bar yAxisId="deaths" dataKey="chineseKilled" name="Chinese killed" fill="#991b1b" />
          <Line yAxisId="incidents" dataKey="incidents" name="Incidents (right axis)" stroke="#1e3a8a" strokeWidth={2} dot={{ r: 3 }} type="linear" />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
