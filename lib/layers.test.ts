// The layer rule ESLint cannot see: a "use client" file ships to the browser, so it may take
// only types from the server side (lib/data, lib/server, lib/filters with its zod schema,
// writers, record schemas and the generated client), and never a module marked server-only.
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const ROOT = join(import.meta.dirname, "..");
const SERVER_SIDE = [/^@\/lib\/(data|server|write|records|testing|generated)\//, /^@\/lib\/filters\.ts$/, /^zod$/, /^server-only$/];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** The runtime imports of a file: `import type` and `import { type X }`-only lines leave nothing behind. */
export function runtimeImports(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/^import\s+(type\s+)?(?:(\{[^}]*\})|[^"']*?)\s*(?:from\s+)?["']([^"']+)["'];?$/gm)) {
    const [, typeOnly, braces, spec] = m;
    if (typeOnly) continue;
    if (braces && braces.slice(1, -1).split(",").map((s) => s.trim()).filter(Boolean).every((s) => s.startsWith("type "))) continue;
    out.push(spec);
  }
  return out;
}

const clientFiles = ["app", "components"].flatMap((d) => files(join(ROOT, d))).filter((f) => /^\s*["']use client["']/.test(readFileSync(f, "utf8")));

describe("client components", () => {
  it("are found (the check below is not vacuous)", () => {
    expect(clientFiles.length).toBeGreaterThan(5);
  });

  it.each(clientFiles.map((f) => [relative(ROOT, f), f]))("%s takes only types from the server side", (_name, file) => {
    const bad = runtimeImports(readFileSync(file, "utf8")).filter((spec) => SERVER_SIDE.some((rx) => rx.test(spec)));
    expect(bad).toEqual([]);
  });

  it("the import reader tells a runtime import from a type-only one", () => {
    expect(runtimeImports(`import { a, type B } from "@/lib/data/x.ts";\nimport type { C } from "@/lib/server/db.ts";\nimport { type D } from "zod";\nimport "server-only";`))
      .toEqual(["@/lib/data/x.ts", "server-only"]);
  });
});
