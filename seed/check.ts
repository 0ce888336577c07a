// `npm run db:check`: validates seed/data (every record, every cross-reference) without
// touching a database.
import { loadDataset } from "../lib/records/load.ts";

try {
  const d = loadDataset();
  console.log(`seed data is valid: ${d.incidents.length} incidents, ${d.sources.length} sources, ${d.perpetrators.length} groups, ${d.projects.length} projects, ${d.reportedFigures.length} reported figures`);
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
