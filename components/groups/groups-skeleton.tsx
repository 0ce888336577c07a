// Shaped like the groups list: a grid of group cards.
export function GroupsSkeleton() {
  return (
    <div aria-busy="true" aria-live="polite">
      <span className="muted">Loading groups…</span>
      <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 24rem), 1fr))", gap: "1rem", marginTop: "0.5rem" }}>
        {[0, 1, 2, 3].map((n) => <div key={n} className="skeleton" style={{ height: "12rem" }} />)}
      </div>
    </div>
  );
}
