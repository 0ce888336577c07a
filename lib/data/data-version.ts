import "server-only";
// The data version (bumped by a trigger on every write; see the data_version migration) and
// the caches keyed on it. One tiny primary-key read per request replaces the scans behind
// a cached answer; the cost of a change is one recomputation, by the first request after it.
import { cache } from "react";
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import { VersionedCache } from "../server/versioned-cache.ts";
import { db } from "../server/db.ts";
import { readEnv } from "../server/env.ts";

/** The current data version; null when the row is missing, and then nothing may be cached. */
export async function readDataVersion(prisma: PrismaClient): Promise<bigint | null> {
  const [row] = await prisma.$queryRaw<{ version: bigint }[]>`SELECT "version" FROM "DataVersion" WHERE "id" = 1`;
  return row ? BigInt(row.version) : null;
}

/** How an answer was read: from a summary the triggers keep, or by scanning every matching incident. */
export type ScanSource = "summary" | "incidents";

/** False while a bulk load has switched the summaries' triggers off (db:synth), until it rebuilds them.
 * Once per request (React's cache): the overview and the map both ask. */
const summaryReady = cache(async (prisma: PrismaClient): Promise<boolean> => {
  const [row] = await prisma.$queryRaw<{ deferred: boolean }[]>`SELECT "summaryDeferred" AS deferred FROM "DataVersion" WHERE "id" = 1`;
  return row !== undefined && !row.deferred;
});

/**
 * Where to read: the summary when the filters let it answer (`where`, from summarySql or
 * mapSummarySql) and it is not deferred, else the scan. `forced` (tests, the benchmark)
 * picks one; a summary forced for filters it cannot answer is an error.
 */
export async function scanSource(where: Prisma.Sql | null, prisma: PrismaClient, forced?: ScanSource): Promise<ScanSource> {
  if (forced === "summary" && !where) throw new Error("these filters need a scan of the incidents");
  return forced ?? (where && await summaryReady(prisma) ? "summary" : "incidents");
}

// Once per request (React's cache) in pages; route handlers have no request scope, so each call reads it.
const requestDataVersion = cache(readDataVersion);

/**
 * A cache of answers of one kind, one per database (tests open several in one process, and
 * two databases can be at the same version number).
 */
export function versionedCache<T>(maxEntries: number) {
  const perDatabase = new WeakMap<PrismaClient, VersionedCache<T>>();
  const enabled = readEnv().dataCache;
  return async (key: string, compute: () => Promise<T>, prisma: PrismaClient = db()): Promise<T> => {
    if (!enabled) return compute();
    const version = await requestDataVersion(prisma);
    if (version === null) return compute();
    let store = perDatabase.get(prisma);
    if (!store) perDatabase.set(prisma, store = new VersionedCache<T>(maxEntries));
    return store.get(version, key, compute);
  };
}
