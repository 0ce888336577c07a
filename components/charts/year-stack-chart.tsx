"use client";
import { useId, useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { YearBreakdown } from "@/lib/data/overview.ts";
import { ChartTooltip, legendProps } from "./chart-tooltip.tsx";
import { DataTable, EmptyChart } from "./chart-card.tsx";
import { seriesColor } from "./palette.ts";
import styles from "./charts.module.css";

type Props = {
  byGroup: YearBreakdown;
  byProvince: YearBreakdown;
  /** Matching incidents per year (each once), for the table's total column. */
  incidentsPerYear: Record<number, number>;
};

const NOTES = {
  group: "An incident linked to several groups (claimed, attributed, alleged, suspected or denied) counts once under each, so a bar can be taller than the number of incidents that year; the table gives both.",
  province: "Each incident counts once, in the province where it happened.",
} as const;

/** Incidents per year as stacked bars, by group or by province (a local switch: both sets come from the server). */
export function YearStackChart({ byGroup, byProvince, incidentsPerYear }: Props) {
  const [by, setBy] = useState<"group" | "province">("group");
  const name = useId();
  const data = by === "group" ? byGroup : byProvince;
  const empty = Object.values(incidentsPerYear).every((n) => n === 0);
  return (
    <>
      <fieldset className={styles.switch}>
        <legend>Stack by</legend>
        <label><input type="radio" name={name} value="group" checked={by === "group"} onChange={() => setBy("group")} /> Group</label>
        <label><input type="radio" name={name} value="province" checked={by === "province"} onChange={() => setBy("province")} /> Province</label>
      </fieldset>
      <p className={styles.note}>{NOTES[by]}</p>
      {empty ? <EmptyChart /> : (
        <>
          <div className={styles.plot} style={{ height: 340 }}>
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
          </div>
          <DataTable caption={`Incidents per year by ${by}${by === "group" ? " (an incident counts under each linked group)" : ""}`}>
            <thead>
              <tr>
                <th scope="col">Year</th>
                {data.series.map((s) => <th key={s.key} scope="col" className="num">{s.label}</th>)}
                <th scope="col" className="num">Incidents</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.year}>
                  <th scope="row">{r.year}</th>
                  {data.series.map((s) => <td key={s.key} className="num">{r[s.key] ?? 0}</td>)}
                  <td className="num">{incidentsPerYear[r.year] ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </>
      )}
    </>
  );
}
