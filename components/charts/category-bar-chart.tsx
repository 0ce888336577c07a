"use client";
import { CategoryBarPlot } from "./lazy-plots.tsx";
import { DataTable, EmptyChart } from "./chart-card.tsx";
import { PlotArea } from "./plot-area.tsx";

export type CategoryRow = { key: string; label: string; /** Shown on the axis when the label is long. */ shortLabel?: string; count: number };

type Props = {
  rows: CategoryRow[];
  /** The category column's heading, e.g. "Province". */
  category: string;
  caption: string;
  color: string;
};

const ROW_HEIGHT = 34;
const clip = (s: string, n = 26) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Incidents per category as horizontal bars, largest first; the height grows with the number of categories. */
export function CategoryBarChart({ rows, category, caption, color }: Props) {
  if (rows.length === 0) return <EmptyChart />;
  const data = rows.map((r) => ({ ...r, axis: clip(r.shortLabel ?? r.label) }));
  return (
    <>
      <PlotArea height={Math.max(140, rows.length * ROW_HEIGHT + 74)}>
        <CategoryBarPlot data={data} category={category} color={color} />
      </PlotArea>
      <DataTable caption={caption}>
        <thead>
          <tr><th scope="col">{category}</th><th scope="col" className="num">Incidents</th></tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}><th scope="row">{r.label}</th><td className="num">{r.count}</td></tr>
          ))}
        </tbody>
      </DataTable>
    </>
  );
}
