import type { ReactNode } from "react";
import { ChartDownloads } from "./chart-downloads.tsx";
import styles from "./charts.module.css";

type Props = { id: string; title: string; note?: ReactNode; /** Spans every column of a chart grid. */ wide?: boolean; children: ReactNode };

/** A titled chart panel: an h2 the section is labelled by, its download menu, a note on how it counts, then the chart. */
export function ChartCard({ id, title, note, wide, children }: Props) {
  return (
    <section className={wide ? `${styles.card} ${styles.wide}` : styles.card} aria-labelledby={`${id}-title`} data-chart={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      <ChartDownloads id={id} title={title} />
      {note && <p className={styles.note}>{note}</p>}
      {children}
    </section>
  );
}

/** What a chart shows when no incident matches. */
export function EmptyChart() {
  return <p className={styles.empty}>No incidents match these filters.</p>;
}

/** The text alternative every chart carries: the same numbers as a table, folded away. */
export function DataTable({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <details className={styles.data}>
      <summary>Data table</summary>
      {/* Focusable so a keyboard user can scroll a wide table; named for screen readers. */}
      <div className={styles.tableWrap} tabIndex={0} role="region" aria-label={caption}>
        <table>
          <caption>{caption}</caption>
          {children}
        </table>
      </div>
    </details>
  );
}
