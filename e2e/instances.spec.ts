// Several app instances on one PostgreSQL database: a write through one instance's database
// (db:import, as a deploy's writer runs it) or through one instance itself (an editor's
// accept; the editor's session works on both) is served by the other on its very next request,
// because every cached answer is keyed on the data version the request reads. Also the load
// balancer's endpoints (/api/health, /api/ready) and graceful shutdown.
//
// Needs TEST_DATABASE_URL and a production build (`npx next build`). Ports 3265-3267.
import { writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { csvDocument } from "../lib/csv.ts";
import { REQUIRED_COLUMNS } from "../lib/records/import-rows.ts";
import { migrateAndSeed, run, startServer, throwawayDatabase, type OwnServer } from "./own-server.ts";
import { BESHAM, TEXT, besham, storeTestReport } from "./review-fixtures.ts";

const ADMIN_URL = process.env.TEST_DATABASE_URL;
const MARK = `instances${process.pid}`;
const NEW_ID = `2025-06-01-${MARK}-test-row`;
const EDITOR = { email: "editor@example.org", password: "editor password for the instances test" };

test.describe("two instances on one PostgreSQL database", () => {
  test.skip(!ADMIN_URL, "set TEST_DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/test) to run the multi-instance test");
  test.describe.configure({ mode: "serial" });

  let db: Awaited<ReturnType<typeof throwawayDatabase>> | undefined;
  let a: OwnServer | undefined, b: OwnServer | undefined;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    db = await throwawayDatabase(ADMIN_URL!, `cw_instances_${process.pid}`);
    await migrateAndSeed({ DATABASE_URL: db.url });
    const made = await run(["seed/user-create.ts", "--email", EDITOR.email, "--role", "editor", "--password", EDITOR.password], { DATABASE_URL: db.url });
    expect(made.code, made.stderr).toBe(0);
    [a, b] = await Promise.all([startServer(3265, { DATABASE_URL: db.url }), startServer(3266, { DATABASE_URL: db.url })]);
  });
  test.afterAll(async () => {
    await a?.stop(); await b?.stop();
    await db?.drop().catch(() => {});
  });

  test("both instances are healthy and ready", async ({ request }) => {
    for (const s of [a!, b!]) {
      const h = await request.get(`${s.url}/api/health`);
      expect(h.status()).toBe(200);
      expect(await h.json()).toEqual({ status: "ok" });
      const r = await request.get(`${s.url}/api/ready`);
      expect(r.status(), await r.text()).toBe(200);
      expect((await r.json()).status).toBe("ready");
    }
  });

  test("an import written through one database connection is served by the other instance on the next request", async ({ request, page }) => {
    test.setTimeout(120_000);
    const api = (s: OwnServer) => request.get(`${s.url}/api/incidents?links=all&q=${MARK}`).then((r) => r.json());
    const totalAll = (s: OwnServer) => request.get(`${s.url}/api/incidents?links=all`).then((r) => r.json()).then((j) => j.total as number);
    // Both instances have answered (and cached) the question before the write.
    expect((await api(a!)).total).toBe(0);
    expect((await api(b!)).total).toBe(0);
    const before = await totalAll(b!);
    expect(await totalAll(a!)).toBe(before);
    await page.goto(`${b!.url}/incidents?links=all&q=${MARK}`);
    await expect(page.locator(`a[href="/incidents/${NEW_ID}"]`)).toHaveCount(0);

    // The write: db:import against the same DATABASE_URL, as a deploy's writer job runs it.
    const file = join(tmpdir(), `${MARK}.csv`);
    writeFileSync(file, csvDocument(REQUIRED_COLUMNS, [REQUIRED_COLUMNS.map((c) => ({
      id: NEW_ID, date: "2025-06-01", date_precision: "day", province: "sindh", district: null, city: "Karachi", attack_type: "armed_assault",
      target: "Test row for the two-instance check", project: null, perpetrators: "bla", attribution: "bla:claimed",
      chinese_killed: 0, chinese_injured: null, total_killed: 1, total_injured: null, attackers_killed: null,
      summary: `Written by the two-instance test (${MARK}); not a real incident.`, source_urls: "https://example.org/two-instance-test",
    } as Record<string, string | number | null>)[c])]));
    try {
      const r = await run(["seed/import.ts", file], { DATABASE_URL: db!.url });
      expect(r.code, r.stderr).toBe(0);
    } finally { rmSync(file, { force: true }); }

    // The very next request to either instance sees it: no stale answer from any cache.
    const onB = await api(b!);
    expect(onB.total).toBe(1);
    expect(onB.incidents[0].id).toBe(NEW_ID);
    expect(await totalAll(b!)).toBe(before + 1);
    expect(await totalAll(a!)).toBe(before + 1);
    await page.goto(`${b!.url}/incidents?links=all&q=${MARK}`);
    await expect(page.locator(`a[href="/incidents/${NEW_ID}"]`).first()).toBeVisible();
  });

  test("an editor signed in on one instance is signed in on the other, and a fact accepted through one is served by the other on the next request", async ({ page, request }) => {
    test.setTimeout(120_000);
    const title = `Two-instance check ${MARK}`;
    const incident = (s: OwnServer) => request.get(`${s.url}/incidents/${BESHAM}`);
    // Anonymous views of the incident on both instances, the second a hit of B's page cache.
    for (const s of [a!, b!]) expect(await (await incident(s)).text()).not.toContain(title);
    expect((await incident(b!)).headers()["x-corridor-watch-cache"]).toBe("hit");

    await page.setExtraHTTPHeaders({ "x-forwarded-for": "198.51.100.200" });
    await page.goto(`${a!.url}/sign-in?next=/review`);
    await page.getByLabel("Email").fill(EDITOR.email);
    await page.getByLabel("Password").fill(EDITOR.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${a!.url}/review`);
    // Sessions live in the database, so the other instance knows this one's (the cookie is the host's, whatever the port).
    await page.goto(`${b!.url}/review`);
    await expect(page).toHaveURL(`${b!.url}/review`);
    await expect(page.getByText("Signed in as")).toBeVisible();

    const reportId = await storeTestReport(db!.url, TEXT, [besham], title, `https://example.org/test-wire/${MARK}`);
    const accepted = await page.request.post(`${a!.url}/api/reports/${reportId}/accept`, { data: { candidate: 0, incidentId: BESHAM, facts: { figures: [0], attributions: [0] } } });
    expect(accepted.status(), await accepted.text()).toBe(200);

    // The next anonymous request to the other instance renders the accepted source: nothing stale from its caches.
    const after = await incident(b!);
    expect(after.headers()["x-corridor-watch-cache"]).toBe("miss");
    expect(await after.text()).toContain(title);
    await page.goto(`${b!.url}/incidents/${BESHAM}`);
    await expect(page.getByText("accepted from a report").first()).toBeVisible();
  });

  test("SIGTERM: the instance stops accepting, closes its database pool and exits", async ({ request }) => {
    const s = a!;
    expect((await request.get(`${s.url}/api/health`)).status()).toBe(200);
    const exited = new Promise<number | null>((r) => s.process.once("exit", (code) => r(code)));
    s.process.kill("SIGTERM");
    const code = await Promise.race([exited, new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 15_000))]);
    expect(code).toBe(143);
    expect(s.output()).toMatch(/corridor-watch: database closed/);
    // The other instance carries on.
    expect((await request.get(`${b!.url}/api/ready`)).status()).toBe(200);
  });
});

test.describe("readiness of an instance whose database is not migrated", () => {
  test.skip(!ADMIN_URL, "set TEST_DATABASE_URL to run");
  test("/api/ready answers 503 and /api/health 200", async ({ request }) => {
    test.setTimeout(120_000);
    const db = await throwawayDatabase(ADMIN_URL!, `cw_unmigrated_${process.pid}`);
    const s = await startServer(3267, { DATABASE_URL: db.url });
    try {
      expect((await request.get(`${s.url}/api/health`)).status()).toBe(200);
      const r = await request.get(`${s.url}/api/ready`);
      expect(r.status()).toBe(503);
      expect((await r.json()).status).toBe("not ready");
      expect(r.headers()["cache-control"]).toBe("no-store");
    } finally { await s.stop(); await db.drop().catch(() => {}); }
  });
});
