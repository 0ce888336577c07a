// Shaped like the projects page: the index table, then project entries.
export default function Loading() {
  return (
    <div aria-busy="true" aria-live="polite">
      <span className="muted">Loading projects…</span>
      <div className="skeleton" style={{ height: "2rem", width: "45%", marginTop: "0.5rem" }} />
      <div className="skeleton" style={{ height: "14rem", marginTop: "1rem" }} />
      {[0, 1, 2].map((n) => <div key={n} className="skeleton" style={{ height: "10rem", marginTop: "1rem" }} />)}
    </div>
  );
}
