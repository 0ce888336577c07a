"use client";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartTooltip } from "./chart-tooltip.tsx";
import { DataTable, EmptyChart } from "./chart-card.tsx";
import styles from "./charts.module.css";

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
  const byAxis = new Map(data.map((r) => [r.axis, r.label]));
  return (
    <>
      <div className={styles.plot} style={{ height: Math.max(140, rows.length * ROW_HEIGHT + 74) }}>
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
      </div>
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
