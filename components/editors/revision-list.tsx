// A list of revisions with what each changed, in words. Server-rendered; no client code.
import Link from "next/link";
import type { RevisionView } from "@/lib/data/history.ts";
import styles from "./editors.module.css";

const KIND_LABELS: Record<string, string> = { seed: "seed data", import: "import", accept: "accepted from a report", correction: "correction" };
const MAX_CHANGES = 12;

function stamp(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function RevisionList({ revisions, showIncident = false }: { revisions: RevisionView[]; showIncident?: boolean }) {
  return (
    <ol className={styles.history}>
      {revisions.map((r) => (
        <li key={r.id} id={`revision-${r.id}`}>
          <div>
            <span className={styles.when}><time dateTime={r.at.toISOString()}>{stamp(r.at)}</time> · revision {r.id}</span>{" "}
            <span className="tag">{KIND_LABELS[r.kind] ?? r.kind}</span>{" "}
            by <strong>{r.actor}</strong>
            {showIncident && r.incidentId && <> · <Link href={`/incidents/${r.incidentId}`}>{r.incidentId}</Link></>}
            {showIncident && !r.incidentId && <> · {r.entity} {r.entityId}</>}
            {r.source && <> · source: {r.source.url ? <a href={r.source.url} rel="noopener noreferrer">{r.source.title}</a> : r.source.title}</>}
          </div>
          <ul className={styles.diff}>
            {r.changes.slice(0, MAX_CHANGES).map((c, n) => (
              <li key={n}>
                {c.kind === "field" ? (
                  <>{c.what}: <del>{c.before}</del> → <ins>{c.after}</ins></>
                ) : c.kind === "changed" ? (
                  <>changed {c.before} → <ins>{c.after}</ins></>
                ) : c.kind === "added" ? (
                  <><ins>+ {c.what}</ins></>
                ) : c.kind === "removed" ? (
                  <><del>− {c.what}</del></>
                ) : c.what}
                {c.quote && <> <q className={styles.quote}>{c.quote}</q></>}
              </li>
            ))}
            {r.changes.length > MAX_CHANGES && <li className="muted">and {r.changes.length - MAX_CHANGES} more changes</li>}
          </ul>
        </li>
      ))}
    </ol>
  );
}
