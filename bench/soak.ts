// Load and soak: N concurrent clients (default 20) for a duration (default 300 s) against
// the main pages, the JSON API and the CSV export, on the production build. Passes when no
// request failed and the server's memory at the end is within 20% of where it settled after
// warm-up. Prints its figures either way; exits 1 on failure.
//
//   npm run soak                         # 20 clients x 300 s, server on DATABASE_URL or PGLITE_DIR
//   npm run soak:short                   # CI: 20 clients x 20 s on a freshly seeded PGlite
//   npm run db:synth -- --incidents 100k --postgres
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/corridor_watch_synth_100k npm run soak
//
// Options: --clients N, --seconds S, --warmup S (default 10% of the run, at least 5 s),
// --port P (default 3550), --fresh-seed (migrate and seed the PGlite directory first),
// --pglite-dir DIR, --max-growth 0.2. Needs `next build` first. Talks to 127.0.0.1 only.
import { execFileSync, spawn } from "node:child_process";
import { readFileSync, readdirSync, rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { SERVER_NODE_FLAGS } from "./server-flags.ts";

const { values: opts } = parseArgs({
  options: {
    clients: { type: "string", default: "20" }, seconds: { type: "string", default: "300" }, warmup: { type: "string" },
    port: { type: "string", default: "3550" }, "fresh-seed": { type: "boolean", default: false }, "pglite-dir": { type: "string" },
    "max-growth": { type: "string", default: "0.2" },
  },
});
const CLIENTS = Number(opts.clients);
const SECONDS = Number(opts.seconds);
const WARMUP = Number(opts.warmup ?? Math.max(5, Math.round(SECONDS / 10)));
const MAX_GROWTH = Number(opts["max-growth"]);
const BASE = `http://127.0.0.1:${opts.port}`;
const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
if (opts["pglite-dir"]) { env.PGLITE_DIR = opts["pglite-dir"]; env.DATABASE_URL = ""; }

if (opts["fresh-seed"]) {
  if (env.DATABASE_URL) throw new Error("--fresh-seed is for the embedded database; unset DATABASE_URL or pass --pglite-dir");
  rmSync(env.PGLITE_DIR ?? ".data/pglite", { recursive: true, force: true });
  for (const args of [["prisma/migrate.ts", "deploy"], ["seed/run.ts"]]) execFileSync("node_modules/.bin/tsx", args, { env, stdio: "inherit", timeout: 180_000 });
}

// --- the server, and its memory ----------------------------------------------------------
const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, "node_modules/next/dist/bin/next", "start", "-p", String(opts.port), "-H", "127.0.0.1"], { env, stdio: ["ignore", "pipe", "pipe"] });
let serverLog = "";
server.stdout!.on("data", (d) => (serverLog += d));
server.stderr!.on("data", (d) => (serverLog += d));

/** Resident memory of the server and any process it started, in MB. */
function rssMb(pid: number): number {
  let kb = 0;
  const walk = (p: number) => {
    try { kb += Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0); } catch { return; }
    for (const task of readdirSync(`/proc/${p}/task`)) {
      let children = "";
      try { children = readFileSync(`/proc/${p}/task/${task}/children`, "utf8"); } catch { /* gone */ }
      for (const c of children.trim().split(/\s+/).filter(Boolean)) walk(Number(c));
    }
  };
  walk(pid);
  return kb / 1024;
}

// --- the request mix ---------------------------------------------------------------------
const PROVINCES = ["balochistan", "sindh", "khyber_pakhtunkhwa", "punjab"];
const pick = <T>(a: readonly T[]) => a[Math.floor(Math.random() * a.length)];
const year = () => 2004 + Math.floor(Math.random() * 21);
let fullExportRunning = false;

type Kind = "/" | "/incidents" | "/api/incidents" | "csv (filtered)" | "csv (all)";
function nextRequest(): { kind: Kind; path: string } {
  const r = Math.random();
  if (r < 0.25) return { kind: "/", path: pick(["/", `/?province=${pick(PROVINCES)}`, `/?from=${year()}`]) };
  if (r < 0.55) return { kind: "/incidents", path: `/incidents?page=${1 + Math.floor(Math.random() * 40)}&sort=${pick(["date", "chinese_killed", "province"])}&dir=${pick(["asc", "desc"])}` };
  if (r < 0.8) return { kind: "/api/incidents", path: `/api/incidents?province=${pick(PROVINCES)}&page=${1 + Math.floor(Math.random() * 20)}&pageSize=100` };
  // Every CSV request is bounded (one province, one year) but for an occasional full export,
  // one at a time, which is what exposes a stream that holds rows in memory.
  if (!fullExportRunning && r > 0.995) return { kind: "csv (all)", path: "/api/incidents.csv?links=all" };
  const y = year();
  return { kind: "csv (filtered)", path: `/api/incidents.csv?province=${pick(PROVINCES)}&from=${y}&to=${y}` };
}

