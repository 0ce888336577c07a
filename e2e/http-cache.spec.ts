// HTTP caching keyed on the data version (lib/server/http-cache.ts, from proxy.ts): ETag and
// 304 without rendering, a fresh CSP nonce in every response even when the HTML is served
// from the in-process cache, editors (a session cookie) bypass shared caches, and after a
// write the next request serves the new data. PostgreSQL, so db:import can write while the
// server runs. Needs TEST_DATABASE_URL and a production build. Port 3269.
import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { csvDocument } from "../lib/csv.ts";
import { REQUIRED_COLUMNS } from "../lib/records/import-rows.ts";
import { migrateAndSeed, run, startServer, throwawayDatabase, type OwnServer } from "./own-server.ts";

const ADMIN_URL = process.env.TEST_DATABASE_URL;
const MARK = `httpcache${process.pid}`;

const nonces = (html: string) => [...new Set([...html.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]))];
const headerNonce = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];

test.describe("HTTP caching on the data version", () => {
  test.skip(!ADMIN_URL, "set TEST_DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/test) to run");
  test.describe.configure({ mode: "serial" });
  let db: Awaited<ReturnType<typeof throwawayDatabase>> | undefined;
  let s: OwnServer | undefined;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    db = await throwawayDatabase(ADMIN_URL!, `cw_httpcache_${process.pid}`);
    await migrateAndSeed({ DATABASE_URL: db.url });
    s = await startServer(3269, { DATABASE_URL: db.url });
  });
  test.afterAll(async () => { await s?.stop(); await db?.drop().catch(() => {}); });

  test("a cached page gets a fresh nonce in its header and its HTML on every response", async ({ request }) => {
    const seen = new Set<string>();
    let etag: string | undefined;
    for (let k = 0; k < 3; k++) {
      const r = await request.get(`${s!.url}/incidents?province=sindh`);
      expect(r.status()).toBe(200);
      if (k > 0) expect(r.headers()["x-corridor-watch-cache"]).toBe("hit");
      const header = headerNonce(r.headers()["content-security-policy"]);
      const inHtml = nonces(await r.text());
      expect(header).toBeTruthy();
      expect(inHtml).toEqual([header]); // every script carries this response's nonce, and only it
      // So does any other header that names one (Next.js's Link preload, on some renders; lib/server/http-cache.test.ts always has one).
      const inHeaders = r.headersArray().filter((h) => h.name.toLowerCase() !== "content-security-policy").flatMap((h) => nonces(h.value));
      for (const n of inHeaders) expect(n).toBe(header);
      expect(seen.has(header!)).toBe(false);
      seen.add(header!);
      etag ??= r.headers().etag;
      expect(r.headers().etag).toBe(etag);
      expect(r.headers()["cache-control"]).toMatch(/public.*s-maxage=\d+.*stale-while-revalidate=\d+/);
    }
    expect(seen.size).toBe(3);
  });

  test("a matching If-None-Match gets 304 with no body; the parameters' order does not matter", async ({ request }) => {
    const first = await request.get(`${s!.url}/api/incidents?province=sindh&links=all`);
    const etag = first.headers().etag;
    expect(etag).toMatch(/^"cw-/);
    const again = await request.get(`${s!.url}/api/incidents?links=all&province=sindh`, { headers: { "If-None-Match": etag } });
    expect(again.status()).toBe(304);
    expect((await again.body()).length).toBe(0);
    const other = await request.get(`${s!.url}/api/incidents?province=punjab&links=all`, { headers: { "If-None-Match": etag } });
    expect(other.status()).toBe(200);
  });

  test("a client-side navigation's React payload is never answered with the stored HTML of its URL", async ({ request }) => {
    const path = "/incidents?province=punjab";
    await request.get(`${s!.url}${path}`);
    const html = await request.get(`${s!.url}${path}`);
    expect(html.headers()["x-corridor-watch-cache"]).toBe("hit");
    // A shared cache must keep the two answers apart as well.
    expect(html.headers().vary).toMatch(/\bRSC\b/i);
    for (const headers of [{ RSC: "1" }, { RSC: "1", "Next-Router-Prefetch": "1" }] as Record<string, string>[]) {
      // Next.js redirects to the _rsc value these headers hash to; the request follows it.
      const flight = await request.get(`${s!.url}${path}`, { headers });
      expect(flight.status()).toBe(200);
      expect(flight.headers()["content-type"]).toMatch(/^text\/x-component/);
      expect(flight.headers()["x-corridor-watch-cache"]).toBeUndefined();
      expect(await flight.text()).not.toMatch(/^<!DOCTYPE html>/i);
    }
  });

  test("a request with a session cookie bypasses shared caches", async ({ request }) => {
    const r = await request.get(`${s!.url}/`, { headers: { Cookie: "better-auth.session_token=editor-session" } });
    expect(r.status()).toBe(200);
    expect(r.headers()["cache-control"]).toMatch(/private|no-store/);
    expect(r.headers()["x-corridor-watch-cache"]).toBeUndefined();
    expect(r.headers().etag).toBeUndefined();
  });

  test("after a write the next request serves the new data: new ETag, no stale copy from any cache", async ({ request }) => {
    test.setTimeout(120_000);
    const url = `${s!.url}/api/incidents?links=all&q=${MARK}`;
    const before = await request.get(url);
    expect((await before.json()).total).toBe(0);
    const oldTag = before.headers().etag;
    expect((await request.get(url)).headers()["x-corridor-watch-cache"]).toBe("hit");
    const page = await request.get(`${s!.url}/incidents?links=all&q=${MARK}`);
    const oldPageTag = page.headers().etag;

    const id = `2025-07-01-${MARK}-row`;
    const file = join(tmpdir(), `${MARK}.csv`);
    writeFileSync(file, csvDocument(REQUIRED_COLUMNS, [REQUIRED_COLUMNS.map((c) => ({
      id, date: "2025-07-01", date_precision: "day", province: "punjab", district: null, city: "Lahore", attack_type: "armed_assault",
      target: "Test row for the HTTP cache check", project: null, perpetrators: "bla", attribution: "bla:claimed",
      chinese_killed: null, chinese_injured: null, total_killed: null, total_injured: null, attackers_killed: null,
      summary: `Written by the HTTP cache test (${MARK}); not a real incident.`, source_urls: "https://example.org/http-cache-test",
    } as Record<string, string | number | null>)[c])]));
    try { const r = await run(["seed/import.ts", file], { DATABASE_URL: db!.url }); expect(r.code, r.stderr).toBe(0); }
    finally { rmSync(file, { force: true }); }

    const after = await request.get(url, { headers: { "If-None-Match": oldTag } });
    expect(after.status()).toBe(200); // the old ETag no longer matches
    expect(after.headers().etag).not.toBe(oldTag);
    const body = await after.json();
    expect(body.total).toBe(1);
    expect(body.incidents[0].id).toBe(id);
    const pageAfter = await request.get(`${s!.url}/incidents?links=all&q=${MARK}`, { headers: { "If-None-Match": oldPageTag } });
    expect(pageAfter.status()).toBe(200);
    expect(await pageAfter.text()).toContain(`/incidents/${id}`);
  });
});
