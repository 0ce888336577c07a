// Sign-in through better-auth's real handler on a real database: the same Request a browser
// or curl sends to POST /api/auth/sign-in/email.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, freshDatabase, type TestDatabase } from "../testing/test-db.ts";
import { createAuth, SIGN_IN_MAX, type Auth } from "./auth.ts";
import { authSecret } from "./secret.ts";
import { createUser, ensureFirstAdmin, UserCreateError } from "./users.ts";
import { crossSiteProblem } from "./origin.ts";

const BASE = "http://127.0.0.1:3999";
let ip = 0;
function signIn(auth: Auth, body: unknown, from = `198.51.100.${++ip}`) {
  return auth.handler(new Request(`${BASE}/api/auth/sign-in/email`, {
    method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json", "x-forwarded-for": from, origin: BASE },
  }));
}

describe.each(backends())("accounts on %s", (backend) => {
  let db: TestDatabase;
  let auth: Auth;
  beforeAll(async () => {
    db = await freshDatabase(backend);
    auth = createAuth(db.prisma, { secret: await authSecret(db.prisma, {}), baseURL: BASE });
    await createUser(auth, { email: "Editor@Example.org", role: "editor", password: "correct horse battery" });
  });
  afterAll(async () => { await db?.close(); });

  it("keeps one generated secret in the database for every instance", async () => {
    const a = await authSecret(db.prisma, {});
    expect(await authSecret(db.prisma, {})).toBe(a);
    expect(a.length).toBeGreaterThanOrEqual(32);
    await expect(authSecret(db.prisma, { BETTER_AUTH_SECRET: "short" })).rejects.toThrow(/at least 32/);
  });

  it("signs in with the right password: session in the database, cookie HttpOnly and SameSite=Lax", async () => {
    const res = await signIn(auth, { email: "editor@example.org", password: "correct horse battery" });
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/better-auth\.session_token=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i); // plain http here; https base URLs get Secure (below)
    expect(await db.prisma.session.count()).toBe(1);
    const account = await db.prisma.account.findFirstOrThrow({ where: { providerId: "credential" } });
    expect(account.password).not.toContain("correct horse");
    expect(account.password).toMatch(/^[0-9a-f]+:[0-9a-f]+$/); // scrypt salt:key
  });

  it("answers a wrong password and an unknown email alike: 401, no hint which part was wrong", async () => {
    const wrongPassword = await signIn(auth, { email: "editor@example.org", password: "not the password at all" });
    const unknownEmail = await signIn(auth, { email: "nobody@example.org", password: "correct horse battery" });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(await wrongPassword.json()).toEqual(await unknownEmail.json());
  });

  it("rate-limits repeated attempts from one address with 429", async () => {
    const from = "203.0.113.9";
    const statuses: number[] = [];
    for (let n = 0; n <= SIGN_IN_MAX; n++) statuses.push((await signIn(auth, { email: "editor@example.org", password: `wrong password ${n}` }, from)).status);
    expect(statuses.slice(0, SIGN_IN_MAX).every((s) => s === 401)).toBe(true);
    expect(statuses[SIGN_IN_MAX]).toBe(429);
    // Even the right password waits out the window; another address is unaffected.
    expect((await signIn(auth, { email: "editor@example.org", password: "correct horse battery" }, from)).status).toBe(429);
    expect((await signIn(auth, { email: "editor@example.org", password: "correct horse battery" })).status).toBe(200);
  });

  it("has no self sign-up", async () => {
    const res = await auth.handler(new Request(`${BASE}/api/auth/sign-up/email`, {
      method: "POST", body: JSON.stringify({ email: "new@example.org", password: "a long enough password", name: "x" }), headers: { "content-type": "application/json", origin: BASE },
    }));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await db.prisma.user.count({ where: { email: "new@example.org" } })).toBe(0);
  });

  it("marks cookies Secure behind https", async () => {
    const secure = createAuth(db.prisma, { secret: await authSecret(db.prisma, {}), baseURL: "https://cw.example.org" });
    const res = await secure.handler(new Request("https://cw.example.org/api/auth/sign-in/email", {
      method: "POST", body: JSON.stringify({ email: "editor@example.org", password: "correct horse battery" }),
      headers: { "content-type": "application/json", origin: "https://cw.example.org", "x-forwarded-for": "198.51.100.250" },
    }));
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toMatch(/__Secure-better-auth\.session_token=.*Secure/i);
  });

  it("creates users with a role, refusing bad input by name", async () => {
    const made = await createUser(auth, { email: "second@example.org", role: "admin" });
    expect(made.generated).toBe(true);
    expect(made.password.length).toBeGreaterThanOrEqual(20);
    expect((await db.prisma.user.findUniqueOrThrow({ where: { email: "second@example.org" } })).role).toBe("admin");
    expect((await signIn(auth, { email: "second@example.org", password: made.password })).status).toBe(200);
    await expect(createUser(auth, { email: "x@example.org", role: "reader" })).rejects.toThrow(/--role/);
    await expect(createUser(auth, { email: "not-an-email", role: "editor" })).rejects.toThrow(/--email/);
    await expect(createUser(auth, { email: "x@example.org", role: "editor", password: "short" })).rejects.toThrow(/--password/);
    await expect(createUser(auth, { email: "second@example.org", role: "editor" })).rejects.toThrow(UserCreateError);
  });

  it("creates the first admin only when no user exists, never logging the password", async () => {
    const env = { CW_ADMIN_EMAIL: "boss@example.org", CW_ADMIN_PASSWORD: "the first admin password" };
    expect(await ensureFirstAdmin(auth, db.prisma, env)).toBeNull(); // users exist already
    const empty = await freshDatabase(backend);
    try {
      const fresh = createAuth(empty.prisma, { secret: await authSecret(empty.prisma, {}), baseURL: BASE });
      const said = await ensureFirstAdmin(fresh, empty.prisma, env);
      expect(said).toMatch(/boss@example.org/);
      expect(said).not.toContain(env.CW_ADMIN_PASSWORD);
      expect((await empty.prisma.user.findUniqueOrThrow({ where: { email: "boss@example.org" } })).role).toBe("admin");
      expect(await ensureFirstAdmin(fresh, empty.prisma, env)).toBeNull();
    } finally { await empty.close(); }
  });
});

