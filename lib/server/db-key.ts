/** Where the server process keeps its one database handle (shared by instrumentation.ts and lib/db.ts). */
export const SERVER_DB_KEY = "corridorWatchDb";
