"use client";
import styles from "./charts.module.css";

type Entry = { name?: unknown; value?: unknown; color?: string; dataKey?: unknown };
type Props = { active?: boolean; label?: unknown; payload?: readonly Entry[]; hideZero?: boolean; labelFormatter?: (label: unknown) => string };

/** A compact tooltip that says "unknown" for a missing figure instead of leaving it out or showing 0. */
export function ChartTooltip({ active, label, payload, hideZero, labelFormatter }: Props) {
  if (!active || !payload?.length) return null;
  const rows = payload.filter((p) => !(hideZero && p.value === 0));
  return (
    <div className={styles.tooltip}>
      <p>{labelFormatter ? labelFormatter(label) : String(label)}</p>
      <ul>
        {rows.map((p) => (
          <li key={String(p.dataKey)}>
            <span><span className={styles.swatch} style={{ background: p.color }} aria-hidden="true" />{String(p.name)}</span>
            <strong>{typeof p.value === "number" ? p.value.toLocaleString("en-GB") : "unknown"}</strong>
          </li>
        ))}
        {rows.length === 0 && <li>No incidents</li>}
      </ul>
    </div>
  );
}

/** Legend text in the ink colour (series colours alone can be too pale to read), in series order. */
export const legendProps = {
  itemSorter: null,
  wrapperStyle: { fontSize: "0.82rem", lineHeight: 1.6 },
  formatter: (value: unknown) => <span style={{ color: "#1c1917" }}>{String(value)}</span>,
} as const;
