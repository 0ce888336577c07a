// Least privilege on PostgreSQL: the web app runs as a role that may only read (CONNECT,
// USAGE on the schema, SELECT on the tables), with migrations, seeding and imports done by
// the writer role. Every page, the JSON API and the CSV export work as the reader; an import
// as the reader fails with a clear permission error and writes nothing.
//
// Needs TEST_DATABASE_URL (a PostgreSQL server with trust authentication on 127.0.0.1, where
// this test may create a database and a role).
import { writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { csvDocument } from "../lib/csv.ts";
import { REQUIRED_COLUMNS } from "../lib/records/import-rows.ts";
import { checksums, LEAKS, migrateAndSeed, run, startServer, throwawayDatabase, type OwnServer } from "./own-server.ts";

const ADMIN_URL = process.env.TEST_DATABASE_URL;
const PORT = 3530;
const ROLE = `cw_ro_${process.pid}`;

test.describe("read-only database role", () => {
  test.skip(!ADMIN_URL, "set TEST_DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/test) to run the read-only role test against PostgreSQL");

  let db: Awaited<ReturnType<typeof throwawayDatabase>> | undefined;
  let server: OwnServer | undefined;
  let readerUrl = "";

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    db = await throwawayDatabase(ADMIN_URL!, `cw_readonly_${process.pid}`);
    await migrateAndSeed({ DATABASE_URL: db.url }); // as the writer (here: the admin role)
    const dbName = new URL(db.url).pathname.slice(1);
    // The grants the README documents for the reader role; run in the new database.
    await db.admin.query(`DROP ROLE IF EXISTS ${ROLE}`);
    await db.admin.query(`CREATE ROLE ${ROLE} LOGIN`);
    await db.admin.query(`GRANT CONNECT ON DATABASE ${dbName} TO ${ROLE}`);
    const { default: pg } = await import("pg");
    const inDb = new pg.Client({ connectionString: db.url });
    await inDb.connect();
    await inDb.query(`GRANT USAGE ON SCHEMA public TO ${ROLE}`);
    await inDb.query(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${ROLE}`);
    await inDb.end();
    const url = new URL(db.url);
    url.username = ROLE;
    url.password = "";
    readerUrl = url.toString();
    server = await startServer(PORT, { DATABASE_URL: readerUrl });
  });

  test.afterAll(async () => {
    await server?.stop();
    if (db) {
      await db.drop().catch(() => {});
      // The role's only privileges were in the dropped database; it can go now.
      const { default: pg } = await import("pg");
      const again = new pg.Client({ connectionString: ADMIN_URL! });
      await again.connect();
      await again.query(`DROP ROLE IF EXISTS ${ROLE}`);
      await again.end();
    }
  });

  test("every page, the API and the CSV export work as the reader", async ({ page, request }) => {
    test.setTimeout(90_000);
    const base = server!.url;
    for (const path of ["/", "/incidents?province=sindh", "/incidents/2024-03-26-besham-dasu-convoy", "/groups", "/groups/bla", "/projects", "/methodology"]) {
      const res = await page.goto(base + path);
      expect(res!.status(), path).toBe(200);
      await expect(page.getByRole("heading", { level: 1 }), path).toBeVisible();
      await expect(page.getByText(/Something went wrong|Data temporarily unavailable/)).toHaveCount(0);
    }
    const api = await request.get(`${base}/api/incidents?links=all`);
    expect(api.status()).toBe(200);
    expect((await api.json()).total).toBeGreaterThan(30);
    const csv = await request.get(`${base}/api/incidents.csv?links=all`);
    expect(csv.status()).toBe(200);
    expect((await csv.text()).split("\r\n").length).toBeGreaterThan(30);
  });

  test("an import as the reader is refused with a permission error and writes nothing", async () => {
    test.setTimeout(90_000);
    const row = {
      id: "2025-05-01-karachi-readonly-test", date: "2025-05-01", date_precision: "day", province: "sindh", district: null, city: "Karachi",
      attack_type: "bombing", target: "Test target", project: null, perpetrators: "bla", attribution: "bla:claimed", chinese_killed: null,
      chinese_injured: null, total_killed: 1, total_injured: null, attackers_killed: null, summary: "Read-only role test.", source_urls: "https://example.org/readonly",
    } as const;
    const file = join(tmpdir(), `cw-readonly-${process.pid}.csv`);
    writeFileSync(file, csvDocument(REQUIRED_COLUMNS, [REQUIRED_COLUMNS.map((c) => row[c])]));
    try {
      const before = await checksums(db!.url);
      const asReader = await run(["seed/import.ts", file], { DATABASE_URL: readerUrl });
      expect(asReader.code).toBe(1);
      expect(asReader.stderr).toMatch(/import failed: .*permission denied/i);
      expect(asReader.stderr).toMatch(/writer role/);
      expect(asReader.stderr.match(LEAKS)?.[0]).toBeUndefined();
      expect(await checksums(db!.url)).toEqual(before);

      // The same file as the writer goes in: the refusal was the role's, not the file's.
      const asWriter = await run(["seed/import.ts", file], { DATABASE_URL: db!.url });
      expect(asWriter.code, asWriter.stderr).toBe(0);
      expect(await checksums(db!.url)).not.toEqual(before);
    } finally { rmSync(file, { force: true }); }
  });
});
