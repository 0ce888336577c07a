import "server-only";
// The server's one auth instance, on its database client, built at the first request that needs
// it (the secret may live in the database, which is not opened at build time).
import { db } from "../server/db.ts";
import { createAuth, type Auth } from "./auth.ts";
import { authSecret } from "./secret.ts";

const store = globalThis as unknown as { corridorWatchAuth?: Promise<Auth> };

export function serverAuth(): Promise<Auth> {
  store.corridorWatchAuth ??= (async () => createAuth(db(), { secret: await authSecret(db()), baseURL: process.env.BETTER_AUTH_URL || undefined }))()
    .catch((e) => { store.corridorWatchAuth = undefined; throw e; });
  return store.corridorWatchAuth;
}
