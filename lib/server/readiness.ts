import "server-only";
// What a load balancer asks before sending traffic: is the database reachable, and does its
// schema have every migration this build was made with? A server started before `db:migrate`
// (or pointed at an empty database) must say "not ready" rather than answer with 500s.
import { readdirSync } from "node:fs";
import path from "node:path";
import type { PrismaClient } from "../generated/prisma/client.ts";

let shuttingDown = false;
/** Set on SIGTERM (lib/server/shutdown.ts): a draining instance reports not ready, so the balancer stops sending to it. */
export function markShuttingDown() { shuttingDown = true; }
export const isShuttingDown = () => shuttingDown;

let expected: string[] | null = null;
/** The migration folders shipped with this build (prisma/migrations), read once. */
function expectedMigrations(): string[] {
  expected ??= readdirSync(path.resolve(/*turbopackIgnore: true*/ process.cwd(), "prisma", "migrations"), { withFileTypes: true })
    .filter((d) => d.isDirectory()).map((d) => d.name).sort();
  return expected;
}

export type Readiness = { ready: boolean; reason?: string; pending?: string[] };

export async function readiness(prisma: PrismaClient): Promise<Readiness> {
  if (shuttingDown) return { ready: false, reason: "shutting down" };
  let applied: string[];
  try {
    const rows = await prisma.$queryRaw<{ name: string }[]>`SELECT "migration_name" AS name FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`;
    applied = rows.map((r) => r.name);
  } catch (e) {
    // No table (never migrated) and no connection both mean: not ready. The detail stays in the log.
    console.error("readiness check failed:", (e as Error).message);
    return { ready: false, reason: "database unreachable or not migrated" };
  }
  let wanted: string[];
  try { wanted = expectedMigrations(); } catch { return { ready: true, reason: "migration folder not shipped; database reachable" }; }
  const have = new Set(applied);
  const pending = wanted.filter((m) => !have.has(m));
  return pending.length ? { ready: false, reason: "migrations pending", pending } : { ready: true };
}
