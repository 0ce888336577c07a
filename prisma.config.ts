import { defineConfig } from "prisma/config";

// Prisma 7 keeps the connection URL here. Only the official CLI reads it (on a machine
// with internet, `prisma migrate deploy` works on the same migrations folder); the app and
// prisma/migrate.ts connect through driver adapters instead.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/corridor_watch" },
});
