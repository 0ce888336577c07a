// The HTTP cache (proxy.ts -> fromHttpCache) against a real database and a real HTTP server
// standing in for Next's renderer. What the browser tests cannot pin down reliably: Next.js
// sends its Link preload header (which carries the nonce) only on some renders, and a
// client-side navigation's React payload must never be answered from the stored HTML.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../testing/test-db.ts";
import { SERVER_DB_KEY } from "./db-key.ts";
import { fromHttpCache, INTERNAL_HEADER } from "./http-cache.ts";

const policy = (n: string) => `script-src 'nonce-${n}'`;
let db: TestDatabase;
let renderer: Server;
let renders = 0;

beforeAll(async () => {
  process.env.DATA_CACHE = "on";
  db = await freshDatabase("pglite");
  (globalThis as Record<string, unknown>)[SERVER_DB_KEY] = db;
  // Renders as Next does: the nonce it was given in the page's scripts and in a Link header.
  renderer = createServer((req, res) => {
    renders++;
    const nonce = String(req.headers["x-corridor-watch-nonce"]);
    res.writeHead(200, {
      "Content-Type": "text/html; charset=utf-8",
      Link: `</_next/static/a.css>; rel=preload; as="style"; nonce="${nonce}"`,
      "X-Rendered-For": String(req.headers[INTERNAL_HEADER] ? "proxy" : "direct"),
    });
    res.end(`<!DOCTYPE html><script nonce="${nonce}">1</script><script nonce="${nonce}">2</script>`);
  });
  await new Promise<void>((ok) => renderer.listen(0, "127.0.0.1", ok));
  process.env.PORT = String((renderer.address() as AddressInfo).port);
});
afterAll(async () => {
  await new Promise((ok) => renderer.close(ok));
  await db.close();
});

const get = (path: string, headers: Record<string, string> = {}) => new Request(`http://127.0.0.1:${process.env.PORT}${path}`, { headers });

describe("fromHttpCache", () => {
  it("gives a stored page a fresh nonce in its body and in every header that carries one", async () => {
    const first = await fromHttpCache(get("/incidents?province=sindh"), "nonceA", policy);
    const second = await fromHttpCache(get("/incidents?province=sindh"), "nonceB", policy);
    if (first.kind !== "response" || second.kind !== "response") throw new Error("expected answers from the cache");
    expect(renders).toBe(1);
    expect(first.response.headers.get("x-corridor-watch-cache")).toBe("miss");
    expect(second.response.headers.get("x-corridor-watch-cache")).toBe("hit");
    expect(second.response.headers.get("x-rendered-for")).toBe("proxy");
    const body = await second.response.text();
    expect(body).toContain('nonce="nonceB"');
    expect(body).not.toContain("nonceA");
    expect(second.response.headers.get("link")).toContain('nonce="nonceB"');
    expect(second.response.headers.get("link")).not.toContain("nonceA");
    expect(second.response.headers.get("content-security-policy")).toBe(policy("nonceB"));
    expect(second.response.headers.get("vary")).toMatch(/\bRSC\b/);
  });

  it("lets a client-side navigation's request through to Next, whatever is stored for its URL", async () => {
    await fromHttpCache(get("/?group=bla"), "n1", policy);
    const before = renders;
    for (const request of [
      get("/?group=bla", { RSC: "1" }),
      get("/?group=bla", { RSC: "1", "Next-Router-Prefetch": "1" }),
      get("/?group=bla&_rsc=1a2b3"),
    ]) expect((await fromHttpCache(request, "n2", policy)).kind).toBe("pass");
    expect(renders).toBe(before);
  });

  it("never stores a signed-in editor's view", async () => {
    const answer = await fromHttpCache(get("/", { Cookie: "better-auth.session_token=abc" }), "n3", policy);
    expect(answer).toEqual({ kind: "pass", cacheControl: "private, no-store" });
  });
});
