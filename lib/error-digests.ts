// Error digests the server sets and the error page (a client component) reads, so it can say
// "data temporarily unavailable" rather than a generic failure. Client-safe.

/** The digest of a DatabaseUnavailableError (lib/server/db-errors.ts). */
export const DATABASE_UNAVAILABLE_DIGEST = "DATABASE_UNAVAILABLE";
