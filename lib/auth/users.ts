// Creating accounts, for `npm run user:create` and the first admin at start-up. Through the
// library's own admin API, so the password is hashed exactly as sign-in expects.
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { Auth } from "./auth.ts";
import { isRole, type Role } from "./roles.ts";

export class UserCreateError extends Error {}

/** A password to hand over once: 18 random bytes, URL-safe (24 characters). */
export function oneTimePassword(): string {
  return randomBytes(18).toString("base64url");
}

export async function createUser(auth: Auth, input: { email: string; role: string; password?: string; name?: string }): Promise<{ id: string; email: string; role: Role; password: string; generated: boolean }> {
  const email = input.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new UserCreateError(`--email: "${input.email}" is not an email address`);
  if (!isRole(input.role)) throw new UserCreateError(`--role: must be editor or admin, not "${input.role}"`);
  const generated = input.password === undefined;
  const password = input.password ?? oneTimePassword();
  if (password.length < 12) throw new UserCreateError("--password: must be at least 12 characters");
  if (password.length > 128) throw new UserCreateError("--password: must be at most 128 characters");
  try {
    const { user } = await auth.api.createUser({ body: { email, password, name: input.name ?? email.split("@")[0], role: input.role } });
    return { id: user.id, email, role: input.role, password, generated };
  } catch (e) {
    const message = (e as { body?: { message?: string } }).body?.message ?? (e as Error).message;
    throw new UserCreateError(/already exists/i.test(message) ? `a user with the email ${email} already exists` : message);
  }
}

/**
 * The first admin, from CW_ADMIN_EMAIL and CW_ADMIN_PASSWORD, when no user exists yet.
 * Returns what it did, for one log line that never includes the password.
 */
export async function ensureFirstAdmin(auth: Auth, prisma: PrismaClient, env: Record<string, string | undefined> = process.env): Promise<string | null> {
  const email = env.CW_ADMIN_EMAIL?.trim();
  const password = env.CW_ADMIN_PASSWORD;
  if (!email && !password) return null;
  if (!email || !password) return "CW_ADMIN_EMAIL and CW_ADMIN_PASSWORD must both be set to create the first admin; none created";
  if (await prisma.user.count() > 0) return null;
  const user = await createUser(auth, { email, password, role: "admin" });
  return `created the first admin, ${user.email} (password from CW_ADMIN_PASSWORD)`;
}
