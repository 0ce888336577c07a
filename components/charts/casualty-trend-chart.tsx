"use client";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { CasualtyYear } from "@/lib/data/overview.ts";
import { ChartTooltip, legendProps } from "./chart-tooltip.tsx";
import { DataTable, EmptyChart } from "./chart-card.tsx";
import styles from "./charts.module.css";

// Killed solid, injured dashed; Chinese victims in red, all victims in dark grey: two cues, not colour alone.
const SERIES = [
  { key: "chineseKilled", label: "Chinese killed", color: "#991b1b", dash: undefined },
  { key: "chineseInjured", label: "Chinese injured", color: "#dc2626", dash: "6 4" },
  { key: "totalKilled", label: "All killed", color: "#292524", dash: undefined },
  { key: "totalInjured", label: "All injured", color: "#78716c", dash: "6 4" },
] as const;

function Cell({ value, unknown }: { value: number | null; unknown: number }) {
  return (
    <td className="num">
      {value === null ? "unknown" : value.toLocaleString("en-GB")}
      {unknown > 0 && value !== null && <span className={styles.unknownNote}> (+{unknown} unknown)</span>}
    </td>
  );
}

/** Killed and injured per year as lines. A year whose figure no source gives is a gap, not a zero. */
export function CasualtyTrendChart({ rows }: { rows: CasualtyYear[] }) {
  if (rows.every((r) => r.incidents === 0)) return <EmptyChart />;
  return (
    <>
      <div className={styles.plot} style={{ height: 320 }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={rows} margin={{ top: 8, right: 12, bottom: 24, left: 0 }}>
            <CartesianGrid vertical={false} stroke="#e7e5e4" />
            <XAxis dataKey="year" tickLine={false} minTickGap={8} label={{ value: "Year", position: "insideBottom", offset: -14, fill: "#57534e" }} />
            <YAxis allowDecimals={false} width={52} label={{ value: "People", angle: -90, position: "insideLeft", offset: 4, dy: 24, fill: "#57534e" }} />
            <Tooltip content={<ChartTooltip />} />
            <Legend verticalAlign="top" {...legendProps} />
            {SERIES.map((s) => (
              <Line key={s.key} type="linear" dataKey={s.key} name={s.label} stroke={s.color} strokeDasharray={s.dash} strokeWidth={2}
                dot={{ r: 2.5 }} activeDot={{ r: 4 }} connectNulls={false} isAnimationActive={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <DataTable caption="Killed and injured per year (lowest figure the sources give; unknown where no source gives one)">
        <thead>
          <tr>
            <th scope="col">Year</th>
            <th scope="col" className="num">Incidents</th>
            {SERIES.map((s) => <th key={s.key} scope="col" className="num">{s.label}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.year}>
              <th scope="row">{r.year}</th>
              <td className="num">{r.incidents}</td>
              {SERIES.map((s) => <Cell key={s.key} value={r[s.key]} unknown={r.unknown[s.key]} />)}
            </tr>
          ))}
        </tbody>
      </DataTable>
    </>
  );
}
