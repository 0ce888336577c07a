import { OverviewSkeleton } from "@/components/charts/skeletons.tsx";

// The first visit waits for the filter options; this stands in, shaped like the overview.
export default function Loading() {
  return (
    <div aria-busy="true">
      <p role="status" className="muted" style={{ margin: "0.5rem 0" }}>Loading the overview…</p>
      <div className="skeleton" style={{ height: "2rem", width: "55%", margin: "0.5rem 0 0.75rem" }} />
      <div className="skeleton" style={{ height: "1rem", width: "70%", marginBottom: "1rem" }} />
      <div className="skeleton" style={{ height: "4.5rem", marginBottom: "1rem" }} />
      <OverviewSkeleton />
    </div>
  );
}
