// "No SQL is built from strings": a scan of the app's runtime code (app/, components/, lib/
// but for generated, test-only and benchmark-data code). Database access goes through
// Prisma's query builder, or tagged `$queryRaw` / `Prisma.sql` templates whose values
// become bind parameters. The only raw fragment is an enum type name (enumList), and it must
// come from a string literal in the source, never from input.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOTS = ["app", "components", "lib", "seed", "proxy.ts", "instrumentation.ts", "instrumentation-node.ts"];
const SKIP = /(^|\/)(generated|testing|synth)(\/|$)|\.test\.tsx?$/;

function files(path: string): string[] {
  if (SKIP.test(path)) return [];
  if (statSync(path).isDirectory()) return readdirSync(path).flatMap((f) => files(join(path, f)));
  return /\.tsx?$/.test(path) ? [path] : [];
}

describe("database access is parameterised", () => {
  const sources = ROOTS.flatMap(files).map((f) => ({ f, text: readFileSync(f, "utf8") }));

  it("scans the app's code", () => { expect(sources.length).toBeGreaterThan(20); });

  it("never uses the Unsafe raw-query methods", () => {
    for (const { f, text } of sources) expect(text, f).not.toMatch(/\$(queryRaw|executeRaw)Unsafe|\.unsafe\(/);
  });

  it("calls $queryRaw / $executeRaw as a tagged template or with a Prisma.Sql, never a string", () => {
    // Their types accept only a template or a Prisma.Sql; this catches a string cast past them.
    for (const { f, text } of sources) {
      for (const m of text.matchAll(/\$(queryRaw|executeRaw)(<[^`(]*?>)?\s*\(/g)) {
        expect(text.slice(m.index! + m[0].length).trimStart(), f).not.toMatch(/^([`'"]|String\(|\w+\s*\+)|^[^)]*\bas (string|any|never)\b/);
      }
    }
  });

  it("raw fragments name enum types from literals only", () => {
    for (const { f, text } of sources) {
      for (const m of text.matchAll(/Prisma\.raw\(([^)]*)\)/g)) expect(`${f}: ${m[1]}`).toBe(`${f}: \`"\${type}"\``);
      // ... and whatever passes `type` there passes a literal type name.
      for (const m of text.matchAll(/enumList\(([^,()]+), ([^)]+)\)/g)) if (!m[1].includes(":")) expect(m[2], `${f}: ${m[0]}`).toMatch(/^"[A-Za-z]+"$/);
    }
  });
});
