"use client";
import type { CasualtyYear } from "@/lib/data/overview.ts";
import { CasualtyTrendPlot } from "./lazy-plots.tsx";
import { CASUALTY_SERIES as SERIES } from "./casualty-series.ts";
import { DataTable, EmptyChart } from "./chart-card.tsx";
import { PlotArea } from "./plot-area.tsx";
import styles from "./charts.module.css";


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
      <PlotArea height={320}>
        <CasualtyTrendPlot rows={rows} />
      </PlotArea>
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
