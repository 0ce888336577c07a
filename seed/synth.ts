// npm run db:synth -- --incidents <N> [--database-url <url> | --postgres [server-url] | --pglite-dir <dir>] [--seed <n>] [--replace]
// Fills a separate database with N synthetic incidents for benchmarks. Without a target
// option: PGlite at .data/synth-<N>. --postgres: database corridor_watch_synth_<N> on the
// server (default the local one). The command refuses any database holding real incidents.
import { parseArgs } from "node:util";
import { RealDataError } from "../lib/write/synth/load.ts";
import { synthesize } from "../lib/write/synth/synthesize.ts";
import { DEFAULT_POSTGRES_SERVER, parseScale, synthDatabaseName, synthPgliteDir, withDatabase, type TargetSpec } from "../lib/write/synth/target.ts";

const USAGE = "usage: npm run db:synth -- --incidents <N, e.g. 100k> [--database-url <url> | --postgres [server-url] | --pglite-dir <dir>] [--seed <n>] [--batch <rows>] [--replace]";

async function main() {
  const { values } = parseArgs({
    options: {
      incidents: { type: "string" }, "database-url": { type: "string" }, postgres: { type: "boolean" }, server: { type: "string" },
      "pglite-dir": { type: "string" }, seed: { type: "string" }, batch: { type: "string" }, replace: { type: "boolean" }, help: { type: "boolean" },
    },
    allowPositionals: false,
  });
  if (values.help || !values.incidents) { console.log(USAGE); process.exit(values.help ? 0 : 2); }
  const incidents = parseScale(values.incidents);
  const spec: TargetSpec = values["database-url"]
    ? { kind: "postgres", url: values["database-url"] }
    : values.postgres || values.server
      ? { kind: "postgres", url: withDatabase(values.server ?? DEFAULT_POSTGRES_SERVER, synthDatabaseName(incidents)) }
      : { kind: "pglite", dir: values["pglite-dir"] ?? synthPgliteDir(incidents) };
  const seed = values.seed ? Number(values.seed) : 1;
  if (!Number.isInteger(seed)) throw new Error("--seed must be an integer");
  const r = await synthesize(spec, { incidents, seed, batchSize: values.batch ? Number(values.batch) : undefined, replace: values.replace, log: console.log });
  if (r.reused) console.log(`[${r.label}] already holds this synthetic set (${incidents.toLocaleString("en")} incidents, seed ${seed}); nothing to do (--replace rebuilds it)`);
  else console.log(`[${r.label}] ${r.incidents.toLocaleString("en")} synthetic incidents, ${r.attributions.toLocaleString("en")} attributions, ${r.casualties.toLocaleString("en")} casualty claims, ${r.incidentSources.toLocaleString("en")} incident sources in ${r.seconds.toFixed(1)} s (${Math.round(r.incidents / r.seconds).toLocaleString("en")} incidents/s${r.phases ? `; insert ${r.phases.insert.toFixed(1)} s, indexes ${r.phases.indexes.toFixed(1)} s, analyze ${r.phases.analyze.toFixed(1)} s` : ""})`);
  if (spec.kind === "postgres") console.log(`use it: DATABASE_URL=${spec.url}`);
  else console.log(`use it: DATABASE_URL= PGLITE_DIR=${spec.dir}`);
}

try {
  await main();
} catch (e) {
  console.error(e instanceof RealDataError ? `refused: ${e.message}` : `db:synth failed: ${(e as Error).stack ?? e}`);
  process.exit(1);
}
// The WASM schema engine leaves a timer pending after migrating.
process.exit(0);
