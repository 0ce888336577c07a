// Gives a test file its own freshly migrated database: always an in-memory PGlite, and a
// throwaway PostgreSQL database too when TEST_DATABASE_URL is set. Tests loop over
// `backends()` so the same assertions run against both.
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { readFileSync } from "node:fs";
import { inject } from "vitest";
import { openDatabase, type Database } from "../server/prisma-factory.ts";
import { adminUrlFor } from "./global-setup.ts";
import type { SqlRunner } from "../write/synth/load.ts";

export type Backend = "pglite" | "postgres";

export function backends(): Backend[] {
  return inject("postgresTemplate") ? ["pglite", "postgres"] : ["pglite"];
}

export type TestDatabase = Database & { backend: Backend; url: string | null };

/** A SQL runner over the test database's Prisma client (both backends), so the synthetic loader runs exactly as in db:synth. */
export function sqlRunner(db: TestDatabase): SqlRunner {
  return { query: async <T,>(sql: string, params: unknown[] = []) => ({ rows: (await db.prisma.$queryRawUnsafe(sql, ...params)) as T[] }) };
}

let counter = 0;

export async function freshDatabase(backend: Backend): Promise<TestDatabase> {
  if (backend === "pglite") {
    const pglite = await PGlite.create({ loadDataDir: new Blob([readFileSync(inject("pgliteTemplate"))]) });
    const database = openDatabase({ pglite });
    return { ...database, backend, url: null, close: async () => { await database.close(); await pglite.close(); } };
  }
  const adminUrl = inject("postgresAdminUrl")!;
  const template = inject("postgresTemplate")!;
  const name = `${template.replace(/_template$/, "")}_${process.pid}_${++counter}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  const url = adminUrlFor(adminUrl, name);
  const database = openDatabase({ databaseUrl: url });
  return {
    ...database, backend, url,
    close: async () => {
      await database.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
