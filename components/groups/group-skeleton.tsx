// Shaped like a group page below its title: figures, the roles table beside the chart, then the incidents.
export function GroupSkeleton() {
  return (
    <div aria-busy="true" aria-live="polite">
      <span className="muted">Loading the group’s record…</span>
      <div className="skeleton" style={{ height: "4rem", maxWidth: "36rem", marginTop: "0.5rem" }} />
      <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 22rem), 1fr))", gap: "1rem", marginTop: "1rem" }}>
        <div className="skeleton" style={{ height: "14rem" }} />
        <div className="skeleton" style={{ height: "14rem" }} />
      </div>
      <div className="skeleton" style={{ height: "12rem", marginTop: "1rem" }} />
    </div>
  );
}
