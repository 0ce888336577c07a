// `npm run db:migrate[:create|:status]`: Prisma's schema engine (WASM) over the app's driver
// adapters, as lib/write/migrations.ts explains.
//   tsx prisma/migrate.ts create <name>   schema.prisma vs history -> prisma/migrations/<ts>_<name>/
//   tsx prisma/migrate.ts deploy          apply pending migrations (PGlite, or DATABASE_URL)
//   tsx prisma/migrate.ts status          what the engine thinks of the history
import { ENGINE_FILTERS, MIGRATIONS_DIR, applyMigrations, createMigration, readMigrations, targetFactory, withEngine } from "../lib/write/migrations.ts";

async function main(cmd: string | undefined, name: string | undefined) {
  if (cmd === "create") {
    if (!name) throw new Error("usage: npm run db:migrate:create -- <name>");
    const folder = await createMigration(name);
    console.log(folder ? `created ${folder}` : "schema.prisma matches the migrations; nothing to create");
    return;
  }
  if (cmd !== "deploy" && cmd !== "status") throw new Error("usage: migrate.ts create <name> | deploy | status");
  const t = targetFactory();
  try {
    if (cmd === "deploy") {
      const applied = await applyMigrations(t.factory);
      console.log(`[${t.label}] ${applied.length ? `applied: ${applied.join(", ")}` : "up to date"}`);
    } else {
      const status = await withEngine(t.factory, async (e) => e.diagnoseMigrationHistory({ migrationsList: await readMigrations(MIGRATIONS_DIR), optInToShadowDatabase: false, filters: ENGINE_FILTERS }));
      console.log(`[${t.label}]`, JSON.stringify(status, null, 2));
    }
  } finally { await t.close(); }
}

const [cmd, name] = process.argv.slice(2);
try {
  await main(cmd, name);
} catch (e) {
  console.error(`migration failed: ${(e as Error).message ?? e}`);
  process.exit(1);
}
// The WASM engine leaves a ~10 s advisory-lock timer pending after it finishes.
process.exit(0);