const latencies = new Map<Kind, number[]>();
const errors: string[] = [];
let requests = 0;

async function hit(kind: Kind, path: string) {
  const t0 = performance.now();
  if (kind === "csv (all)") fullExportRunning = true;
  try {
    const res = await fetch(BASE + path, { signal: AbortSignal.timeout(kind === "csv (all)" ? 600_000 : 60_000) });
    await res.arrayBuffer(); // to the last byte: a stream that fails half-way is an error too
    if (res.status >= 400) errors.push(`${res.status} ${path}`);
  } catch (e) {
    errors.push(`${(e as Error).message} ${path}`);
  } finally {
    if (kind === "csv (all)") fullExportRunning = false;
  }
  requests++;
  const list = latencies.get(kind) ?? [];
  list.push(performance.now() - t0);
  latencies.set(kind, list);
}

const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN; };
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

async function main() {
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited:\n${serverLog}`);
    try { if ((await fetch(`${BASE}/icon.svg`)).ok) break; } catch { /* starting */ }
    if (Date.now() > deadline) throw new Error(`the server did not start in 90 s:\n${serverLog}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const pid = server.pid!;
  console.log(`soak: ${CLIENTS} clients x ${SECONDS} s (warm-up ${WARMUP} s) against ${BASE} on ${env.DATABASE_URL ? "PostgreSQL" : `PGlite ${env.PGLITE_DIR ?? ".data/pglite"}`}; server RSS at start ${rssMb(pid).toFixed(0)} MB`);

  const samples: { t: number; mb: number }[] = [];
  const start = Date.now();
  const sampler = setInterval(() => samples.push({ t: (Date.now() - start) / 1000, mb: rssMb(pid) }), 500);
  const end = start + SECONDS * 1000;
  let lastReport = start;
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    while (Date.now() < end) {
      const { kind, path } = nextRequest();
      await hit(kind, path);
      if (Date.now() - lastReport > 30_000) {
        lastReport = Date.now();
        console.log(`  ${Math.round((Date.now() - start) / 1000)} s: ${requests} requests, ${errors.length} errors, RSS ${samples.at(-1)?.mb.toFixed(0)} MB`);
      }
    }
  }));
  clearInterval(sampler);
  const elapsed = (Date.now() - start) / 1000;

  // "Settled": the mean over the 5 s after warm-up; "end": the mean over the last 5 s of load.
  const settled = mean(samples.filter((s) => s.t >= WARMUP && s.t < WARMUP + 5).map((s) => s.mb));
  const atEnd = mean(samples.filter((s) => s.t >= elapsed - 5).map((s) => s.mb));
  const peak = Math.max(...samples.map((s) => s.mb));
  const growth = (atEnd - settled) / settled;
  const all = [...latencies.values()].flat();

  console.log(`\n${"endpoint".padEnd(18)}${"requests".padStart(10)}${"p50 ms".padStart(10)}${"p99 ms".padStart(10)}`);
  for (const [kind, xs] of [...latencies].sort()) console.log(`${kind.padEnd(18)}${String(xs.length).padStart(10)}${pct(xs, 50).toFixed(0).padStart(10)}${pct(xs, 99).toFixed(0).padStart(10)}`);
  console.log(`${"all".padEnd(18)}${String(all.length).padStart(10)}${pct(all, 50).toFixed(0).padStart(10)}${pct(all, 99).toFixed(0).padStart(10)}`);
  console.log(`\nrequests ${requests} in ${elapsed.toFixed(0)} s (${(requests / elapsed).toFixed(1)}/s), errors ${errors.length}`);
  console.log(`server RSS: settled after warm-up ${settled.toFixed(0)} MB, at end ${atEnd.toFixed(0)} MB (${growth >= 0 ? "+" : ""}${(growth * 100).toFixed(1)}%), peak ${peak.toFixed(0)} MB`);
  for (const e of errors.slice(0, 10)) console.log(`  error: ${e}`);

  const failures = [
    ...(errors.length ? [`${errors.length} requests failed`] : []),
    ...(!(growth <= MAX_GROWTH) ? [`memory grew ${(growth * 100).toFixed(1)}% (limit ${MAX_GROWTH * 100}%)`] : []),
    ...(requests < CLIENTS ? ["almost no requests completed"] : []),
  ];
  console.log(failures.length ? `FAIL: ${failures.join("; ")}` : "PASS: zero errors, memory within limit");
  return failures.length ? 1 : 0;
}

let code = 1;
try { code = await main(); } catch (e) { console.error(`soak failed: ${(e as Error).message}`); }
server.kill("SIGTERM");
process.exit(code);
