// Runs once when the server starts. On the embedded database the server opens (and so locks)
// the data directory now, not at the first request: it refuses to start while a migrate,
// seed or import command holds the directory, and no command can take it while the server
// runs (PGlite would silently lose writes otherwise). lib/db.ts reuses this handle.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { readEnv } = await import("./lib/env.ts");
  if (readEnv().databaseUrl) return;
  const { openDatabase } = await import("./lib/prisma-factory.ts");
  const { SERVER_DB_KEY } = await import("./lib/server-db-key.ts");
  try {
    (globalThis as Record<string, unknown>)[SERVER_DB_KEY] ??= openDatabase({ holder: "server" });
  } catch (e) {
    console.error(`Corridor Watch cannot start: ${(e as Error).message}`);
    process.exit(1);
  }
}
