// On the embedded database the server opens (and so locks) the data directory at start-up,
// not at the first request: it refuses to start while a migrate, seed or import command
// holds the directory, and no command can take it while the server runs (PGlite would
// silently lose writes otherwise). lib/db.ts reuses this handle.
import { readEnv } from "./lib/server/env.ts";
import { openDatabase, type Database } from "./lib/server/prisma-factory.ts";
import { SERVER_DB_KEY } from "./lib/server/db-key.ts";
import { createFirstAdminAtStart } from "./lib/auth/startup.ts";

export async function openServerDatabase() {
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const store = globalThis as unknown as Record<string, Database | undefined>;
  if (readEnv().databaseUrl) {
    // Editors: the first admin from CW_ADMIN_EMAIL when no user exists (lib/auth/startup.ts).
    if (process.env.CW_ADMIN_EMAIL) await createFirstAdminAtStart((store[SERVER_DB_KEY] ??= openDatabase({ holder: "server" })).prisma);
    return;
  }
  try {
    store[SERVER_DB_KEY] ??= openDatabase({ holder: "server" });
  } catch (e) {
    console.error(`Corridor Watch cannot start: ${(e as Error).message}`);
    process.exit(1);
  }
  await createFirstAdminAtStart(store[SERVER_DB_KEY]!.prisma);
}
