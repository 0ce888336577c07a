import "server-only";
import { openDatabase, type Database } from "./prisma-factory.ts";

// One client per server process. PGlite has no cross-process lock, so the app must never
// open a second handle on the same data directory; caching on globalThis also survives
// Next's module reloading in development.
const globalForDb = globalThis as unknown as { corridorWatchDb?: Database };

export function db() {
  globalForDb.corridorWatchDb ??= openDatabase();
  return globalForDb.corridorWatchDb.prisma;
}
