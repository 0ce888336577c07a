// Builds a Prisma client on the right driver adapter. Used by the app (through lib/db.ts),
// the seed and import commands, and the tests, so all of them reach the database the same way.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/prisma/client.ts";
import { readEnv } from "./env.ts";

export type Database = { prisma: PrismaClient; kind: "postgres" | "pglite"; close: () => Promise<void> };

/** DATABASE_URL set: PostgreSQL through @prisma/adapter-pg. Otherwise the embedded PGlite data directory. */
export function openDatabase(opts: { databaseUrl?: string; pglite?: PGlite } = {}): Database {
  if (opts.pglite) return onPglite(opts.pglite, false);
  const env = readEnv();
  const url = opts.databaseUrl ?? env.databaseUrl;
  if (url) {
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    return { prisma, kind: "postgres", close: () => prisma.$disconnect() };
  }
  mkdirSync(env.pgliteDir, { recursive: true }); // PGlite's nodefs only makes the last folder
  return onPglite(new PGlite(env.pgliteDir), true);
}

function onPglite(db: PGlite, owned: boolean): Database {
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(db) });
  return {
    prisma,
    kind: "pglite",
    close: async () => {
      await prisma.$disconnect();
      if (owned) await db.close(); // an open PGlite keeps the process alive for ~10 s
    },
  };
}
