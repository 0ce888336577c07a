// Builds a Prisma client on the right driver adapter. Used by the app (through lib/db.ts),
// the seed and import commands, and the tests, so all of them reach the database the same way.
import { mkdirSync } from "node:fs";
import { setImmediate as turn } from "node:timers/promises";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client.ts";
import { readEnv } from "./env.ts";
import { lockDataDir } from "./pglite-lock.ts";

export type Database = {
  prisma: PrismaClient; kind: "postgres" | "pglite"; close: () => Promise<void>;
  /** A plain driver connection for one-row reads on hot paths (see rawQueryOf). */
  rawQuery?: () => SqlRunner;
};

/** What both pg.Client and a PGlite transaction offer. */
export type SqlRunner = { query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }> };
/** Runs `fn` in one transaction on a plain driver connection to the same database as a Prisma client. */
export type RawTransaction = <T>(fn: (sql: SqlRunner) => Promise<T>) => Promise<T>;

// Bulk writers (db:import) send arrays of thousands of values per statement; through Prisma's
// raw queries each value costs ~30 us of argument handling (a batch of 2,000 rows: ~0.5 s), on a
// driver connection well under a millisecond. Keyed on the client so callers keep passing a PrismaClient.
const rawTransactions = new WeakMap<PrismaClient, RawTransaction>();
export const rawTransactionOf = (prisma: PrismaClient): RawTransaction | null => rawTransactions.get(prisma) ?? null;

// One-row reads on the hottest path (the HTTP cache reads the data version on every request):
// a driver query costs a fraction of Prisma's per-query overhead. PostgreSQL: a small pool of
// its own, opened on first use and ended with the client; PGlite: the same instance.
const rawQueries = new WeakMap<PrismaClient, () => SqlRunner>();
export const rawQueryOf = (prisma: PrismaClient): SqlRunner | null => rawQueries.get(prisma)?.() ?? null;

// Streamed reads that hold a connection for their whole length (the CSV export's COPY ... TO
// STDOUT): PostgreSQL only, from a pool of their own, so a few long downloads cannot take the
// connections the pages and the per-request version read need. Past EXPORT_CONNECTIONS
// concurrent exports the next one waits for a connection.
const EXPORT_CONNECTIONS = 4;
type StreamConnection = () => Promise<pg.PoolClient>;
// One map per process, not per copy of this module: Next bundles a copy into each route, and
// the server's client is made by whichever copy asks first (instrumentation, a page), so a
// module-level map would be empty where the export route looks.
const STREAM_KEY = Symbol.for("corridor-watch.stream-connections");
const streamConnections: WeakMap<PrismaClient, StreamConnection> =
  ((globalThis as Record<symbol, unknown>)[STREAM_KEY] ??= new WeakMap<PrismaClient, StreamConnection>()) as WeakMap<PrismaClient, StreamConnection>;
export const streamConnectionOf = (prisma: PrismaClient): StreamConnection | null => streamConnections.get(prisma) ?? null;

/** Lets a client made from `base` (Prisma's $extends gives a new object) reach the same driver connections. */
export function shareDriverAccess(extended: PrismaClient, base: PrismaClient): void {
  for (const map of [rawTransactions, rawQueries, streamConnections] as WeakMap<PrismaClient, unknown>[]) {
    if (map.has(base)) map.set(extended, map.get(base));
  }
}

function pgTransaction(url: string): RawTransaction {
  return async (fn) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query("BEGIN");
      try { const r = await fn(client as unknown as SqlRunner); await client.query("COMMIT"); return r; }
      catch (e) { await client.query("ROLLBACK").catch(() => {}); throw e; }
    } finally { await client.end(); }
  };
}

