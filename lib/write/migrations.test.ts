import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { cpSync, mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { MIGRATIONS_DIR, applyMigrations, diffSql, pgliteFactory, postgresFactory } from "./migrations.ts";
import { adminUrlFor } from "../testing/global-setup.ts";

/** The real migrations plus one that fails half-way (its second statement divides by zero). */
function historyWithBrokenMigration(): string {
  const dir = mkdtempSync(join(tmpdir(), "cw-migrations-"));
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  mkdirSync(join(dir, "29990101000000_broken"));
  writeFileSync(join(dir, "29990101000000_broken", "migration.sql"), 'CREATE TABLE "ShouldNotSurvive" (id int);\nSELECT 1/0;\n');
  return dir;
}

type Recorded = { migration_name: string; finished_at: Date | null };

describe("migrations on PGlite", () => {
  it("apply the whole history to an empty database and record each one", async () => {
    // The history includes a plpgsql function (data_version), whose body is full of ";".
    const db = await PGlite.create();
    const applied = await applyMigrations(pgliteFactory(db));
    expect(applied.length).toBeGreaterThan(0);
    const { rows } = await db.query<Recorded>('SELECT migration_name, finished_at FROM "_prisma_migrations"');
    expect(rows.map((r) => r.migration_name).sort()).toEqual([...applied].sort());
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
    await db.close();
  });

  it("report a failing migration loudly and do not record it as applied", async () => {
    const db = await PGlite.create();
    await expect(applyMigrations(pgliteFactory(db), historyWithBrokenMigration())).rejects.toThrow(/division by zero/);
    const { rows } = await db.query<Recorded>('SELECT migration_name, finished_at FROM "_prisma_migrations"');
    const broken = rows.find((r) => r.migration_name === "29990101000000_broken");
    expect(broken?.finished_at ?? null).toBeNull();
    const { rows: left } = await db.query<{ t: string | null }>(`SELECT to_regclass('"ShouldNotSurvive"')::text AS t`);
    expect(left[0].t).toBeNull();
    await db.close();
  });

  it("match schema.prisma: no migration is missing", async () => {
    expect(await diffSql()).toBeUndefined();
  });
});

const adminUrl = inject("postgresAdminUrl");
describe.runIf(adminUrl)("migrations on PostgreSQL", () => {
  const name = `cw_test_migrate_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl! });
  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it("report a failing migration loudly and do not record it as applied", async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const pool = new pg.Pool({ connectionString: adminUrlFor(adminUrl!, name) });
    try {
      await expect(applyMigrations(postgresFactory(pool), historyWithBrokenMigration())).rejects.toThrow(/division by zero/);
      const { rows } = await pool.query<Recorded>('SELECT migration_name, finished_at FROM "_prisma_migrations"');
      expect(rows.filter((r) => r.finished_at !== null).map((r) => r.migration_name)).not.toContain("29990101000000_broken");
      expect(rows.filter((r) => r.finished_at !== null).length).toBeGreaterThan(0);
      // The script ran whole, as one transaction: its first statement did not survive the second's failure.
      const { rows: left } = await pool.query<{ t: string | null }>(`SELECT to_regclass('"ShouldNotSurvive"')::text AS t`);
      expect(left[0].t).toBeNull();
    } finally {
      await pool.end();
    }
  });
});
