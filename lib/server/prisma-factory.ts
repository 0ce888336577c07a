// Builds a Prisma client on the right driver adapter. Used by the app (through lib/db.ts),
// the seed and import commands, and the tests, so all of them reach the database the same way.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client.ts";
import { readEnv } from "./env.ts";
import { lockDataDir } from "./pglite-lock.ts";

export type Database = { prisma: PrismaClient; kind: "postgres" | "pglite"; close: () => Promise<void> };

/** DATABASE_URL set: PostgreSQL through @prisma/adapter-pg. Otherwise the embedded PGlite data
 * directory, locked for this process under the name `holder` (see lib/pglite-lock.ts). */
export function openDatabase(opts: { databaseUrl?: string; pglite?: PGlite; holder?: string } = {}): Database {
  if (opts.pglite) return onPglite(opts.pglite);
  const env = readEnv();
  const url = opts.databaseUrl ?? env.databaseUrl;
  if (url) {
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    return { prisma, kind: "postgres", close: () => prisma.$disconnect() };
  }
  mkdirSync(env.pgliteDir, { recursive: true }); // PGlite's nodefs only makes the last folder
  const release = lockDataDir(env.pgliteDir, opts.holder ?? commandName());
  return onPglite(new PGlite(env.pgliteDir), release);
}

function commandName(): string {
  return process.env.npm_lifecycle_event ?? process.argv.slice(1, 2).join(" ") ?? "a command";
}

function onPglite(db: PGlite, release?: () => void): Database {
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(db) });
  return {
    prisma,
    kind: "pglite",
    close: async () => {
      await prisma.$disconnect();
      if (release) {
        await db.close(); // an open PGlite keeps the process alive for ~10 s
        release();
      }
    },
  };
}
