import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3210);
// Overridable so two checkouts (or two agents) can run browser tests side by side.
const E2E_DB = process.env.E2E_DB ?? ".data/e2e-pglite";
// Debian's Chromium where it is installed (no browser can be downloaded on these machines);
// elsewhere Playwright's own, after `npx playwright install chromium`.
const DEBIAN_CHROMIUM = "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: "chromium",
    headless: true,
    launchOptions: {
      executablePath: existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  webServer: {
    // A fresh embedded database each run: migrate, seed, then serve the production build
    // (`next build` runs before this). Each step closes PGlite before the next opens it.
    command: `rm -rf ${E2E_DB} && tsx prisma/migrate.ts deploy && tsx seed/run.ts && next start -p ${PORT} -H 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    env: { NEXT_TELEMETRY_DISABLED: "1", PGLITE_DIR: E2E_DB, DATABASE_URL: "" },
  },
});
