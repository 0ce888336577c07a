// Helpers for the specs that need a server of their own (their own database, port and
// environment) instead of the shared one playwright.config.ts starts: injection, outage,
// read-only role, error pages. Each server is `next start` on the production build, on
// 127.0.0.1, on a port in 3500-3599, and is stopped by its own pid.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";

const execFileAsync = promisify(execFile);

export type Env = Record<string, string | undefined>;

/** Runs a project command (`tsx seed/run.ts` ...) to completion; resolves with its output and exit code. */
export async function run(args: string[], env: Env, timeout = 120_000): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync("node_modules/.bin/tsx", args, { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env }, timeout, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === "number" ? err.code : 1, stdout: err.stdout ?? "", stderr: err.stderr ?? String(e) };
  }
}

/** Migrates and seeds a database (DATABASE_URL or PGLITE_DIR in env), throwing with the output if either fails. */
export async function migrateAndSeed(env: Env): Promise<void> {
  for (const args of [["prisma/migrate.ts", "deploy"], ["seed/run.ts"]]) {
    const r = await run(args, env);
    if (r.code !== 0) throw new Error(`${args.join(" ")} failed:\n${r.stdout}\n${r.stderr}`);
  }
}

export type OwnServer = { url: string; process: ChildProcess; output: () => string; stop: () => Promise<void> };

export async function startServer(port: number, env: Env): Promise<OwnServer> {
  // node on next's entry, not npx: the pid is the server's own, so stopping it stops the server.
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env }, stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server on ${port} exited with ${child.exitCode}:\n${output}`);
    try { await fetch(`${url}/icon.svg`); break; } catch { /* not listening yet */ }
    if (Date.now() > deadline) { await stop(); throw new Error(`server on ${port} did not start in 60 s:\n${output}`); }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, process: child, output: () => output, stop };
}

/** Row counts and an md5 of every row of each table: equal before and after means nothing changed. */
export async function checksums(databaseUrl: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const out: Record<string, string> = {};
    for (const table of ["Source", "Perpetrator", "Project", "Incident", "IncidentSource", "Attribution", "Casualty", "Evidence", "ReportedFigure"]) {
      // The table names are the constant list above, never input: quoting them is all that is needed.
      const { rows } = await client.query<{ n: string; md5: string | null }>(`SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS md5 FROM "${table}" t`);
      out[table] = `${rows[0].n} rows ${rows[0].md5 ?? "-"}`;
    }
    return out;
  } finally { await client.end(); }
}

/** A throwaway PostgreSQL database on the server TEST_DATABASE_URL names; drop() removes it. */
export async function throwawayDatabase(adminUrl: string, name: string): Promise<{ url: string; drop: () => Promise<void>; admin: pg.Client }> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad database name ${name}`);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(), admin,
    drop: async () => { await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); await admin.end(); },
  };
}

/** What must never reach a client: stack frames, internal paths, connection strings, SQL errors. */
export const LEAKS = /\bat [\w.<>$]+ \(|node_modules|\.next\/server|postgres(ql)?:\/\/|PrismaClient|Invalid `prisma|ECONNREFUSED|SQLSTATE|relation "|\.data\//;
