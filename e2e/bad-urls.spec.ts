// Hostile URLs against the production server: generated query strings (and path segments
// for the two dynamic routes) spread evenly over every page and API route. Whatever the
// input, the answer is never a 5xx: a page shows a valid view (or 404 / 400), the API
// answers with data or a 400 whose problems name a real parameter, and no body carries a
// stack trace or a connection string.
//
// Size: FUZZ_REQUESTS generated requests (default 1,000: 112 per route) plus the 43 fixed
// cases on every route, ~1,400 in all: ~50 s on a busy 2-core machine with 4 in flight,
// bounded by FUZZ_SECONDS (default 150).
// FUZZ_SEED replays a run; the seed is printed with any failure.
import http from "node:http";
import fc from "fast-check";
import { expect, test } from "@playwright/test";
import { loadDataset } from "../lib/records/load.ts";
import { FILTER_PARAMS, FIXED_QUERIES, badQuery, badSegment } from "../lib/testing/bad-queries.ts";

const TOTAL = Number(process.env.FUZZ_REQUESTS ?? 1_000);
const SECONDS = Number(process.env.FUZZ_SECONDS ?? 150);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const CONCURRENCY = 4;

const dataset = loadDataset();
const ids = dataset.incidents.map((i) => i.id).slice(0, 5);
const slugs = dataset.perpetrators.map((g) => g.id).slice(0, 5);

type Route = { name: string; api?: "json" | "csv"; path: fc.Arbitrary<string> };
const fixed = (p: string) => fc.constant(p);
const ROUTES: Route[] = [
  { name: "/", path: fixed("/") },
  { name: "/incidents", path: fixed("/incidents") },
  { name: "/incidents/[id]", path: badSegment(ids).map((s) => `/incidents/${s}`) },
  { name: "/groups", path: fixed("/groups") },
  { name: "/groups/[slug]", path: badSegment(slugs).map((s) => `/groups/${s}`) },
  { name: "/projects", path: fixed("/projects") },
  { name: "/methodology", path: fixed("/methodology") },
  { name: "/api/incidents", api: "json", path: fixed("/api/incidents") },
  { name: "/api/incidents.csv", api: "csv", path: fixed("/api/incidents.csv") },
];

type Answer = { status: number; type: string; body: string };

function get(base: URL, path: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    // node:http sends the path byte for byte; fetch or a URL object would normalise it.
    const req = http.request({ host: base.hostname, port: base.port, path, method: "GET", headers: { accept: "text/html,application/json" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"] ?? ""), body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject); // a stream cut off mid-body (a query failing after the headers) lands here
    });
    req.setTimeout(30_000, () => req.destroy(new Error("timed out after 30 s")));
    req.on("error", (e: NodeJS.ErrnoException) => {
      // Node's HTTP server answers a request line over its 16 KB header limit with 431 and
      // closes at once; the client may see the reset before it reads the status.
      if (e.code === "ECONNRESET" && path.length > 16_000) resolve({ status: 431, type: "", body: "" });
      else reject(e);
    });
    req.end();
  });
}

const LEAK = /\bat [\w.<>]+ \(|node_modules|\.next\/server|postgres(ql)?:\/\/|PrismaClient|Invalid `prisma/;

function problemsWith(route: Route, path: string, a: Answer): string[] {
  const out: string[] = [];
  const where = `${route.name} ${path.slice(0, 160)}${path.length > 160 ? "…" : ""}`;
  if (a.status >= 500) out.push(`${a.status} for ${where}`);
  if (LEAK.test(a.body)) out.push(`internal detail in the body of ${where}: ${LEAK.exec(a.body)![0]}`);
  if (route.api && a.status === 400) {
    try {
      const json = JSON.parse(a.body) as { error?: string; problems?: { param: string }[] };
      if (json.error === "invalid query") {
        if (!json.problems?.length || !json.problems.every((p) => (FILTER_PARAMS as readonly string[]).includes(p.param))) out.push(`400 without named parameters for ${where}: ${a.body.slice(0, 200)}`);
      } else if (json.error !== "invalid path") out.push(`400 of an unknown kind for ${where}: ${a.body.slice(0, 200)}`);
    } catch { out.push(`400 that is not JSON for ${where}: ${a.body.slice(0, 200)}`); }
  }
  if (route.api === "json" && a.status === 200 && typeof (JSON.parse(a.body) as { total?: unknown }).total !== "number") out.push(`200 without a total for ${where}`);
  if (route.api === "csv" && a.status === 200 && !a.type.startsWith("text/csv")) out.push(`200 that is not CSV for ${where}`);
  // 308: Next normalises dot segments (/incidents/. -> /incidents).
  if (!route.api && ![200, 308, 400, 404, 414, 431].includes(a.status)) out.push(`unexpected ${a.status} for ${where}`);
  return out;
}

test("no query string or path segment makes any page or API route fail", async ({ baseURL }) => {
  test.setTimeout((SECONDS + 60) * 1000);
  const base = new URL(baseURL!);
  const perRoute = Math.ceil(TOTAL / ROUTES.length);
  const perRouteJobs = ROUTES.map((route, n) => {
    const paths = fc.sample(route.path, { numRuns: FIXED_QUERIES.length + perRoute, seed: SEED + n });
    const queries = [...FIXED_QUERIES, ...fc.sample(badQuery, { numRuns: perRoute, seed: SEED + 100 + n })];
    return queries.map((q, i) => ({ route, path: `${paths[i]}${q ? `?${q}` : ""}` }));
  });
  // Round-robin over the routes, so a time-bounded run still covers all of them evenly.
  const jobs = perRouteJobs[0].flatMap((_, i) => perRouteJobs.map((list) => list[i]));
  const deadline = Date.now() + SECONDS * 1000;
  const failures: string[] = [];
  const perRouteSent = new Map<string, number>();
  let next = 0;
  const started = Date.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < jobs.length && Date.now() < deadline && failures.length < 50) {
      const job = jobs[next++];
      try {
        failures.push(...problemsWith(job.route, job.path, await get(base, job.path)));
      } catch (e) {
        failures.push(`${(e as Error).message} for ${job.route.name} ${job.path.slice(0, 160)}`);
      }
      perRouteSent.set(job.route.name, (perRouteSent.get(job.route.name) ?? 0) + 1);
    }
  }));
  const sent = [...perRouteSent.values()].reduce((a, b) => a + b, 0);
  console.log(`bad URLs: ${sent} requests in ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${SEED}): ${[...perRouteSent].map(([r, n]) => `${r} ${n}`).join(", ")}`);
  expect(failures, `FUZZ_SEED=${SEED} reproduces this run`).toEqual([]);
  expect(sent, `only ${sent} requests fitted in ${SECONDS} s`).toBeGreaterThanOrEqual(Math.min(1_000, jobs.length));
  for (const route of ROUTES) expect(perRouteSent.get(route.name), route.name).toBeGreaterThanOrEqual(100);
});
