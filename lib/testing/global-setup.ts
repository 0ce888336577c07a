// Vitest global setup: builds the migrated database templates once per run, so each test
// file gets its own fresh database cheaply (PGlite: a dumped data directory; PostgreSQL: a
// template database that CREATE DATABASE ... TEMPLATE copies).
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { applyMigrations, pgliteFactory, postgresFactory } from "../write/migrations.ts";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresAdminUrl: string | null;
    postgresTemplate: string | null;
  }
}

export const RUN_PREFIX = `cw_test_${process.pid}`;

export function adminUrlFor(baseUrl: string, database: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export default async function setup(project: TestProject) {
  const dir = resolve(".data/test");
  mkdirSync(dir, { recursive: true });
  const pglite = await PGlite.create();
  await applyMigrations(pgliteFactory(pglite));
  const dump = await pglite.dumpDataDir("gzip");
  await pglite.close();
  const templatePath = join(dir, `template-${process.pid}.tar.gz`);
  writeFileSync(templatePath, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplate", templatePath);

  const adminUrl = process.env.TEST_DATABASE_URL || null;
  project.provide("postgresAdminUrl", adminUrl);
  project.provide("postgresTemplate", null);
  if (!adminUrl) return;

  const template = `${RUN_PREFIX}_template`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  const pool = new pg.Pool({ connectionString: adminUrlFor(adminUrl, template) });
  await applyMigrations(postgresFactory(pool));
  await pool.end();
  project.provide("postgresTemplate", template);

  return async () => {
    // Drop every database this run made, including any a crashed test file left behind.
    const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${RUN_PREFIX}%`]);
    for (const { datname } of rows.filter((r) => r.datname !== template)) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.end();
  };
}
