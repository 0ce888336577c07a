import "server-only";
import { db } from "../server/db.ts";
import { reconcile, type Reconciliation } from "../reconciliation.ts";

export type { Reconciliation };

/** Every reported aggregate beside what the incident records give for the same scope and period. */
export function reconcileReportedFigures(): Promise<Reconciliation[]> {
  return reconcile(db());
}
