// Embedded PGlite settles every query as a microtask; a long run of queries must still let the
// event loop turn (lib/server/prisma-factory.ts), or timers, signals and the test runner's
// messages wait for its end. Each way the code reaches the database is run for a quarter of a
// second with a timer due at once: the timer must fire before the run ends.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawQueryOf, rawTransactionOf } from "./prisma-factory.ts";
import { freshDatabase, type TestDatabase } from "../testing/test-db.ts";

async function timerFiresDuring(run: (again: () => boolean) => Promise<void>) {
  let fired = false;
  const timer = setTimeout(() => { fired = true; }, 0);
  const until = performance.now() + 250;
  let firedBeforeEnd = false;
  await run(() => { firedBeforeEnd ||= fired; return performance.now() < until; });
  clearTimeout(timer);
  return firedBeforeEnd;
}

describe("a long run of queries on PGlite", () => {
  let db: TestDatabase;
  beforeAll(async () => { db = await freshDatabase("pglite"); });
  afterAll(async () => { await db?.close(); });

  it("lets a timer fire through Prisma, inside and outside a transaction", async () => {
    expect(await timerFiresDuring(async (again) => { while (again()) await db.prisma.incident.count(); })).toBe(true);
    expect(await timerFiresDuring((again) => db.prisma.$transaction(async (tx) => { while (again()) await tx.incident.count(); }))).toBe(true);
  });

  it("lets a timer fire through the driver's transaction and one-row reads", async () => {
    expect(await timerFiresDuring((again) => rawTransactionOf(db.prisma)!(async (sql) => { while (again()) await sql.query("SELECT count(*) FROM \"Incident\""); }))).toBe(true);
    expect(await timerFiresDuring(async (again) => { while (again()) await rawQueryOf(db.prisma)!.query("SELECT 1"); })).toBe(true);
  });
});
