// Graceful shutdown of a server instance. On SIGTERM (a deploy, a scale-down) or SIGINT, Next.js
// stops accepting connections, lets in-flight requests finish, and then calls process.exit.
// What it does not know about is the database handle: the pg pool (connections the server
// would otherwise drop mid-protocol) or the embedded PGlite (which must be closed, and its
// data directory's lock released). So exit is deferred until that handle is closed, for at
// most CLOSE_TIMEOUT_MS. /api/ready answers 503 from the signal on.
import type { Database } from "./prisma-factory.ts";
import { markShuttingDown } from "./readiness.ts";
import { SERVER_DB_KEY } from "./db-key.ts";

const CLOSE_TIMEOUT_MS = 5000;

export function installGracefulShutdown(): void {
  const store = globalThis as unknown as Record<string, unknown>;
  if (store.corridorWatchShutdown) return;
  store.corridorWatchShutdown = true;
  let closing: Promise<void> | null = null;
  const closeDatabase = () => closing ??= (async () => {
    const database = store[SERVER_DB_KEY] as Database | undefined;
    if (!database) return;
    try {
      await Promise.race([database.close(), new Promise((r) => setTimeout(r, CLOSE_TIMEOUT_MS).unref())]);
      console.log("corridor-watch: database closed");
    } catch (e) { console.error("corridor-watch: closing the database failed:", (e as Error).message); }
  })();

  const onSignal = (signal: NodeJS.Signals) => {
    markShuttingDown();
    console.log(`corridor-watch: ${signal}: finishing in-flight requests, then closing the database`);
    const exit = process.exit.bind(process);
    // Next.js exits once its server has drained; the database closes first.
    process.exit = ((code?: number) => { void closeDatabase().finally(() => exit(code)); }) as typeof process.exit;
    // With NEXT_MANUAL_SIG_HANDLE Next leaves signals to the app: nothing else will exit.
    if (process.env.NEXT_MANUAL_SIG_HANDLE) void closeDatabase().finally(() => exit(signal === "SIGINT" ? 130 : 143));
  };
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
}
