// PostgreSQL going away and coming back, with the server running throughout. The server
// reaches a throwaway database through a TCP proxy in this test process; closing the proxy
// (refusing new connections, cutting the open ones) is the outage. While it lasts, pages
// say "Data temporarily unavailable" and the API answers 503 with a JSON error, and no
// response carries a stack trace or the connection string. When the proxy listens again on
// the same port, the same pages work again without a restart.
//
// Needs TEST_DATABASE_URL (a PostgreSQL server this test may create a database on).
import net from "node:net";
import { expect, test } from "@playwright/test";
import { LEAKS, migrateAndSeed, startServer, throwawayDatabase, type OwnServer } from "./own-server.ts";

const ADMIN_URL = process.env.TEST_DATABASE_URL;
const SERVER_PORT = 3520;
const PROXY_PORT = 3521;
const PAGES = ["/", "/incidents", "/incidents/2024-03-26-besham-dasu-convoy", "/groups", "/groups/bla", "/projects"];

/** A TCP relay to PostgreSQL that can be switched off (every socket destroyed) and on again. */
class Proxy {
  private server: net.Server | null = null;
  private sockets = new Set<net.Socket>();
  constructor(private port: number, private target: { host: string; port: number }) {}
  async open() {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target);
      for (const s of [client, upstream]) { this.sockets.add(s); s.on("close", () => this.sockets.delete(s)); s.on("error", () => s.destroy()); }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => { this.server!.once("error", reject); this.server!.listen(this.port, "127.0.0.1", resolve); });
  }
  async close() {
    const closed = new Promise((resolve) => this.server?.close(resolve));
    for (const s of this.sockets) s.destroy();
    await closed;
    this.server = null;
  }
}

test.describe("database outage", () => {
  test.skip(!ADMIN_URL, "set TEST_DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/test) to run the outage test against PostgreSQL");

  let db: Awaited<ReturnType<typeof throwawayDatabase>> | undefined;
  let server: OwnServer | undefined;
  let proxy: Proxy | undefined;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    db = await throwawayDatabase(ADMIN_URL!, `cw_outage_${process.pid}`);
    await migrateAndSeed({ DATABASE_URL: db.url });
    const real = new URL(db.url);
    proxy = new Proxy(PROXY_PORT, { host: real.hostname, port: Number(real.port || 5432) });
    await proxy.open();
    const viaProxy = new URL(db.url);
    viaProxy.host = `127.0.0.1:${PROXY_PORT}`;
    server = await startServer(SERVER_PORT, { DATABASE_URL: viaProxy.toString() });
  });

  test.afterAll(async () => {
    await server?.stop();
    await proxy?.close().catch(() => {});
    await db?.drop();
  });

  test("pages and API report the outage without leaking, and recover when the database returns", async ({ page, request }) => {
    test.setTimeout(150_000);
    const base = server!.url;
    const working = async () => {
      for (const path of PAGES) {
        const res = await page.goto(base + path);
        expect(res!.status(), path).toBe(200);
        await expect(page.getByRole("heading", { level: 1 }), path).toBeVisible();
        await expect(page.getByText("Data temporarily unavailable")).toHaveCount(0);
      }
      const api = await request.get(`${base}/api/incidents`);
      expect(api.status()).toBe(200);
      expect((await api.json()).total).toBeGreaterThan(0);
    };
    await working();

    await proxy!.close();
    for (const path of PAGES) {
      await page.goto(base + path);
      await expect(page.getByRole("heading", { name: "Data temporarily unavailable" }), path).toBeVisible({ timeout: 20_000 });
      await expect(page.getByText("Something went wrong")).toHaveCount(0);
      const html = await (await request.get(base + path)).text();
      expect(html.match(LEAKS)?.[0], path).toBeUndefined();
      expect(html, path).not.toContain(String(PROXY_PORT));
    }
    for (const path of ["/api/incidents", "/api/incidents.csv?province=sindh"]) {
      const api = await request.get(base + path);
      expect(api.status(), path).toBe(503);
      expect(api.headers()["content-type"], path).toContain("application/json");
      expect(api.headers()["retry-after"], path).toBeDefined();
      const body = await api.text();
      expect(JSON.parse(body)).toMatchObject({ error: "database unavailable" });
      expect(body.match(LEAKS)?.[0], path).toBeUndefined();
      expect(body, path).not.toContain(String(PROXY_PORT));
    }

    await proxy!.open();
    // The connection pool reconnects on its own: no restart, at most a few seconds.
    await expect.poll(async () => (await request.get(`${base}/api/incidents`)).status(), { timeout: 30_000 }).toBe(200);
    await working();
    expect(server!.process.exitCode).toBeNull(); // the same server process throughout
  });
});
