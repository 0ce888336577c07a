import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)), "server-only": fileURLToPath(new URL("./lib/testing/server-only-stub.ts", import.meta.url)) } },
  test: {
    environment: "node",
    include: ["lib/**/*.test.ts", "seed/**/*.test.ts", "prisma/**/*.test.ts", "app/**/*.test.ts"],
    globalSetup: ["lib/testing/global-setup.ts"],
    pool: "forks", // each test file in its own process, with its own databases
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
