// Editors in a real browser against a server of the spec's own on PostgreSQL (so the tables
// can be checksummed while it runs): sign-in, the refusals (reader, wrong password, rate
// limit, cross-site POST, oversized upload: nothing written), and the review journeys, from a
// stored report to the incident page, its history, /changes and the feed.
//
// The reports' candidates below are hand-made in the reading library's shape (issue 13), in
// our own words, so the accept journeys do not depend on what the reader finds; the pasted
// report goes through the real reader (lib/ingest).
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { checksums, LEAKS, migrateAndSeed, run, startServer, throwawayDatabase, type OwnServer } from "./own-server.ts";
import { BESHAM, NEW_TEXT, TEXT, besham, gwadar, storeTestReport } from "./review-fixtures.ts";

const ADMIN_URL = process.env.TEST_DATABASE_URL;
// Beside this checkout's shared test server, so two checkouts can run side by side.
const PORT = Number(process.env.E2E_PORT ?? 3210) + 1000;
const EDITOR = { email: "editor@example.org", password: "editor password for tests" };
// Each test signs in from its own client address: the sign-in limit is per address.
let address = 10;
const nextAddress = () => `198.51.100.${++address}`;

test.describe("editors", () => {
  test.skip(!ADMIN_URL, "set TEST_DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/test): these journeys checksum the database while their server runs");
  test.describe.configure({ mode: "serial" });

  let db: Awaited<ReturnType<typeof throwawayDatabase>> | undefined;
  let server: OwnServer | undefined;
  let base = "";

  async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
    const c = new pg.Client({ connectionString: db!.url });
    await c.connect();
    try { return (await c.query<T>(text, values)).rows; } finally { await c.end(); }
  }
  async function everything() {
    const [counts] = await sql<Record<string, string>>(`SELECT (SELECT count(*) FROM "Revision") AS revisions, (SELECT count(*) FROM "Report") AS reports,
      (SELECT count(*) FROM "Session") AS sessions, (SELECT count(*) FROM "User") AS users, (SELECT "version"::text FROM "DataVersion") AS version`);
    return { ...(await checksums(db!.url)), ...counts };
  }
  const storedReport = (text: string, candidates: unknown[], title: string, url: string) => storeTestReport(db!.url, text, candidates, title, url);
  async function signIn(page: Page) {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": nextAddress() });
    await page.goto(`${base}/sign-in?next=/review`);
    await page.getByLabel("Email").fill(EDITOR.email);
    await page.getByLabel("Password").fill(EDITOR.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${base}/review`);
    await expect(page.getByText(`Signed in as`)).toBeVisible();
  }

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    db = await throwawayDatabase(ADMIN_URL!, `cw_editors_${process.pid}`);
    await migrateAndSeed({ DATABASE_URL: db.url });
    const made = await run(["seed/user-create.ts", "--email", EDITOR.email, "--role", "editor", "--password", EDITOR.password], { DATABASE_URL: db.url });
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).not.toContain(EDITOR.password);
    server = await startServer(PORT, { DATABASE_URL: db.url, CW_ADMIN_EMAIL: "admin@example.org", CW_ADMIN_PASSWORD: "never used: a user exists" });
    base = server.url;
  });
  test.afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  test("a reader (no session) is refused on every write endpoint and every editor page, and nothing changes", async ({ page, request }) => {
    const reportId = await storedReport(TEXT, [besham], "Reader test", "https://example.org/reader-test");
    const before = await everything();
    const writes: [string, unknown][] = [
      ["/api/reports", { text: TEXT, published: "2024-03-27" }],
      [`/api/reports/${reportId}/accept`, { candidate: 0, incidentId: BESHAM, facts: { figures: [0], attributions: [0] } }],
      ["/api/auth/admin/create-user", { email: "intruder@example.org", password: "a password long enough", name: "x", role: "admin" }],
      ["/api/auth/admin/set-role", { userId: "x", role: "admin" }],
    ];
    for (const [path, data] of writes) {
      const res = await request.post(`${base}${path}`, { data });
      expect([401, 403], `${path} answered ${res.status()}`).toContain(res.status());
      expect(await res.text()).not.toMatch(LEAKS);
    }
    const signUp = await request.post(`${base}/api/auth/sign-up/email`, { data: { email: "self@example.org", password: "a password long enough", name: "x" } });
    expect(signUp.status()).toBeGreaterThanOrEqual(400);
    for (const path of ["/review", `/review/${reportId}`]) {
      await page.goto(`${base}${path}`);
      await expect(page).toHaveURL(new RegExp(`/sign-in\\?next=${encodeURIComponent(path).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
      await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    }
    expect(await everything()).toEqual(before);
  });

  test("a wrong password is refused without saying which part, and repeated failures are rate-limited", async ({ page, request }) => {
    const before = await everything();
    await page.setExtraHTTPHeaders({ "x-forwarded-for": nextAddress() });
    await page.goto(`${base}/sign-in`);
    await page.getByLabel("Email").fill(EDITOR.email);
    await page.getByLabel("Password").fill("not the right password");
    const answer = page.waitForResponse((r) => r.url().endsWith("/api/auth/sign-in/email"));
    await page.getByRole("button", { name: "Sign in" }).click();
    expect((await answer).status()).toBe(401);
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("The email or password is not right.");
    await expect(page).toHaveURL(`${base}/sign-in`);

    const from = nextAddress();
    const statuses: number[] = [];
    for (let n = 0; n < 6; n++) {
      statuses.push((await request.post(`${base}/api/auth/sign-in/email`, { headers: { "x-forwarded-for": from }, data: { email: n % 2 ? "nobody@example.org" : EDITOR.email, password: `wrong ${n}` } })).status());
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const { sessions, ...rest } = await everything();
    expect(sessions).toBe(before.sessions);
    expect(rest).toEqual((({ sessions: _s, ...r }) => r)(before));
  });

  test("a cross-site POST and an oversized upload are refused, with nothing written", async ({ page }) => {
    await signIn(page);
    const before = await everything();
    const crossSignIn = await page.request.post(`${base}/api/auth/sign-in/email`, { headers: { origin: "https://evil.example", "x-forwarded-for": nextAddress() }, data: EDITOR });
    expect(crossSignIn.status()).toBe(403);
    const crossSite = await page.request.post(`${base}/api/reports`, { headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" }, data: { text: TEXT, published: "2024-03-27" } });
    expect(crossSite.status()).toBe(403);
    expect((await crossSite.json()).message).toMatch(/cross-site/);
    const reportId = await storedReport(TEXT, [besham], "Cross-site test", "https://example.org/cross-site-test");
    const afterInsert = await everything();
    const crossAccept = await page.request.post(`${base}/api/reports/${reportId}/accept`, { headers: { origin: "https://evil.example" }, data: { candidate: 0, incidentId: BESHAM, facts: { figures: [0], attributions: [] } } });
    expect(crossAccept.status()).toBe(403);
    const big = await page.request.post(`${base}/api/reports`, { multipart: { published: "2024-03-27", file: { name: "huge.txt", mimeType: "text/plain", buffer: Buffer.alloc(6 * 1024 * 1024, "a") } } });
    expect(big.status()).toBe(413);
    const disguised = await page.request.post(`${base}/api/reports`, { multipart: { published: "2024-03-27", file: { name: "report.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html><body>not a pdf</body></html>") } } });
    expect(disguised.status()).toBe(415);
    expect((await disguised.json()).problems[0].message).toMatch(/named \.pdf but its content is HTML/);
    expect(await everything()).toEqual(afterInsert);
    expect(Number(afterInsert.reports)).toBe(Number(before.reports) + 1); // only the test's own insert
  });

  test("an editor pastes a report about a known incident, accepts a new source's casualty figure and (corrected) attribution, and sees them on the incident page, its history, /changes and the feed", async ({ page }) => {
    await signIn(page);
    const before = await everything();
    await page.getByLabel("Report text").fill(TEXT);
    await page.getByLabel("Published on").fill("2024-03-27");
    await page.getByLabel("Title").fill("Convoy attack near Besham");
    await page.getByLabel("Publisher").fill("Test Wire");
    await page.getByRole("button", { name: "Read the report" }).click();
    await expect(page).toHaveURL(/\/review\/[0-9a-f]{12}$/);
    const reportId = page.url().split("/").pop()!;
    await expect(page.getByRole("heading", { name: "Convoy attack near Besham" })).toBeVisible();
    // The real reader (lib/ingest) found the convoy attack and matched it to the record; the
    // report is stored for review and the record itself is untouched.
    await expect(page.getByText(`Matches ${BESHAM} on record`)).toBeVisible();
    await expect(page.locator("mark").first()).toBeVisible();
    const stored = await everything();
    expect(Number(stored.reports)).toBe(Number(before.reports) + 1);
    expect({ ...stored, reports: "" }).toEqual({ ...before, reports: "" });

    const figure = page.getByRole("row").filter({ hasText: "Five Chinese engineers and their Pakistani driver died" }).filter({ hasText: "chinese nationals killed" });
    await figure.getByLabel("accept").check();
    // The reader reads the TTP's denial as an allegation: the editor corrects the role; the quote stays the report's.
    const claim = page.getByRole("row").filter({ hasText: "Tehreek-e-Taliban Pakistan" });
    await claim.getByLabel("correct").check();
    await claim.getByLabel(/Corrected group/).selectOption("ttp");
    await claim.getByLabel(/Corrected role/).selectOption("denied");
    const answer = page.waitForResponse((r) => r.url().endsWith(`/api/reports/${reportId}/accept`));
    await page.getByRole("button", { name: "Accept the chosen facts" }).click();
    const res = await answer;
    expect(res.status()).toBe(200);
    const { incidentId, revision } = await res.json() as { incidentId: string; revision: number };
    expect(incidentId).toBe(BESHAM);
    await expect(page.getByRole("status")).toContainText(`revision ${revision}`);
    const [denial] = await sql<{ quote: string; note: string }>(`SELECT a."quote", a."note" FROM "Attribution" a JOIN "Source" s ON s."id" = a."sourceId" WHERE a."incidentId" = $1 AND s."title" = 'Convoy attack near Besham' AND a."role" = 'denied'`, [BESHAM]);
    expect(denial.note).toMatch(/corrected by .*\(alleged\)/);

    await page.getByRole("link", { name: `Open the incident ${BESHAM}` }).click();
    await expect(page).toHaveURL(`${base}/incidents/${BESHAM}`);
    await expect(page.getByText("Five Chinese engineers and their Pakistani driver died").first()).toBeVisible();
    await expect(page.getByText(denial.quote).first()).toBeVisible();
    const history = page.locator(`section[aria-labelledby="history"] #revision-${revision}`);
    await expect(history).toContainText("accepted from a report");
    await expect(history).toContainText("Convoy attack near Besham");
    await expect(history).toContainText("Five Chinese engineers and their Pakistani driver died");

    await page.goto(`${base}/changes`);
    await expect(page.locator(`#revision-${revision}`)).toContainText(BESHAM);

    const feed = await page.request.get(`${base}/feed.xml?province=khyber_pakhtunkhwa`);
    expect(feed.headers()["content-type"]).toMatch(/application\/atom\+xml/);
    const xml = await feed.text();
    // Chromium's own XML parser: a well-formed Atom document whose first entry is this incident.
    const parsed = await page.evaluate((x) => {
      const doc = new DOMParser().parseFromString(x, "application/xml");
      const first = doc.querySelector("entry");
      return { error: doc.querySelector("parsererror")?.textContent ?? null, ns: doc.documentElement.namespaceURI, link: first?.querySelector("link")?.getAttribute("href"), summary: first?.querySelector("summary")?.textContent };
    }, xml);
    expect(parsed.error).toBeNull();
    expect(parsed.ns).toBe("http://www.w3.org/2005/Atom");
    expect(parsed.link).toBe(`${base}/incidents/${BESHAM}`);
    expect(parsed.summary).toMatch(/2 claims added/);
    expect(await (await page.request.get(`${base}/feed.xml?province=sindh`)).text()).not.toContain(`/incidents/${BESHAM}<`);
  });

  test("an editor accepts facts from a stored report with hand-made candidates", async ({ page }) => {
    const reportId = await storedReport(TEXT, [besham], "Second wire on Besham", "https://example.org/test-wire/besham-2");
    await signIn(page);
    await page.goto(`${base}/review/${reportId}`);
    await expect(page.getByText(`Matches ${BESHAM} on record`)).toBeVisible();
    await page.locator('input[name="f0-1"]').nth(0).check(); // accept the driver
    await page.locator('input[name="a0-0"]').nth(0).check(); // accept the TTP's denial
    await page.getByRole("button", { name: "Accept the chosen facts" }).click();
    await expect(page.getByRole("status")).toContainText("Accepted into the record");
    const rows = await sql<{ quote: string }>(`SELECT c."quote" FROM "Casualty" c JOIN "Source" s ON s."id" = c."sourceId" WHERE c."incidentId" = $1 AND s."title" = 'Second wire on Besham'`, [BESHAM]);
    expect(rows.map((r) => r.quote)).toEqual(["their Pakistani driver died"]);
  });

  test("a stale review is refused (409) and the same facts cannot be accepted twice, with nothing written", async ({ page }) => {
    const reportId = await storedReport(TEXT, [besham], "Stale review test", "https://example.org/test-wire/stale");
    await signIn(page);
    const before = await everything();
    const stale = await page.request.post(`${base}/api/reports/${reportId}/accept`, { data: { candidate: 0, incidentId: BESHAM, facts: { figures: [1], attributions: [] }, revision: 1 } });
    expect(stale.status()).toBe(409);
    const bad = await page.request.post(`${base}/api/reports/${reportId}/accept`, { data: { candidate: 3, incidentId: BESHAM, facts: { figures: [9] } } });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).problems.map((p: { field: string }) => p.field)).toContain("candidate");
    expect(await everything()).toEqual(before);
  });

  test("an editor creates a new incident from a report", async ({ page }) => {
    const reportId = await storedReport(NEW_TEXT, [gwadar], "Surveyors shot at in Gwadar", "https://example.org/test-wire/gwadar");
    await signIn(page);
    await page.goto(`${base}/review/${reportId}`);
    await expect(page.getByText("No incident on record matches")).toBeVisible();
    await page.locator('input[name="f0-0"]').nth(0).check();
    await page.getByLabel("Summary, in your own words").fill("Gunmen fired on a car of Chinese surveyors near Gwadar's fish harbour, wounding one.");
    await page.getByLabel("Target").fill("Car carrying Chinese surveyors");
    await page.getByRole("button", { name: "Accept the chosen facts" }).click();
    await expect(page.getByRole("status")).toContainText("Accepted into the record");
    await page.getByRole("link", { name: /Open the incident 2025-05-11-gwadar-armed-assault/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Gwadar");
    await expect(page.getByText("Gunmen fired on a car of Chinese surveyors near Gwadar's fish harbour, wounding one.")).toBeVisible();
    await expect(page.locator('section[aria-labelledby="history"]')).toContainText("incident added to the record");
    const [row] = await sql<{ chineseInjured: number }>(`SELECT "chineseInjured" FROM "Incident" WHERE "id" = '2025-05-11-gwadar-armed-assault'`);
    expect(row.chineseInjured).toBe(1);
  });
});
