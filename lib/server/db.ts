import "server-only";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { asUnavailable } from "./db-errors.ts";
import { openDatabase, shareDriverAccess, type Database } from "./prisma-factory.ts";
import { SERVER_DB_KEY } from "./db-key.ts";

// One client per server process, kept on globalThis: instrumentation.ts opens it at start-up
// (taking the PGlite data directory's lock), and Next's module reloading in development
// must not open a second handle on the same directory.
const store = globalThis as unknown as Record<typeof SERVER_DB_KEY, Database | undefined> & { corridorWatchClient?: PrismaClient };

export function db(): PrismaClient {
  if (store.corridorWatchClient) return store.corridorWatchClient;
  store[SERVER_DB_KEY] ??= openDatabase({ holder: "server" });
  // Every query's connection failure becomes a DatabaseUnavailableError, whose digest tells
  // the error page to say "data temporarily unavailable", and the API to answer 503. The
  // extended client behaves as a PrismaClient for every call the app makes.
  store.corridorWatchClient = store[SERVER_DB_KEY].prisma.$extends({
    query: {
      async $allOperations({ args, query }) {
        try { return await query(args); } catch (e) { throw asUnavailable(e); }
      },
    },
  }) as unknown as PrismaClient;
  shareDriverAccess(store.corridorWatchClient, store[SERVER_DB_KEY].prisma);
  return store.corridorWatchClient;
}
