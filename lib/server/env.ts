// The environment, read and checked in one place. Everything that needs a setting imports
// it from here, so a malformed value is reported once, clearly, at start-up.
import path from "node:path";
import { z } from "zod";

const postgresUrl = z
  .string()
  .refine((v) => { try { return ["postgres:", "postgresql:"].includes(new URL(v).protocol); } catch { return false; } },
    { message: "must be a PostgreSQL connection URL such as postgresql://user:password@host:5432/database" });

const envSchema = z.object({
  // An empty DATABASE_URL means "not set": tools such as Playwright's webServer can only blank a variable.
  DATABASE_URL: z.preprocess((v) => (v === "" ? undefined : v), postgresUrl.optional()),
  PGLITE_DIR: z.preprocess((v) => (v === "" ? undefined : v), z.string().default(".data/pglite")),
  // "off" computes every answer afresh (lib/data/data-version.ts): how the benchmark measures
  // the uncached path against raw SQL.
  DATA_CACHE: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["on", "off"], { message: 'must be "on" or "off"' }).default("on")),
});

export type Env = { databaseUrl?: string; pgliteDir: string; dataCache: boolean };

export class EnvError extends Error {}

/** Parses the given environment (process.env by default); throws EnvError naming the bad variable. */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid environment:\n  ${lines.join("\n  ")}`);
  }
  return {
    databaseUrl: parsed.data.DATABASE_URL,
    pgliteDir: path.resolve(/*turbopackIgnore: true*/ process.cwd(), parsed.data.PGLITE_DIR),
    dataCache: parsed.data.DATA_CACHE === "on",
  };
}

/** Where a connection URL points, with the password removed, for logs and messages. */
export function describeDatabase(env: Env): string {
  if (!env.databaseUrl) return `embedded PGlite at ${env.pgliteDir}`;
  const url = new URL(env.databaseUrl);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
