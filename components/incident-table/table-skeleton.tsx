import styles from "./incident-table.module.css";

/** Shaped like the table, so the page does not jump when the rows arrive. */
export function TableSkeleton({ rows = 10 }: { rows?: number }) {
  return (
    <div aria-busy="true" aria-live="polite" className={styles.skeleton}>
      <span className={styles.visuallyHidden}>Loading incidents…</span>
      <div className="skeleton" style={{ height: "1.4rem", width: "16rem", marginBottom: "0.75rem" }} />
      <div className="table-wrap" style={{ padding: "0.5rem" }}>
        <div className="skeleton" style={{ height: "2rem", marginBottom: "0.5rem" }} />
        {Array.from({ length: rows }, (_, n) => (
          <div key={n} className="skeleton" style={{ height: "2.4rem", marginBottom: "0.35rem", opacity: 1 - n * 0.06 }} />
        ))}
      </div>
    </div>
  );
}
