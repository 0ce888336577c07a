// Next's lint rules (core web vitals, TypeScript) plus the layer rules of the README's
// "Where the code lives": imports run one way, app/components -> lib/data -> lib/server;
// lib/write -> lib/records; nothing in lib imports from seed/, app/ or components/. Type-only
// imports cross layers freely (they leave nothing behind at run time).
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const restrict = (patterns) => ({
  "@typescript-eslint/no-restricted-imports": ["error", { patterns: patterns.map(([group, message]) => ({ group, message, allowTypeImports: true })) }],
});

const NOT_IN_LIB = [
  [["**/seed/**", "@/seed/**"], "lib/ is imported by the commands in seed/, never the other way"],
  [["@/app/**", "**/app/**", "@/components/**", "**/components/**"], "lib/ knows nothing of pages and components"],
  [["**/bench/**", "**/e2e/**"], "lib/ does not depend on the benchmark or the browser tests"],
];

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: ["lib/generated/**", ".next/**", ".next-*/**", "node_modules/**", ".data/**", "bench/results/**", "next-env.d.ts"] },
  {
    rules: {
      // `_name` marks a value deliberately left unused (a destructured field dropped).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  {
    files: ["components/**", "app/**"],
    ignores: ["**/*.test.ts"],
    rules: restrict([
      [["@/lib/write/**", "@/lib/records/**", "@/lib/testing/**"], "pages and components read the record through lib/data; writers and record schemas are for commands"],
      [["@/lib/generated/**"], "use the vocabularies of lib/vocab.ts and the types of lib/data"],
    ]),
  },
  {
    // The editors' write endpoints (issue 14) call the writers: that is what they are for.
    files: ["app/api/reports/**"],
    ignores: ["**/*.test.ts"],
    rules: restrict([
      [["@/lib/records/**", "@/lib/testing/**"], "write endpoints go through lib/write"],
      [["@/lib/generated/**"], "use the vocabularies of lib/vocab.ts and the types of lib/data"],
    ]),
  },
  {
    files: ["components/**"],
    rules: restrict([
      [["@/lib/write/**", "@/lib/records/**", "@/lib/testing/**"], "components read the record through lib/data"],
      [["@/lib/generated/**"], "use the vocabularies of lib/vocab.ts and the types of lib/data"],
      [["@/lib/server/**"], "server infrastructure stays behind lib/data"],
    ]),
  },
  {
    files: ["lib/**/*.ts"],
    ignores: ["lib/**/*.test.ts", "lib/testing/**"],
    rules: restrict(NOT_IN_LIB),
  },
  {
    files: ["lib/data/**/*.ts"],
    ignores: ["lib/**/*.test.ts"],
    rules: restrict([...NOT_IN_LIB, [["**/write/**", "../write/*", "**/records/**"], "request-time readers never write and never read record files"]]),
  },
  {
    files: ["lib/write/**/*.ts", "lib/records/**/*.ts"],
    ignores: ["lib/**/*.test.ts"],
    rules: restrict([...NOT_IN_LIB, [["**/data/**", "../data/*"], "writers do not depend on the request-time readers"]]),
  },
  {
    files: ["lib/records/**/*.ts"],
    ignores: ["lib/**/*.test.ts"],
    rules: restrict([...NOT_IN_LIB, [["**/data/**", "**/write/**", "**/server/**"], "record schemas are pure: they validate records and nothing else"]]),
  },
  {
    // The client-safe modules: anything here may end up in a browser bundle.
    files: ["lib/*.ts"],
    ignores: ["lib/**/*.test.ts", "lib/filters.ts"],
    rules: restrict([...NOT_IN_LIB, [["./server/*", "./data/*", "./write/*", "./records/*", "./generated/**", "zod"], "lib/*.ts is client-safe: no server code, no database, no zod"]]),
  },
];

export default config;
