// `npm run db:seed`: loads seed/data into the database (PGlite by default, DATABASE_URL when set).
// Idempotent: a second run rewrites the same rows.
import { describeDatabase, readEnv } from "../lib/server/env.ts";
import { openDatabase } from "../lib/server/prisma-factory.ts";
import { writeDataset } from "../lib/write/write-dataset.ts";
import { loadDataset } from "../lib/records/load.ts";

async function main() {
  const env = readEnv();
  const dataset = loadDataset();
  const database = openDatabase();
  try {
    const t0 = performance.now();
    const n = await writeDataset(database.prisma, dataset);
    console.log(`seeded ${describeDatabase(env)}: ${n.incidents} incidents, ${n.sources} sources, ${n.perpetrators} groups, ${n.projects} projects, ${n.reportedFigures} reported figures in ${Math.round(performance.now() - t0)} ms`);
  } finally {
    await database.close();
  }
}

main().catch((e) => {
  console.error(`seed failed: ${(e as Error).message}`);
  process.exit(1);
});