// Embedded PGlite runs each query on the calling thread and settles its promise as a microtask,
// so a long run of queries (a seed, an import, a test's reference writer) would never let the
// event loop turn: timers, signals, sockets and a test worker's messages to its runner would all
// wait for the end (a stall of a minute failed CI). Every query through these wrappers first
// gives the loop a turn when it has not had one for TURN_MS.
const TURN_MS = 50;
let lastTurn = performance.now();
async function turnIfDue() {
  if (performance.now() - lastTurn < TURN_MS) return;
  await turn();
  lastTurn = performance.now();
}
/** `f`, giving the loop its turn first when one is due. */
const afterTurn = <F extends (...a: never[]) => Promise<unknown>>(f: F): F => ((...a: Parameters<F>) => turnIfDue().then(() => f(...a))) as F;
function turning(tx: Transaction): Transaction {
  // Object.create keeps the rest of the transaction (rollback, its `closed` getter) as PGlite made it.
  return Object.assign(Object.create(tx) as Transaction, { query: afterTurn(tx.query.bind(tx)), exec: afterTurn(tx.exec.bind(tx)) });
}
/** What pglite-prisma-adapter calls on its client, each query turning the loop when due. */
function turningPglite(db: PGlite): PGlite {
  // Not Object.create(db): PGlite's own methods check `this` against its private fields.
  const transaction: PGlite["transaction"] = (fn) => db.transaction((tx) => fn(turning(tx)));
  return { query: afterTurn(db.query.bind(db)), exec: afterTurn(db.exec.bind(db)), transaction } as Partial<PGlite> as PGlite;
}

function pgliteTransaction(db: PGlite, queries: PGlite): RawTransaction {
  let typesKnown = false;
  return async (fn) => {
    // PGlite learns array type ids at start; a directory migrated since would send enum arrays as plain strings.
    if (!typesKnown) { await db.refreshArrayTypes(); typesKnown = true; }
    return queries.transaction((tx) => fn(tx as unknown as SqlRunner));
  };
}

/** DATABASE_URL set: PostgreSQL through @prisma/adapter-pg. Otherwise the embedded PGlite data
 * directory, locked for this process under the name `holder` (see lib/pglite-lock.ts). */
export function openDatabase(opts: { databaseUrl?: string; pglite?: PGlite; holder?: string } = {}): Database {
  if (opts.pglite) return onPglite(opts.pglite);
  const env = readEnv();
  const url = opts.databaseUrl ?? env.databaseUrl;
  if (url) {
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    rawTransactions.set(prisma, pgTransaction(url));
    let pool: pg.Pool | null = null;
    const rawQuery = () => {
      if (!pool) {
        pool = new pg.Pool({ connectionString: url, max: 4 });
        pool.on("error", (e) => console.error("database pool:", e.message)); // an idle connection dropped by the server must not crash the process
      }
      return pool as unknown as SqlRunner;
    };
    rawQueries.set(prisma, rawQuery);
    let streamPool: pg.Pool | null = null;
    streamConnections.set(prisma, () => {
      if (!streamPool) {
        streamPool = new pg.Pool({ connectionString: url, max: EXPORT_CONNECTIONS });
        streamPool.on("error", (e) => console.error("database export pool:", e.message));
      }
      return streamPool.connect();
    });
    return { prisma, kind: "postgres", rawQuery, close: async () => { await prisma.$disconnect(); await pool?.end(); await streamPool?.end(); } };
  }
  mkdirSync(env.pgliteDir, { recursive: true }); // PGlite's nodefs only makes the last folder
  const release = lockDataDir(env.pgliteDir, opts.holder ?? commandName());
  return onPglite(new PGlite(env.pgliteDir), release);
}

function commandName(): string {
  return process.env.npm_lifecycle_event ?? process.argv.slice(1, 2).join(" ") ?? "a command";
}

function onPglite(db: PGlite, release?: () => void): Database {
  const queries = turningPglite(db);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(queries) });
  rawTransactions.set(prisma, pgliteTransaction(db, queries));
  const rawQuery = () => queries as unknown as SqlRunner;
  rawQueries.set(prisma, rawQuery);
  return {
    prisma,
    kind: "pglite",
    rawQuery,
    close: async () => {
      await prisma.$disconnect();
      if (release) {
        await db.close(); // an open PGlite keeps the process alive for ~10 s
        release();
      }
    },
  };
}
