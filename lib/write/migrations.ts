// Offline stand-in for `prisma migrate dev/deploy`: Prisma's own schema engine, compiled to
// WASM, driven through the same driver adapters as the app (the native engine cannot be
// downloaded here). Migrations live in the standard prisma/migrations folder and are recorded
// in the standard _prisma_migrations table, so `prisma migrate deploy` works on them too.
// The command is prisma/migrate.ts.
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { existsSync, mkdirSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describeDatabase, readEnv } from "../server/env.ts";
import { lockDataDir } from "../server/pglite-lock.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const PRISMA_DIR = join(ROOT, "prisma");
const SCHEMA = join(PRISMA_DIR, "schema.prisma");
export const MIGRATIONS_DIR = join(PRISMA_DIR, "migrations");
const LOCK = "migration_lock.toml";
export const ENGINE_FILTERS = { externalTables: [], externalEnums: [] };

let runtime: Promise<typeof import("@prisma/schema-engine-wasm/schema_engine_bg")> | undefined;
function loadRuntime() {
  // The package entry imports a .wasm file as a module, which Node 20 cannot do without a
  // flag, so the module is instantiated by hand.
  return (runtime ??= (async () => {
    const rt = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmPath = join(dirname(createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
    const instance = new WebAssembly.Instance(new WebAssembly.Module(await readFile(wasmPath)), { "./schema_engine_bg.js": rt as never });
    (rt as unknown as { __wbg_set_wasm(e: unknown): void }).__wbg_set_wasm(instance.exports);
    (instance.exports as unknown as { __wbindgen_start(): void }).__wbindgen_start();
    return rt;
  })());
}

/** A driver adapter whose migration scripts run through `exec`, with any error routed back to
 * the schema engine, which then marks the migration failed and stops. */
function scriptsThrough(adapterFactory: unknown, exec: (sql: string) => Promise<unknown>): SqlMigrationAwareDriverAdapterFactory {
  const factory = adapterFactory as SqlMigrationAwareDriverAdapterFactory;
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = (await connect()) as unknown as { executeScript(sql: string): Promise<void>; onError(e: unknown): never };
    adapter.executeScript = async (sql: string) => {
      try { await exec(sql); } catch (e) { adapter.onError(e); }
    };
    return adapter as never;
  };
  return factory;
}

/** pglite-prisma-adapter 0.7.2 does not await db.exec() in executeScript, so a failing
 * migration escapes as an unhandled rejection and is recorded as applied. */
export function pgliteFactory(db: PGlite): SqlMigrationAwareDriverAdapterFactory {
  return scriptsThrough(new PrismaPGlite(db), (sql) => db.exec(sql));
}

/** @prisma/adapter-pg 7.10 runs a migration script by splitting it on every ";", which
 * breaks a function body ($$ ... ; ... $$) and a ";" inside a comment or string, and applies
 * the pieces one by one. This sends the script whole, as PostgreSQL's simple query protocol
 * allows: the server parses it properly and runs it as one implicit transaction, so a
 * failing migration leaves nothing half-applied. */
export function postgresFactory(pool: pg.Pool): SqlMigrationAwareDriverAdapterFactory {
  return scriptsThrough(new PrismaPg(pool), (sql) => pool.query(sql));
}

export async function withEngine<T>(factory: SqlMigrationAwareDriverAdapterFactory, fn: (e: SchemaEngine) => Promise<T>): Promise<T> {
  const rt = await loadRuntime();
  const engine = await rt.SchemaEngine.new({ datamodels: undefined }, () => {}, bindMigrationAwareSqlAdapterFactory(factory));
  try { return await fn(engine); } finally { engine.free(); }
}

export async function readMigrations(dir: string): Promise<MigrationList> {
  const names = existsSync(dir) ? (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort() : [];
  return {
    baseDir: dir,
    lockfile: { path: LOCK, content: existsSync(join(dir, LOCK)) ? await readFile(join(dir, LOCK), "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(names.map(async (path) => ({
      path,
      migrationFile: { path: "migration.sql", content: { tag: "ok" as const, value: await readFile(join(dir, path, "migration.sql"), "utf8") } },
    }))),
  };
}

/** Applies pending migrations and returns their names; throws if one fails (and it is not recorded as applied). */
export async function applyMigrations(factory: SqlMigrationAwareDriverAdapterFactory, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrationsList = await readMigrations(dir);
  return withEngine(factory, async (e) => (await e.applyMigrations({ migrationsList, filters: ENGINE_FILTERS })).appliedMigrationNames);
}

/** SQL that takes the migration history to schema.prisma; a throwaway in-memory PGlite is the shadow database. */
export async function diffSql(schemaPath = SCHEMA, dir = MIGRATIONS_DIR): Promise<string | undefined> {
  const files = [{ path: schemaPath, content: await readFile(schemaPath, "utf8") }];
  const shadow = new PGlite();
  try {
    return await withEngine(pgliteFactory(shadow), async (e) => {
      const migrationsList = await readMigrations(dir);
      if (migrationsList.migrationDirectories.length) await e.applyMigrations({ migrationsList, filters: ENGINE_FILTERS });
      const d = await e.diff({ from: { tag: "schemaDatasource", files, configDir: ROOT }, to: { tag: "schemaDatamodel", files }, script: true, exitCode: true, filters: ENGINE_FILTERS });
      return d.exitCode === 0 || !d.stdout ? undefined : d.stdout;
    });
  } finally { await shadow.close(); }
}

export async function createMigration(name: string, dir = MIGRATIONS_DIR): Promise<string | undefined> {
  const sql = await diffSql(SCHEMA, dir);
  if (!sql) return undefined;
  const ts = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const folder = join(dir, `${ts}_${name.replace(/\W+/g, "_")}`);
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, "migration.sql"), sql);
  if (!existsSync(join(dir, LOCK)))
    await writeFile(join(dir, LOCK), '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n');
  return folder;
}

/** The database the environment points at, as a migration-capable adapter factory. */
export function targetFactory(): { factory: SqlMigrationAwareDriverAdapterFactory; label: string; close: () => Promise<void> } {
  const env = readEnv();
  if (env.databaseUrl) {
    const pool = new pg.Pool({ connectionString: env.databaseUrl }); // owned so it can be ended: an idle pool holds the process ~10 s
    return { factory: postgresFactory(pool), label: describeDatabase(env), close: () => pool.end() };
  }
  mkdirSync(env.pgliteDir, { recursive: true });
  const release = lockDataDir(env.pgliteDir, "db:migrate");
  const db = new PGlite(env.pgliteDir);
  return { factory: pgliteFactory(db), label: describeDatabase(env), close: async () => { await db.close(); release(); } };
}
