// npx tsx bench/http-load.ts [--url postgresql://...synth_100k] [--port 3267] [--seconds 10] [--connections 20]
// The cached-path load line for issue 15: `next start` on a synthetic database, each URL
// warmed once, then autocannon with 20 connections per URL. Reports req/s, p50/p99 and errors
// beside the targets (/ and /incidents >= 400 req/s with p99 < 250 ms, /api/incidents >= 800 req/s).
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { SERVER_NODE_FLAGS } from "./server-flags.ts";

const ROOT = resolve(import.meta.dirname, "..");
const { values } = parseArgs({ options: { url: { type: "string" }, port: { type: "string" }, seconds: { type: "string" }, connections: { type: "string" } } });
const url = values.url ?? "postgresql://postgres@127.0.0.1:5432/corridor_watch_synth_100k";
const port = Number(values.port ?? 3267), seconds = Number(values.seconds ?? 10), connections = Number(values.connections ?? 20);
const TARGETS: Record<string, { rps: number; p99?: number }> = { "/": { rps: 400, p99: 250 }, "/incidents": { rps: 400, p99: 250 }, "/api/incidents": { rps: 800 } };

const proc = spawn(process.execPath, [...SERVER_NODE_FLAGS, "node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
  cwd: ROOT, env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: url }, stdio: ["ignore", "pipe", "pipe"],
});
let out = ""; proc.stdout.on("data", (d) => (out += d)); proc.stderr.on("data", (d) => (out += d));
const base = `http://127.0.0.1:${port}`;
try {
  for (let k = 0; ; k++) {
    try { await fetch(`${base}/api/health`); break; } catch { if (k > 200) throw new Error(`server did not start:\n${out}`); await new Promise((r) => setTimeout(r, 300)); }
  }
  const { default: autocannon } = await import("autocannon");
  for (const path of Object.keys(TARGETS)) {
    const t = performance.now(); const warm = await fetch(base + path); await warm.text();
    const cold = performance.now() - t;
    const r = await autocannon({ url: base + path, connections, duration: seconds });
    const target = TARGETS[path];
    const errors = r.errors + r.timeouts + r.non2xx;
    const ok = r.requests.average >= target.rps && (target.p99 === undefined || r.latency.p99 < target.p99) && errors === 0;
    console.log(`${path}: ${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${errors} errors (first render ${Math.round(cold)} ms; cache ${warm.headers.get("x-corridor-watch-cache")}); target >= ${target.rps} req/s${target.p99 ? `, p99 < ${target.p99} ms` : ""}: ${ok ? "met" : "NOT met"}`);
  }
  // Last, warm: the floor. /api/health goes through the same proxy and handler machinery with no data and no version read.
  const floor = await autocannon({ url: `${base}/api/health`, connections, duration: seconds });
  console.log(`/api/health (the framework's floor): ${Math.round(floor.requests.average)} req/s, p50 ${floor.latency.p50} ms, p99 ${floor.latency.p99} ms`);
} finally { proc.kill("SIGTERM"); }
