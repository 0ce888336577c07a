// HTTP caching keyed on the data version, run from proxy.ts before Next renders anything.
//
// - ETag = hash(data version, build id, path, canonical query). A request whose If-None-Match
//   matches gets 304 after one primary-key read: nothing is rendered.
// - Cache-Control lets a shared cache (CDN) keep anonymous GETs a few seconds and serve them
//   stale while it revalidates; a request carrying a session cookie (a signed-in editor)
//   bypasses this cache and gets `private, no-store`.
// - Rendered HTML and JSON are kept per (version, canonical URL) in a bounded in-process cache,
//   so a repeat view is a lookup. A page embeds its CSP nonce in every <script nonce="...">: the
//   cached copy keeps a placeholder where the nonce was, and each response gets a fresh nonce
//   in both the HTML and the Content-Security-Policy header. No two responses share a nonce.
//
// Correct across instances: each instance reads the version from the database on every
// request, and a write bumps it in the writer's transaction, so the first request that can
// see the new rows misses every cache keyed on the old version.
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
// Types only: the proxy's bundle must not load the database drivers; it uses the handle instrumentation opened.
import type { Database } from "./prisma-factory.ts";
import { SERVER_DB_KEY } from "./db-key.ts";
import { readEnv } from "./env.ts";

export const SESSION_COOKIES = ["better-auth.session_token", "__Secure-better-auth.session_token"];
const SHARED_CACHE_CONTROL = "public, max-age=0, s-maxage=10, stale-while-revalidate=60";
const PRIVATE_CACHE_CONTROL = "private, no-store";
// A client-side navigation asks for the same URL with these headers and must get the React
// payload, never the HTML: a shared cache has to key on them as Next.js's own answers do.
const VARY = "Cookie, RSC, Next-Router-State-Tree, Next-Router-Prefetch, Next-Router-Segment-Prefetch";
const MAX_ENTRIES = 500;
const MAX_BYTES = 64 * 2 ** 20;
const MAX_ENTRY_BYTES = 4 * 2 ** 20;
/** Marks the proxy's own render request, so it passes straight through to Next. */
export const INTERNAL_HEADER = "x-corridor-watch-render";
const INTERNAL_SECRET = randomBytes(16).toString("hex");
// Headers that belong to one response or one hop, never replayed from the cache.
const DROP = new Set(["content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive", "date", "set-cookie", "etag", "cache-control", "content-security-policy", "vary", "x-nextjs-cache", "x-nextjs-prerender", "x-nextjs-stale-time"]);

/** The body and each header value split where the nonce was (Next.js also puts it in the
 * Link preload header): a response is parts.join(fresh nonce). */
type Entry = { status: number; headers: [string, string[]][]; parts: string[]; bytes: number };
const entries = new Map<string, Entry>();
let bytes = 0;
let newestVersion = -1n;
let dataCacheOn: boolean | null = null;

