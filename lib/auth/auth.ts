// Accounts and sessions, by better-auth (its scrypt password hashing, its database sessions,
// its cookies and its sign-in endpoint) on the app's own Prisma client. Deliberately not
// server-only: `npm run user:create` and the tests build the same instance outside Next.js.
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { admin } from "better-auth/plugins/admin";
import { adminAc, defaultAc } from "better-auth/plugins/admin/access";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { allowedOrigins } from "./origin.ts";

// Editors may use the app's write endpoints but none of the user-management ones.
const editorAc = defaultAc.newRole({ user: [], session: [] });

/** Sign-in attempts allowed per client address in SIGN_IN_WINDOW seconds; the next gets 429. */
export const SIGN_IN_MAX = 5;
export const SIGN_IN_WINDOW = 60;

export type AuthOptions = {
  secret: string;
  /** The public origin (BETTER_AUTH_URL): https here makes the cookies Secure. Unset: taken from each request. */
  baseURL?: string;
  /** Rate limiting on (the default everywhere, tests included). */
  rateLimit?: boolean;
};

export function createAuth(prisma: PrismaClient, opts: AuthOptions) {
  return betterAuth({
    appName: "Corridor Watch",
    secret: opts.secret,
    baseURL: opts.baseURL,
    // The same origins the app's own write endpoints accept (lib/auth/origin.ts): this host as
    // the request names it, and BETTER_AUTH_URL. Without a base URL the library trusts none.
    trustedOrigins: async (request) => (request ? [...allowedOrigins(request.headers, request.url, opts.baseURL)] : opts.baseURL ? [new URL(opts.baseURL).origin] : []),
    database: prismaAdapter(prisma, { provider: "postgresql" }),
    emailAndPassword: {
      enabled: true,
      // No self sign-up: accounts come from CW_ADMIN_EMAIL, `npm run user:create` or an admin.
      disableSignUp: true,
      minPasswordLength: 12,
      maxPasswordLength: 128,
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    plugins: [
      admin({ roles: { admin: adminAc, editor: editorAc }, defaultRole: "editor", adminRoles: ["admin"] }),
    ],
    rateLimit: {
      enabled: opts.rateLimit ?? true,
      // In the database, so several app instances count the same attempts.
      storage: "database",
      customRules: { "/sign-in/email": { window: SIGN_IN_WINDOW, max: SIGN_IN_MAX } },
    },
    advanced: {
      // HttpOnly and SameSite=Lax always; Secure follows the base URL's scheme (https: Secure).
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      ...(opts.baseURL?.startsWith("https:") ? { useSecureCookies: true } : {}),
    },
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof createAuth>;
