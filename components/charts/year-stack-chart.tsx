"use client";
import { useId, useState } from "react";
import type { YearBreakdown } from "@/lib/data/overview.ts";
import { DataTable, EmptyChart } from "./chart-card.tsx";
import { PlotArea } from "./plot-area.tsx";
import { YearStackPlot } from "./lazy-plots.tsx";
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
          <PlotArea height={340}>
            <YearStackPlot data={data} by={by} />
          </PlotArea>
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
