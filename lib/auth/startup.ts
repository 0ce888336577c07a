// At server start: the first admin from CW_ADMIN_EMAIL / CW_ADMIN_PASSWORD when no user exists.
// Never fatal: a read-only database role or an unmigrated database only means no editors yet,
// and the public pages must still start. The password is never logged.
import type { PrismaClient } from "../generated/prisma/client.ts";
import { createAuth } from "./auth.ts";
import { authSecret } from "./secret.ts";
import { ensureFirstAdmin } from "./users.ts";

export async function createFirstAdminAtStart(prisma: PrismaClient, env: Record<string, string | undefined> = process.env): Promise<void> {
  if (!env.CW_ADMIN_EMAIL && !env.CW_ADMIN_PASSWORD) return;
  try {
    const auth = createAuth(prisma, { secret: await authSecret(prisma, env), baseURL: env.BETTER_AUTH_URL || "http://localhost", rateLimit: false });
    const said = await ensureFirstAdmin(auth, prisma, env);
    if (said) console.log(`Corridor Watch: ${said}`);
  } catch (e) {
    console.error(`Corridor Watch: could not create the first admin from CW_ADMIN_EMAIL: ${(e as Error).message.split("\n")[0]}`);
  }
}
