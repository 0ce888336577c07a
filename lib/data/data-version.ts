import "server-only";
// The data version (bumped by a trigger on every write; see the data_version migration) and
// the caches keyed on it. One tiny primary-key read per request replaces the scans behind
// a cached answer; the cost of a change is one recomputation, by the first request after it.
import { cache } from "react";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { VersionedCache } from "../server/versioned-cache.ts";
import { db } from "../server/db.ts";
import { readEnv } from "../server/env.ts";

/** The current data version; null when the row is missing, and then nothing may be cached. */
export async function readDataVersion(prisma: PrismaClient): Promise<bigint | null> {
  const [row] = await prisma.$queryRaw<{ version: bigint }[]>`SELECT "version" FROM "DataVersion" WHERE "id" = 1`;
  return row ? BigInt(row.version) : null;
}

/** False while a bulk load has switched the summaries' triggers off (db:synth), until it rebuilds them: readers then scan. */
export async function summaryReady(prisma: PrismaClient): Promise<boolean> {
  const [row] = await prisma.$queryRaw<{ deferred: boolean }[]>`SELECT "summaryDeferred" AS deferred FROM "DataVersion" WHERE "id" = 1`;
  return row !== undefined && !row.deferred;
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
