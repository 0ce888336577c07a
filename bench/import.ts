// npx tsx bench/import.ts [--rows 100k] [--backends postgres,pglite] [--server postgresql://postgres@127.0.0.1:5432/] [--json out.json]
// The db:import benchmark line: writes a CSV of N synthetic rows in the export's shape (ids
// `...-synthetic-import-<n>`, URLs on synthetic.invalid, summaries "Synthetic incident"), runs
// `db:import` on it as a user does (its own process, under /usr/bin/time for the peak RSS)
// into a freshly migrated database of its own (PostgreSQL corridor_watch_bench_import, PGlite
// .data/bench-import), and sets the time beside the physical limit: COPY of the same file into
// a table of text columns on the same database (moving the bytes in, no checks, no claims).
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { spawn } from "node:child_process";
import { createReadStream, createWriteStream, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { once } from "node:events";
import { cpus, loadavg, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { csvDocument, csvRow } from "../lib/csv.ts";
import { REQUIRED_COLUMNS } from "../lib/records/import-rows.ts";
import { applyMigrations, pgliteFactory, postgresFactory } from "../lib/write/migrations.ts";
import { realVocabularies } from "../lib/write/synth/synthesize.ts";
import { DEFAULT_POSTGRES_SERVER, parseScale, withDatabase } from "../lib/write/synth/target.ts";
import { PROVINCES, ATTACK_TYPES } from "../lib/vocab.ts";

const ROOT = resolve(import.meta.dirname, "..");
// A capped heap makes V8 collect instead of growing, so the peak RSS is what the import needs
// rather than what V8 allows itself (`npm run db:import` runs uncapped; the streaming writer
// holds ~100 MB of heap at most, so the cap changes the figure, not the outcome).
const IMPORT_NODE_FLAGS = ["--max-old-space-size=256"];
export const IMPORT_TARGETS = { seconds: 60, rssMb: 400 };

export type ImportBenchRow = {
  backend: "postgres" | "pglite"; rows: number; seconds: number; rowsPerSecond: number; peakRssMb: number;
  copySeconds: number; copyRowsPerSecond: number; ok: boolean; output: string;
};

/** A deterministic synthetic import file; every fact in it is invented and marked so. */
function writeFile(path: string, n: number): Promise<void> {
  const { perpetrators, projects } = realVocabularies();
  const provinces = Object.keys(PROVINCES), types = Object.keys(ATTACK_TYPES);
  const out = createWriteStream(path);
  return (async () => {
    out.write(csvDocument(REQUIRED_COLUMNS, []));
    let buf = "";
    for (let k = 0; k < n; k++) {
      const year = 2004 + (k % 22), month = 1 + (k % 12), day = 1 + (k % 28);
      const date = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
      const g = perpetrators[k % perpetrators.length].id;
      const killed = k % 13 === 0 ? null : k % 7;
      const chinese = killed === null ? null : Math.min(killed, k % 3);
      const values: Record<(typeof REQUIRED_COLUMNS)[number], string | number | null> = {
        id: `${date}-synthetic-import-${k}`, date, date_precision: "day", province: provinces[k % provinces.length], district: null, city: k % 2 ? "Synthetic Town" : null,
        attack_type: types[k % types.length], target: `Synthetic target ${k}`, project: k % 5 === 0 ? projects[k % projects.length].id : null,
        perpetrators: k % 4 === 0 ? null : g, attribution: k % 4 === 0 ? null : `${g}:${k % 3 ? "claimed" : "suspected"}`,
        chinese_killed: chinese, chinese_injured: k % 5 === 0 ? null : k % 2, total_killed: killed, total_injured: k % 5 === 0 ? null : (k % 9) + (k % 2), attackers_killed: k % 6 === 0 ? 1 : null,
        summary: `Synthetic incident ${k} for the import benchmark; not a real event.`,
        source_urls: `https://synthetic.invalid/import/${k}; https://synthetic.invalid/import-pool/${k % 500}`,
      };
      buf += csvRow(REQUIRED_COLUMNS.map((c) => values[c]));
      if (buf.length > 1 << 20) { if (!out.write(buf)) await once(out, "drain"); buf = ""; }
    }
    out.end(buf);
    await once(out, "finish");
  })();
}

async function seedVocabularies(exec: (sql: string, params?: unknown[]) => Promise<unknown>) {
  const { perpetrators, projects } = realVocabularies();
  await exec(`INSERT INTO "Perpetrator" ("id", "name", "shortName", "aliases", "kind") SELECT id, name, short, '{}', kind FROM unnest($1::text[], $2::text[], $3::text[], $4::"PerpetratorKind"[]) AS p(id, name, short, kind)`,
    [perpetrators.map((p) => p.id), perpetrators.map((p) => p.name), perpetrators.map((p) => p.shortName), perpetrators.map((p) => p.kind)]);
  await exec(`INSERT INTO "Project" ("id", "name", "sector") SELECT * FROM unnest($1::text[], $2::text[], $3::"ProjectSector"[])`,
    [projects.map((p) => p.id), projects.map((p) => p.name), projects.map((p) => p.sector)]);
}

const STAGING = `CREATE TABLE IF NOT EXISTS bench_import_copy (${REQUIRED_COLUMNS.map((c) => `"${c}" text`).join(", ")}); TRUNCATE bench_import_copy`;

/** Runs db:import on the file; wall time and the peak RSS GNU time reports. */
async function runImport(file: string, env: Record<string, string>): Promise<{ seconds: number; peakRssMb: number; ok: boolean; output: string }> {
  const t = performance.now();
  const proc = spawn("/usr/bin/time", ["-v", process.execPath, ...IMPORT_NODE_FLAGS, "--import", "tsx", join(ROOT, "seed", "import.ts"), file], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  proc.stdout.on("data", (d) => { out += d; }); proc.stderr.on("data", (d) => { out += d; });
  const [code] = await once(proc, "exit") as [number];
  const seconds = (performance.now() - t) / 1000;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(out);
  return { seconds, peakRssMb: rss ? Number(rss[1]) / 1024 : NaN, ok: code === 0, output: out.split("\n").filter((l) => l && !/^\s/.test(l) && !l.startsWith("Command being timed")).slice(0, 5).join(" | ") };
}

export async function benchImport(o: { rows: number; backends: ("postgres" | "pglite")[]; server?: string; log?: (s: string) => void }): Promise<ImportBenchRow[]> {
  const log = o.log ?? console.log;
  const dir = resolve(ROOT, ".data", "bench-import-files");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `import-${o.rows}.csv`);
  log(`writing ${o.rows.toLocaleString("en")} synthetic rows to ${file}`);
  await writeFile(file, o.rows);
  log(`${(statSync(file).size / 2 ** 20).toFixed(1)} MB`);
  const results: ImportBenchRow[] = [];
  for (const backend of o.backends) {
    let copySeconds: number, run;
    if (backend === "postgres") {
      const server = o.server ?? DEFAULT_POSTGRES_SERVER;
      const admin = new pg.Client({ connectionString: withDatabase(server, "postgres") });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS corridor_watch_bench_import WITH (FORCE)`);
      await admin.query(`CREATE DATABASE corridor_watch_bench_import`);
      await admin.end();
      const url = withDatabase(server, "corridor_watch_bench_import");
      const pool = new pg.Pool({ connectionString: url, max: 2 });
      try { await applyMigrations(postgresFactory(pool)); } finally { await pool.end(); }
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        await seedVocabularies((s, p) => c.query(s, p));
        await c.query(STAGING);
        const t = performance.now();
        await pipeline(createReadStream(file), c.query(copyFrom(`COPY bench_import_copy FROM STDIN WITH (FORMAT csv, HEADER true)`)));
        copySeconds = (performance.now() - t) / 1000;
        await c.query(`DROP TABLE bench_import_copy`);
      } finally { await c.end(); }
      log(`postgres: db:import`);
      run = await runImport(file, { DATABASE_URL: url });
    } else {
      const pdir = resolve(ROOT, ".data", "bench-import");
      rmSync(pdir, { recursive: true, force: true });
      mkdirSync(pdir, { recursive: true });
      const db = new PGlite(pdir);
      try {
        await applyMigrations(pgliteFactory(db));
        await db.refreshArrayTypes(); // else enum arrays of the fresh schema go as plain strings
        await seedVocabularies((s, p) => db.query(s, p));
        await db.exec(STAGING);
        const t = performance.now();
        await db.query(`COPY bench_import_copy FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`, [], { blob: new Blob([readFileSync(file)]) });
        copySeconds = (performance.now() - t) / 1000;
        await db.exec(`DROP TABLE bench_import_copy`);
      } finally { await db.close(); }
      log(`pglite: db:import`);
      run = await runImport(file, { DATABASE_URL: "", PGLITE_DIR: pdir });
    }
    const row = {
      backend, rows: o.rows, copySeconds, ...run, rowsPerSecond: o.rows / run.seconds, copyRowsPerSecond: o.rows / copySeconds,
      ok: run.ok && run.seconds <= IMPORT_TARGETS.seconds && run.peakRssMb < IMPORT_TARGETS.rssMb,
    };
    const rate = (n: number) => `${Math.round(n).toLocaleString("en")} rows/s`;
    log(`${backend}: ${o.rows.toLocaleString("en")} rows in ${run.seconds.toFixed(1)} s, ${rate(row.rowsPerSecond)}, peak RSS ${run.peakRssMb.toFixed(0)} MB`
      + ` (physical limit, COPY of the same file into text columns: ${copySeconds.toFixed(2)} s, ${rate(row.copyRowsPerSecond)}; import / COPY time ${(run.seconds / copySeconds).toFixed(0)}x);`
      + ` target <= ${IMPORT_TARGETS.seconds} s and < ${IMPORT_TARGETS.rssMb} MB: ${row.ok ? "met" : "NOT met"}${run.ok ? "" : ` (import failed: ${run.output})`}`);
    results.push(row);
  }
  return results;
}

if (import.meta.filename === resolve(process.argv[1] ?? "")) {
  const { values } = parseArgs({ options: { rows: { type: "string" }, backends: { type: "string" }, server: { type: "string" }, json: { type: "string" } } });
  const rows = parseScale(values.rows ?? "100k");
  const backends = (values.backends ?? "postgres,pglite").split(",").map((s) => s.trim()) as ("postgres" | "pglite")[];
  const results = await benchImport({ rows, backends, server: values.server });
  if (values.json) writeFileSync(values.json, JSON.stringify({ targets: IMPORT_TARGETS, machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), loadAverage: loadavg(), node: process.version }, results }, null, 2));
  process.exit(results.every((r) => r.ok) ? 0 : 1);
}
