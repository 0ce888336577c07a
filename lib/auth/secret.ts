// The secret that signs session cookies. BETTER_AUTH_SECRET wins when set; otherwise one is
// generated on first use and kept in the database, so every instance and every restart
// shares it (a secret per process would sign everyone out on each restart).
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client.ts";

const NAME = "better-auth-secret";

export async function authSecret(prisma: PrismaClient, env: Record<string, string | undefined> = process.env): Promise<string> {
  const fromEnv = env.BETTER_AUTH_SECRET?.trim();
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error("BETTER_AUTH_SECRET must be at least 32 characters (e.g. openssl rand -base64 32)");
    return fromEnv;
  }
  const found = await prisma.appSecret.findUnique({ where: { name: NAME } });
  if (found) return found.value;
  // Two instances starting together: the first insert wins and both read it back.
  await prisma.appSecret.createMany({ data: [{ name: NAME, value: randomBytes(48).toString("base64url") }], skipDuplicates: true });
  return (await prisma.appSecret.findUniqueOrThrow({ where: { name: NAME } })).value;
}
