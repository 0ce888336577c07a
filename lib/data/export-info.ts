import "server-only";
// What a downloaded chart says about the data it was drawn from: the data version (bumped
// on every write, see data-version.ts) and when it last changed.
import { cache } from "react";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { db } from "../server/db.ts";

export type DataStamp = { version: string; changedAt: string } | null;

export const dataStamp = cache(async (prisma: PrismaClient = db()): Promise<DataStamp> => {
  const [row] = await prisma.$queryRaw<{ version: bigint; changedAt: Date }[]>`SELECT "version", "changedAt" FROM "DataVersion" WHERE "id" = 1`;
  return row ? { version: String(row.version), changedAt: row.changedAt.toISOString().slice(0, 10) } : null;
});
