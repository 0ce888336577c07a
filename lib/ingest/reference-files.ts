// The reader's reference read from record files (seed/data/*.json) instead of the database:
// for the evaluation and for `npm run ingest -- --record seed`. Reads the JSON files; does
// not import the seed loader (lib does not depend on seed/).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Reference, ReferenceIncident } from "./types.ts";

export const DEFAULT_RECORD_DIR = path.resolve(import.meta.dirname, "../../seed/data");

export function referenceFromFiles(dir = DEFAULT_RECORD_DIR): Reference {
  const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
  const read = (prefix: string) => files.filter((f) => f.startsWith(prefix)).flatMap((f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as unknown[]);
  const unique = <T extends { id: string }>(rows: T[]) => [...new Map(rows.map((r) => [r.id, r])).values()];
  type RawIncident = Omit<ReferenceIncident, "project"> & { project: string | null };
  return {
    perpetrators: unique(read("perpetrators") as { id: string; name: string; shortName: string; aliases: string[] }[]),
    projects: unique(read("projects") as { id: string; name: string; province: null; location: string | null }[]),
    incidents: unique(read("incidents") as RawIncident[]).map((i) => ({
      id: i.id, date: i.date, datePrecision: i.datePrecision, province: i.province, city: i.city, district: i.district ?? null,
      attackType: i.attackType, project: i.project,
      casualties: i.casualties.filter((c) => (c as { counted?: boolean }).counted !== false).map((c) => ({ outcome: c.outcome, victimGroup: c.victimGroup, count: c.count })),
    })),
  };
}
