export default function Loading() {
  return (
    <div aria-busy="true" aria-live="polite">
      <span className="muted">Loading…</span>
      <div className="skeleton" style={{ height: "2rem", width: "40%", marginTop: "0.5rem" }} />
      <div className="skeleton" style={{ height: "16rem", marginTop: "1rem" }} />
    </div>
  );
}