describe("cross-site refusal", () => {
  const h = (o: Record<string, string>) => new Headers({ host: "127.0.0.1:3000", ...o });
  it("lets same-origin and header-less (script) requests through", () => {
    expect(crossSiteProblem(h({ origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-origin" }), "http://127.0.0.1:3000/api/reports")).toBeNull();
    expect(crossSiteProblem(h({}), "http://127.0.0.1:3000/api/reports")).toBeNull();
    expect(crossSiteProblem(h({ origin: "https://cw.example.org" }), "http://10.0.0.5:3000/x", "https://cw.example.org")).toBeNull();
  });
  it("refuses another origin, a null origin and cross-site fetch metadata", () => {
    expect(crossSiteProblem(h({ origin: "http://evil.example" }), "http://127.0.0.1:3000/api/reports")).toMatch(/evil.example/);
    expect(crossSiteProblem(h({ origin: "null" }), "http://127.0.0.1:3000/api/reports")).toMatch(/refused/);
    expect(crossSiteProblem(h({ "sec-fetch-site": "cross-site" }), "http://127.0.0.1:3000/api/reports")).toMatch(/cross-site/);
  });
});

describe("origin check without a configured base URL", () => {
  it("accepts the server's own origin", async () => {
    const db = await freshDatabase("pglite");
    try {
      const auth = createAuth(db.prisma, { secret: await authSecret(db.prisma, {}) });
      await createUser(auth, { email: "o@example.org", role: "editor", password: "origin test password" });
      const post = (origin: string) => auth.handler(new Request("http://127.0.0.1:4999/api/auth/sign-in/email", {
        method: "POST", body: JSON.stringify({ email: "o@example.org", password: "origin test password" }),
        headers: { "content-type": "application/json", host: "127.0.0.1:4999", origin, "x-forwarded-for": "192.0.2.44" },
      }));
      // (better-auth skips its own origin check under NODE_ENV=test; the route's crossSiteProblem
      // refuses other origins first, and e2e/editors.spec.ts checks both in production.)
      expect((await post("http://127.0.0.1:4999")).status).toBe(200);
    } finally { await db.close(); }
  });
});
