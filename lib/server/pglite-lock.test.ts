import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LOCK_FILE, lockDataDir } from "./pglite-lock.ts";

const ROOT = join(import.meta.dirname, "../..");
const tsx = (args: string[], dir: string) =>
  spawnSync("npx", ["tsx", ...args], { cwd: ROOT, env: { ...process.env, PGLITE_DIR: dir, DATABASE_URL: "" }, encoding: "utf8", timeout: 60_000 });

describe("the PGlite data directory lock", () => {
  it("makes migrate and seed refuse a directory another live process holds, and leaves it untouched", () => {
    const dir = mkdtempSync(join(tmpdir(), "cw-lock-"));
    // The parent process (this test) stands in for a running server.
    const release = lockDataDir(dir, "server");
    try {
      for (const script of [["prisma/migrate.ts", "deploy"], ["seed/run.ts"]]) {
        const run = tsx(script, dir);
        expect(run.status, script.join(" ")).not.toBe(0);
        expect(run.stderr, script.join(" ")).toMatch(/in use by server \(process \d+/);
      }
      expect(existsSync(join(dir, "PG_VERSION"))).toBe(false); // PGlite never opened it
    } finally { release(); }
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it("takes over a lock left by a process that no longer exists", () => {
    const dir = mkdtempSync(join(tmpdir(), "cw-lock-"));
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 12345, holder: "db:seed", since: "2020-01-01T00:00:00Z" }));
    const release = lockDataDir(dir, "test");
    release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it("refuses a second lock in the same process", () => {
    const dir = mkdtempSync(join(tmpdir(), "cw-lock-"));
    const release = lockDataDir(dir, "first");
    try { expect(() => lockDataDir(dir, "second")).toThrow(/already open in this process/); } finally { release(); }
  });
});
