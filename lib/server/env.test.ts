import { describe, expect, it } from "vitest";
import { describeDatabase, readEnv } from "./env.ts";

describe("readEnv", () => {
  it("uses the embedded database when DATABASE_URL is unset or empty", () => {
    expect(readEnv({}).databaseUrl).toBeUndefined();
    expect(readEnv({ DATABASE_URL: "" }).databaseUrl).toBeUndefined();
    expect(readEnv({}).pgliteDir).toMatch(/\.data\/pglite$/);
  });

  it("accepts a PostgreSQL URL", () => {
    expect(readEnv({ DATABASE_URL: "postgresql://u:p@db:5432/cw" }).databaseUrl).toBe("postgresql://u:p@db:5432/cw");
  });

  it.each(["not a url", "mysql://u@h/db", "http://example.org/db"])("rejects a malformed DATABASE_URL (%s) naming the variable", (bad) => {
    expect(() => readEnv({ DATABASE_URL: bad })).toThrow(/DATABASE_URL: must be a PostgreSQL connection URL/);
  });

  it("caches answers unless DATA_CACHE is off, and names the variable when it is neither", () => {
    expect(readEnv({}).dataCache).toBe(true);
    expect(readEnv({ DATA_CACHE: "on" }).dataCache).toBe(true);
    expect(readEnv({ DATA_CACHE: "off" }).dataCache).toBe(false);
    expect(() => readEnv({ DATA_CACHE: "no" })).toThrow(/DATA_CACHE: must be "on" or "off"/);
  });

  it("never shows the password when describing the database", () => {
    const text = describeDatabase(readEnv({ DATABASE_URL: "postgresql://reader:s3cret@db.internal:6543/cw" }));
    expect(text).toBe("PostgreSQL at db.internal:6543/cw");
  });
});
