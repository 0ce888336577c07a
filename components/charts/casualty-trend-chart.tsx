"use client";
import { useId, useMemo, useState } from "react";
import type { CasualtyYear } from "@/lib/data/overview.ts";
import { TREND_KEYS as KEYS, trendBars, type Outcome } from "@/lib/casualty-trend.ts";
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

const plural = (n: number) => `${n.toLocaleString("en-GB")} incident${n === 1 ? "" : "s"}`;

/**
 * Killed or injured per year as bars, Chinese victims beside all victims, per year or
 * cumulative. A year whose figure no source gives has no bar (not a zero bar), and the
 * incidents whose figure is unknown are counted under the chart and in the table.
 */
export function CasualtyTrendChart({ rows }: { rows: CasualtyYear[] }) {
  const [outcome, setOutcome] = useState<Outcome>("killed");
  const [cumulative, setCumulative] = useState(false);
  const name = useId();
  const bars = useMemo(() => trendBars(rows, outcome, cumulative), [rows, outcome, cumulative]);
  if (rows.every((r) => r.incidents === 0)) return <EmptyChart />;
  const k = KEYS[outcome];
  const incidents = rows.reduce((n, r) => n + r.incidents, 0);
  const unknownChinese = rows.reduce((n, r) => n + r.unknown[k.chinese], 0);
  const unknownAll = rows.reduce((n, r) => n + r.unknown[k.all], 0);
  return (
    <>
      <fieldset className={styles.switches}>
        <legend className={styles.visuallyHidden}>What the bars show</legend>
        {(["killed", "injured"] as const).map((o) => (
          <label key={o} className={styles.switch}>
            <input type="radio" name={name} value={o} checked={outcome === o} onChange={() => setOutcome(o)} /> {o === "killed" ? "Killed" : "Injured"}
          </label>
        ))}
        <label className={styles.switch}>
          <input type="checkbox" checked={cumulative} onChange={(e) => setCumulative(e.target.checked)} /> Cumulative
        </label>
      </fieldset>
      <PlotArea height={300}>
        <CasualtyTrendPlot bars={bars} outcome={outcome} cumulative={cumulative} />
      </PlotArea>
      <p className={styles.unknownLine} data-unknown-counts="">
        Of {plural(incidents)}, the number of Chinese {outcome} is unknown for {plural(unknownChinese)}, and of all {outcome} for{" "}
        {plural(unknownAll)}; they add nothing to the bars.
      </p>
      <DataTable caption="Killed and injured per year (best figure of each incident; unknown where no source gives one)">
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
