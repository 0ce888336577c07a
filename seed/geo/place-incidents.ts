// One-off (re-runnable) writer: puts latitude, longitude and geoPrecision on every incident in
// seed/data/incidents-*.json, from lib/geo/place-incident.ts. Run after adding incidents:
//   npx tsx seed/geo/place-incidents.ts          (--check: exit 1 if any file would change)
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { placeIncident, type IncidentPlace } from "../../lib/geo/place-incident.ts";

const dir = path.join(import.meta.dirname, "../data");
const check = process.argv.includes("--check");
let changed = 0;
const tally: Record<string, number> = {};
for (const name of readdirSync(dir).filter((f) => /^incidents.*\.json$/.test(f)).sort()) {
  const file = path.join(dir, name);
  const before = readFileSync(file, "utf8");
  const incidents = JSON.parse(before) as (IncidentPlace & Record<string, unknown>)[];
  const out = incidents.map((i) => {
    const placed = placeIncident({ ...i, latitude: i.latitude ?? null, longitude: i.longitude ?? null });
    tally[placed.geoPrecision] = (tally[placed.geoPrecision] ?? 0) + 1;
    // Keep the file's key order: the three fields go where latitude sits (after locationPrecision).
    const entries = Object.entries(i).filter(([k]) => !["latitude", "longitude", "geoPrecision"].includes(k));
    const at = entries.findIndex(([k]) => k === "locationPrecision") + 1;
    entries.splice(at, 0, ["latitude", placed.latitude], ["longitude", placed.longitude], ["geoPrecision", placed.geoPrecision]);
    return Object.fromEntries(entries);
  });
  const after = `${JSON.stringify(out, null, 2)}\n`;
  if (after !== before) {
    changed++;
    if (!check) writeFileSync(file, after);
  }
}
console.log(`${check ? "would change" : "changed"} ${changed} file(s); precision: ${JSON.stringify(tally)}`);
if (check && changed) process.exit(1);
