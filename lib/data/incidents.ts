import "server-only";
import { db } from "../db.ts";

/** The incidents, newest first, with what a list needs. */
export async function listIncidents() {
  return db().incident.findMany({
    orderBy: [{ date: "desc" }, { id: "asc" }],
    select: {
      id: true, date: true, datePrecision: true, province: true, city: true, attackType: true, target: true,
      chineseKilled: true, chineseInjured: true, totalKilled: true, totalInjured: true,
      attributions: { select: { role: true, perpetrator: { select: { shortName: true } } } },
    },
  });
}
