// `npm run db:import -- <file.csv|file.json>`: see lib/data/import-incidents.ts and the README.
import { readFileSync } from "node:fs";
import { basename, extname } from "node:path";
import { describeDatabase, readEnv } from "../lib/env.ts";
import { openDatabase } from "../lib/prisma-factory.ts";
import { importIncidents } from "../lib/data/import-incidents.ts";
import { ImportError, readImportFile } from "../lib/import/incident-rows.ts";

async function main(file: string | undefined) {
  if (!file) throw new Error("usage: npm run db:import -- <file.csv|file.json>");
  const ext = extname(file).toLowerCase();
  if (ext !== ".csv" && ext !== ".json") throw new Error(`${file}: expected a .csv or .json file`);
  const rows = readImportFile(new Uint8Array(readFileSync(file)), ext === ".csv" ? "csv" : "json");
  const database = openDatabase();
  try {
    const s = await importIncidents(database.prisma, rows, basename(file));
    console.log(`imported ${basename(file)} into ${describeDatabase(readEnv())}: ${s.created.length} created, ${s.updated.length} updated, ${s.unchanged.length} unchanged (descriptive fields refreshed)`);
  } finally {
    await database.close();
  }
}

main(process.argv[2]).catch((e) => {
  console.error(e instanceof ImportError ? e.message : `import failed: ${(e as Error).message}`);
  process.exit(1);
});
