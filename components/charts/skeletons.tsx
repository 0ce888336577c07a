import styles from "./charts.module.css";

// Placeholders shaped like what they stand for, so the page does not jump when data arrives.

const BAR_HEIGHTS = [30, 45, 25, 60, 40, 70, 55, 85, 50, 65, 90, 75];

export function HeadlinesSkeleton() {
  return (
    <div aria-hidden="true">
      <ul className={styles.headlines}>
        {Array.from({ length: 5 }, (_, n) => (
          <li key={n} className={styles.headline}>
            <span className="skeleton" style={{ width: "60%" }} />
            <span className="skeleton" style={{ height: "2.1rem", width: "45%", margin: "0.2rem 0" }} />
            <span className="skeleton" style={{ width: "80%", minHeight: "0.9rem" }} />
            <span className="skeleton" style={{ width: "50%", minHeight: "0.9rem", marginTop: "0.4rem" }} />
          </li>
        ))}
      </ul>
      <p className="skeleton" style={{ width: "70%", margin: "0 0 1rem" }} />
    </div>
  );
}

export function ChartSkeleton({ title, height = 320, kind = "columns", wide }: { title: string; height?: number; kind?: "columns" | "bars"; wide?: boolean }) {
  return (
    <section className={wide ? `${styles.card} ${styles.wide}` : styles.card} aria-busy="true">
      <h2>{title}</h2>
      <p className="muted" style={{ fontSize: "0.85rem", margin: "0 0 0.75rem" }}>Loading…</p>
      {kind === "columns" ? (
        <div className={styles.skeletonChart} style={{ height }}>
          {BAR_HEIGHTS.map((h, n) => <span key={n} style={{ height: `${h}%` }} />)}
        </div>
      ) : (
        <div className={styles.skeletonBars} style={{ minHeight: height }}>
          {[90, 70, 55, 40, 25].map((w, n) => <span key={n} style={{ width: `${w}%` }} />)}
        </div>
      )}
    </section>
  );
}

/** The whole overview below the filters, for the route's loading state. */
export function OverviewSkeleton() {
  return (
    <>
      <HeadlinesSkeleton />
      <div className={styles.grid}>
        <ChartSkeleton title="Incidents per year" height={340} />
        <ChartSkeleton title="Killed and injured per year" />
      </div>
      <div className={styles.grid2}>
        <ChartSkeleton title="Incidents by province" kind="bars" height={180} />
        <ChartSkeleton title="Incidents by attack type" kind="bars" height={180} />
        <ChartSkeleton title="Incidents by group" kind="bars" height={180} wide />
      </div>
    </>
  );
}
