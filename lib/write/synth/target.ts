// Where synthetic data goes: always a database of its own, never the one the app normally
// uses. PostgreSQL: corridor_watch_synth_<N> on a server (created if missing), or exactly
// the database a --database-url names. PGlite: the data directory .data/synth-<N>.
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { applyMigrations, pgliteFactory, postgresFactory } from "../migrations.ts";
import { lockDataDir } from "../../server/pglite-lock.ts";
import type { SqlRunner } from "./load.ts";

export const DEFAULT_POSTGRES_SERVER = "postgresql://postgres@127.0.0.1:5432/";

/** 10000 -> "10k", 1000000 -> "1m": the suffix of database and directory names. */
export function scaleLabel(n: number): string {
  if (n >= 1_000_000 && n % 1_000_000 === 0) return `${n / 1_000_000}m`;
  if (n >= 1000 && n % 1000 === 0) return `${n / 1000}k`;
  return String(n);
}

/** "10k" / "1m" / "2500" -> a count. */
export function parseScale(s: string): number {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(s.trim());
  if (!m) throw new Error(`"${s}" is not a number of incidents (e.g. 10000, 10k, 1m)`);
  const n = Math.round(Number(m[1]) * (m[2].toLowerCase() === "m" ? 1e6 : m[2].toLowerCase() === "k" ? 1e3 : 1));
  if (!Number.isSafeInteger(n) || n < 1 || n > 50_000_000) throw new Error(`${s}: the number of incidents must be between 1 and 50,000,000`);
  return n;
}

export const synthDatabaseName = (n: number) => `corridor_watch_synth_${scaleLabel(n)}`;
export const synthPgliteDir = (n: number, root = process.cwd()) => resolve(root, ".data", `synth-${scaleLabel(n)}`);

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export type TargetSpec = { kind: "postgres"; url: string } | { kind: "pglite"; dir: string };

export type OpenTarget = { sql: SqlRunner; label: string; spec: TargetSpec; migrate: () => Promise<string[]>; close: () => Promise<void> };

/** Creates the PostgreSQL database a URL names if it does not exist (through the server's maintenance database). */
export async function ensurePostgresDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  // The name goes into CREATE DATABASE, which takes no parameters: allow plain identifiers only.
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`database name "${name}" must be a plain lowercase identifier`);
  for (const admin of ["postgres", "template1"]) {
    const client = new pg.Client({ connectionString: withDatabase(url, admin) });
    try { await client.connect(); } catch { continue; }
    try {
      const { rows } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
      if (!rows.length) await client.query(`CREATE DATABASE "${name}"`);
      return;
    } finally { await client.end(); }
  }
  throw new Error(`cannot reach a maintenance database on ${new URL(url).host} to create ${name}`);
}

export async function openTarget(spec: TargetSpec, holder = "db:synth"): Promise<OpenTarget> {
  if (spec.kind === "postgres") {
    await ensurePostgresDatabase(spec.url);
    const client = new pg.Client({ connectionString: spec.url });
    await client.connect();
    const u = new URL(spec.url);
    return {
      sql: client as unknown as SqlRunner, spec, label: `PostgreSQL ${u.host}${u.pathname}`,
      migrate: async () => {
        const pool = new pg.Pool({ connectionString: spec.url, max: 2 });
        try { return await applyMigrations(postgresFactory(pool)); } finally { await pool.end(); }
      },
      close: () => client.end(),
    };
  }
  mkdirSync(spec.dir, { recursive: true });
  const release = lockDataDir(spec.dir, holder);
  const db = new PGlite(spec.dir);
  return {
    sql: db as unknown as SqlRunner, spec, label: `PGlite ${spec.dir}`,
    migrate: async () => {
      const applied = await applyMigrations(pgliteFactory(db));
      // PGlite learns array type ids once, at start; without this it would send the enum
      // arrays of a freshly migrated database as plain strings ("malformed array literal").
      await db.refreshArrayTypes();
      return applied;
    },
    close: async () => { await db.close(); release(); },
  };
}
