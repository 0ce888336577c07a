// `npm run db:import -- <file.csv|file.json>`: see lib/write/import-incidents.ts and the README.
// The file is read as a stream (checked and written a batch at a time), so its size is not
// bounded by memory.
import { createReadStream } from "node:fs";
import { access } from "node:fs/promises";
import { basename, extname } from "node:path";
import { describeDatabase, readEnv } from "../lib/server/env.ts";
import { openDatabase } from "../lib/server/prisma-factory.ts";
import { importIncidentBatches } from "../lib/write/import-incidents.ts";
import { ImportError, readImportBatches } from "../lib/records/import-rows.ts";

async function main(file: string | undefined) {
  if (!file) throw new Error("usage: npm run db:import -- <file.csv|file.json>");
  const ext = extname(file).toLowerCase();
  if (ext !== ".csv" && ext !== ".json") throw new Error(`${file}: expected a .csv or .json file`);
  await access(file); // a missing file is reported before the database is opened
  const batches = readImportBatches(createReadStream(file, { highWaterMark: 1 << 20 }), ext === ".csv" ? "csv" : "json");
  const database = openDatabase();
  try {
    const s = await importIncidentBatches(database.prisma, batches, basename(file));
    console.log(`imported ${basename(file)} into ${describeDatabase(readEnv())}: ${s.created.length} created, ${s.updated.length} updated, ${s.unchanged.length} unchanged (descriptive fields refreshed)`);
  } finally {
    await database.close();
  }
}

/** SQLSTATE 42501 wherever Prisma or the driver put it: the role may not write. */
function permissionDenied(e: unknown, depth = 0): string | null {
  if (!e || typeof e !== "object" || depth > 5) return null;
  const x = e as { code?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
  if (x.code === "42501" || x.originalCode === "42501") return typeof x.message === "string" ? x.message : "permission denied";
  const m = typeof x.message === "string" ? /permission denied for [\w ]+"?\w+"?/.exec(x.message) : null;
  if (m) return m[0];
  return permissionDenied(x.meta?.driverAdapterError, depth + 1) ?? permissionDenied(x.cause, depth + 1);
}

main(process.argv[2]).catch((e) => {
  const denied = permissionDenied(e);
  // Prisma's own message carries a code frame and the query; a person needs the cause and the remedy.
  if (denied) console.error(`import failed: ${denied}. This database role may only read; run imports as the writer role (README, "Least privilege"). Nothing was written.`);
  else console.error(e instanceof ImportError ? e.message : `import failed: ${(e as Error).message}`);
  process.exit(1);
});
