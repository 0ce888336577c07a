// Shaped like the incident page below its title: figure tiles, two fact panels, then the claims.
export function IncidentSkeleton() {
  return (
    <div aria-busy="true" aria-live="polite">
      <span className="muted">Loading the record…</span>
      <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(9rem, 1fr))", gap: "0.5rem", marginTop: "0.5rem" }}>
        {[0, 1, 2, 3].map((n) => <div key={n} className="skeleton" style={{ height: "4.2rem" }} />)}
      </div>
      <div className="skeleton" style={{ height: "6rem", marginTop: "1rem" }} />
      <div className="skeleton" style={{ height: "12rem", marginTop: "1rem" }} />
    </div>
  );
}
