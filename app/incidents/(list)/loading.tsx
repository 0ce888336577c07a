import { TableSkeleton } from "@/components/incident-table/table-skeleton.tsx";

export default function Loading() {
  return (
    <>
      <div className="skeleton" style={{ height: "5.5rem", margin: "0.75rem 0" }} />
      <TableSkeleton />
    </>
  );
}
