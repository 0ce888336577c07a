import "server-only";
import { openDatabase, type Database } from "./prisma-factory.ts";
import { SERVER_DB_KEY } from "./server-db-key.ts";

// One client per server process, kept on globalThis: instrumentation.ts opens it at start-up
// (taking the PGlite data directory's lock), and Next's module reloading in development
// must not open a second handle on the same directory.
const store = globalThis as unknown as Record<typeof SERVER_DB_KEY, Database | undefined>;

export function db() {
  store[SERVER_DB_KEY] ??= openDatabase({ holder: "server" });
  return store[SERVER_DB_KEY].prisma;
}