let buildId: string | null = null;
function currentBuildId(): string {
  if (buildId !== null) return buildId;
  try { buildId = readFileSync(path.join(/*turbopackIgnore: true*/ process.cwd(), process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"), "utf8").trim(); }
  catch { buildId = "dev"; }
  return buildId;
}

async function dataVersion(): Promise<bigint | null> {
  const database = (globalThis as Record<string, unknown>)[SERVER_DB_KEY] as Database | undefined;
  if (!database) return null;
  try {
    const raw = database.rawQuery?.();
    const [row] = raw
      ? (await raw.query<{ version: string }>(`SELECT "version"::text AS "version" FROM "DataVersion" WHERE "id" = 1`)).rows
      : await database.prisma.$queryRaw<{ version: string }[]>`SELECT "version"::text AS "version" FROM "DataVersion" WHERE "id" = 1`;
    return row ? BigInt(row.version) : null;
  } catch { return null; } // unreachable or unmigrated: no caching; the page itself reports the outage
}

/** The query with its parameters in a fixed order: two spellings of one question share an entry. */
export function canonicalQuery(params: URLSearchParams): string {
  const pairs = [...params].sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  return new URLSearchParams(pairs).toString();
}

export const hasSession = (cookieHeader: string | null) => !!cookieHeader && SESSION_COOKIES.some((n) => cookieHeader.split(/;\s*/).some((c) => c.startsWith(`${n}=`)));

/** Paths whose answers are a function of the data and the URL alone. */
function cacheable(request: Request, url: URL): boolean {
  if (request.method !== "GET") return false;
  if (request.headers.get(INTERNAL_HEADER) === INTERNAL_SECRET) return false;
  // Client-side navigations fetch the React payload of the same URL: a different answer.
  if (request.headers.has("rsc") || request.headers.has("next-router-prefetch") || request.headers.has("next-router-state-tree") || url.searchParams.has("_rsc")) return false;
  // The public read views only, by name: editors' pages (/review, /sign-in), auth and write
  // endpoints, the CSV export and the health checks are never stored, whatever they answer.
  return PUBLIC_VIEWS.test(url.pathname);
}
const PUBLIC_VIEWS = /^\/(?:|incidents(?:\/[^/]+)?|groups(?:\/[^/]+)?|projects|methodology|changes|feed\.xml|api\/incidents)$/;

function store(key: string, version: bigint, e: Entry) {
  if (version > newestVersion) { entries.clear(); bytes = 0; newestVersion = version; }
  if (version < newestVersion || e.bytes > MAX_ENTRY_BYTES) return;
  const old = entries.get(key);
  if (old) { bytes -= old.bytes; entries.delete(key); }
  entries.set(key, e); bytes += e.bytes;
  while (entries.size > MAX_ENTRIES || bytes > MAX_BYTES) {
    const [k, v] = entries.entries().next().value!;
    entries.delete(k); bytes -= v.bytes;
  }
}

function respond(e: Entry, nonce: string, policy: string, etag: string): Response {
  const headers = new Headers(e.headers.map(([k, v]) => [k, v.join(nonce)]));
  headers.set("ETag", etag);
  headers.set("Cache-Control", SHARED_CACHE_CONTROL);
  headers.set("Vary", VARY);
  headers.set("Content-Security-Policy", policy);
  headers.set("X-Corridor-Watch-Cache", "hit");
  return new Response(e.parts.join(nonce), { status: e.status, headers });
}

export type CacheDecision =
  | { kind: "pass"; cacheControl?: string } // let Next render; optionally set this Cache-Control on its answer
  | { kind: "response"; response: Response };

/**
 * Answers a request from the HTTP cache when it can (304, or the stored body with a fresh
 * nonce); otherwise renders it once through Next (a request to this same server, marked so
 * the proxy lets it through), stores it and answers. `policy(nonce)` is the CSP for a nonce.
 */
export async function fromHttpCache(request: Request, nonce: string, policy: (nonce: string) => string): Promise<CacheDecision> {
  const url = new URL(request.url);
  if (!cacheable(request, url)) return { kind: "pass" };
  if (hasSession(request.headers.get("cookie"))) return { kind: "pass", cacheControl: PRIVATE_CACHE_CONTROL };
  // DATA_CACHE=off asks for every answer to be computed afresh, and a stored page is an answer
  // too: without this the benchmark's "uncached" views were served from here after the first.
  if (!(dataCacheOn ??= readEnv().dataCache)) return { kind: "pass" };
  const version = await dataVersion();
  if (version === null) return { kind: "pass" };
  const canon = canonicalQuery(url.searchParams);
  const etag = `"cw-${createHash("sha1").update(`${version}\n${currentBuildId()}\n${url.pathname}\n${canon}`).digest("base64url").slice(0, 22)}"`;
  const inm = request.headers.get("if-none-match");
  if (inm && inm.split(/\s*,\s*/).some((t) => t.replace(/^W\//, "") === etag)) {
    return { kind: "response", response: new Response(null, { status: 304, headers: { ETag: etag, "Cache-Control": SHARED_CACHE_CONTROL, Vary: VARY } }) };
  }
  const key = `${version} ${url.pathname}?${canon}`;
  const hit = entries.get(key);
  if (hit) { entries.delete(key); entries.set(key, hit); return { kind: "response", response: respond(hit, nonce, policy(nonce), etag) }; }

  // Render through Next on this very server (loopback; PORT is set by `next start`), with the nonce to embed.
  const port = process.env.PORT || url.port || "3000";
  const headers = new Headers(request.headers);
  headers.delete("if-none-match"); headers.delete("accept-encoding"); headers.delete("cookie");
  headers.set(INTERNAL_HEADER, INTERNAL_SECRET);
  headers.set("x-corridor-watch-nonce", nonce);
  let rendered: Response;
  try { rendered = await fetch(`http://127.0.0.1:${port}${url.pathname}${url.search}`, { headers, redirect: "manual" }); }
  catch { return { kind: "pass" }; }
  const type = rendered.headers.get("content-type") ?? "";
  if (rendered.status !== 200 || !/^(text\/html|application\/json)/.test(type)) {
    // Not a cacheable answer (an error page, a redirect): hand it over as it came, without caching.
    const h = new Headers(rendered.headers);
    for (const d of ["content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive"]) h.delete(d);
    return { kind: "response", response: new Response(rendered.body, { status: rendered.status, headers: h }) };
  }
  const body = await rendered.text();
  const entry: Entry = {
    status: 200, headers: [...rendered.headers].filter(([k]) => !DROP.has(k.toLowerCase())).map(([k, v]) => [k, v.split(nonce)]),
    parts: body.split(nonce), bytes: body.length * 2,
  };
  store(key, version, entry);
  const response = respond(entry, nonce, policy(nonce), etag);
  response.headers.set("X-Corridor-Watch-Cache", "miss");
  return { kind: "response", response };
}

/** The nonce the proxy must use for its own render request (so the cached copy's nonce is known), else null. */
export function internalNonce(request: Request): string | null {
  return request.headers.get(INTERNAL_HEADER) === INTERNAL_SECRET ? request.headers.get("x-corridor-watch-nonce") : null;
}
