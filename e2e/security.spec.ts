import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { lockDataDir } from "../lib/server/pglite-lock.ts";

test("every response carries the security headers and no x-powered-by", async ({ request }) => {
  for (const path of ["/", "/incidents", "/api/incidents", "/api/incidents.csv?province=sindh", "/icon.svg", "/no-such-page"]) {
    const res = await request.get(path);
    const h = res.headers();
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(h["x-powered-by"], path).toBeUndefined();
    if (path !== "/icon.svg") {
      expect(h["content-security-policy"], path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      expect(h["content-security-policy"], path).toContain("frame-ancestors 'none'");
    }
  }
});

test("pages run under the strict CSP without violations", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
  await page.goto("/");
  await page.goto("/incidents");
  expect(violations).toEqual([]);
});

test("the server refuses to start on a data directory that a command holds", async () => {
  const dir = mkdtempSync(join(tmpdir(), "cw-locked-"));
  const release = lockDataDir(dir, "db:import"); // this test process stands in for a running import
  try {
    const server = spawn("npx", ["next", "start", "-p", "3299", "-H", "127.0.0.1"], { env: { ...process.env, PGLITE_DIR: dir, DATABASE_URL: "" } });
    let output = "";
    server.stdout.on("data", (d) => (output += d));
    server.stderr.on("data", (d) => (output += d));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => { server.kill(); resolve(null); }, 25_000);
      server.on("exit", (c) => { clearTimeout(timer); resolve(c); });
    });
    expect(code).toBe(1);
    expect(output).toMatch(/cannot start: The embedded database at .* is in use by db:import/);
  } finally { release(); }
});
