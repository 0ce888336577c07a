// The incident page's history: every revision of this incident, newest first.
import { incidentHistory } from "@/lib/data/history.ts";
import { RevisionList } from "./revision-list.tsx";

export async function IncidentHistory({ id }: { id: string }) {
  const { revisions } = await incidentHistory(id);
  return (
    <section aria-labelledby="history">
      <h2 id="history">History</h2>
      {revisions.length === 0
        ? <p className="muted">No recorded changes yet: this record predates change tracking.</p>
        : <RevisionList revisions={revisions} />}
    </section>
  );
}
