// Generic error pages in production: a 404 (on the shared server) and a 500 (on a server of
// its own whose embedded database was never migrated, so every query fails with an SQL
// error that is not an outage) show a plain message; no response body carries a stack
// trace, an internal path, SQL or a connection string.
import { mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { expect, test } from "@playwright/test";
import { LEAKS, startServer } from "./own-server.ts";

test("404s are generic and leak nothing", async ({ page, request }) => {
  for (const path of ["/no-such-page", "/incidents/2099-01-01-no-such-incident", "/groups/no-such-group", "/api/no-such-route", "/_next/static/no-such.js"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(404);
    const body = await res.text();
    expect(body.match(LEAKS)?.[0], path).toBeUndefined();
  }
  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});

test("a server-side failure shows a generic error page and leaks nothing", async ({ page, request }) => {
  test.setTimeout(120_000);
  const dir = resolve(`.data/e2e-unmigrated-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const server = await startServer(3540, { PGLITE_DIR: dir, DATABASE_URL: "" });
  try {
    for (const path of ["/", "/incidents", "/incidents/2024-03-26-besham-dasu-convoy", "/groups", "/groups/bla", "/projects"]) {
      const res = await request.get(server.url + path);
      const body = await res.text();
      expect(body.match(LEAKS)?.[0], path).toBeUndefined();
      expect(body, path).not.toContain(dir);
      await page.goto(server.url + path);
      await expect(page.getByRole("heading", { name: "Something went wrong" }), path).toBeVisible();
      await expect(page.getByText(/Reference: \w+/), path).toBeVisible(); // the digest an operator finds in the log
    }
    for (const path of ["/api/incidents", "/api/incidents.csv"]) {
      const res = await request.get(server.url + path);
      expect(res.status(), path).toBe(500);
      expect(await res.json(), path).toEqual({ error: "internal error", message: "The request could not be completed." });
    }
    // The detail stays in the server's log, where an operator can find it.
    expect(server.output()).toMatch(/does not exist/);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
