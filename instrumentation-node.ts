// The server opens its database handle at start-up (the proxy's HTTP cache reads the data version
// through it, lib/server/http-cache.ts). On the embedded database that also locks the data directory,
// not at the first request: it refuses to start while a migrate, seed or import command
// holds the directory, and no command can take it while the server runs (PGlite would
// silently lose writes otherwise). lib/db.ts reuses this handle.
import { openDatabase, type Database } from "./lib/server/prisma-factory.ts";
import { SERVER_DB_KEY } from "./lib/server/db-key.ts";
import { installGracefulShutdown } from "./lib/server/shutdown.ts";
import { createFirstAdminAtStart } from "./lib/auth/startup.ts";

export async function openServerDatabase() {
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  installGracefulShutdown();
  const store = globalThis as unknown as Record<string, Database | undefined>;
  try {
    store[SERVER_DB_KEY] ??= openDatabase({ holder: "server" });
  } catch (e) {
    console.error(`Corridor Watch cannot start: ${(e as Error).message}`);
    process.exit(1);
  }
  // Editors: the first admin from CW_ADMIN_EMAIL when no user exists (lib/auth/startup.ts).
  await createFirstAdminAtStart(store[SERVER_DB_KEY]!.prisma);
}
