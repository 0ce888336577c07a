// Telling "the database is unavailable" apart from a bug, so users get an honest "data
// temporarily unavailable" (pages) or 503 (API) instead of a generic failure, and never
// a stack trace or a connection string.
import { DATABASE_UNAVAILABLE_DIGEST } from "../error-digests.ts";

/** Next.js passes an error's own digest to the client error boundary; this one marks an outage. */
export class DatabaseUnavailableError extends Error {
  readonly digest = DATABASE_UNAVAILABLE_DIGEST;
  constructor(cause: unknown) {
    super("The database is unavailable", { cause });
    this.name = "DatabaseUnavailableError";
  }
}

// Prisma's connection-level codes: can't reach, timed out, database missing, connection closed, pool timeout.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1003", "P1008", "P1017", "P2024"]);
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "DatabaseDoesNotExist", "DatabaseAccessDenied", "AuthenticationFailed", "SocketTimeout", "TooManyConnections", "ConnectionClosed", "TransactionAlreadyClosed"]);
// Node socket errors, and PostgreSQL's connection-exception and shutdown SQLSTATEs.
const SYSTEM_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "08000", "08001", "08003", "08006", "57P01", "57P02", "57P03"]);

type Shape = { code?: unknown; kind?: unknown; cause?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown } } }; message?: unknown };

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  if (error instanceof DatabaseUnavailableError) return true;
  const e = error as Shape;
  if (typeof e.code === "string" && (PRISMA_CODES.has(e.code) || SYSTEM_CODES.has(e.code))) return true;
  if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
  const adapter = e.meta?.driverAdapterError?.cause;
  if (adapter && ((typeof adapter.kind === "string" && ADAPTER_KINDS.has(adapter.kind)) || (typeof adapter.originalCode === "string" && SYSTEM_CODES.has(adapter.originalCode)))) return true;
  if (typeof e.message === "string" && /Connection terminated|connect ECONNREFUSED|Can't reach database server/.test(e.message)) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}

/** Rethrows connection failures as DatabaseUnavailableError; anything else as it was. */
export function asUnavailable(error: unknown): unknown {
  return !(error instanceof DatabaseUnavailableError) && isDatabaseUnavailable(error) ? new DatabaseUnavailableError(error) : error;
}
