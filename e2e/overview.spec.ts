// The overview in a real browser on the seeded database. Expected numbers are worked out
// here from the seed files (loadDataset) with the same casualty rule the seed writer uses,
// never read from the page or the app's queries. (The server's PGlite directory must not be
// opened from a second process, so the database is not read directly.)
import { expect, test, type Locator, type Page } from "@playwright/test";
import { casualtyTotals } from "../lib/casualty-totals.ts";
import { PROVINCES, type Province } from "../lib/vocab.ts";
import { loadDataset } from "../lib/records/load.ts";
import { watchForErrors } from "./console.ts";
import { defaultViewFilter } from "./seed-view.ts";

const dataset = loadDataset();
const published = new Map(dataset.sources.map((s) => [s.id, s.publishedOn]));
const inDefaultView = defaultViewFilter(dataset);
const incidents = dataset.incidents.map((i) => ({
  id: i.id,
  year: Number(i.date.slice(0, 4)),
  province: i.province as Province,
  direct: inDefaultView(i),
  groups: new Set(i.attributions.map((a) => a.group)),
  ...casualtyTotals(i.casualties, (s) => published.get(s)),
}));
type Row = (typeof incidents)[number];
const direct = incidents.filter((i) => i.direct); // the default view: Chinese harmed or directly targeted

const sum = (rows: Row[], key: "chineseKilled" | "totalKilled" | "chineseInjured" | "totalInjured") => {
  const known = rows.filter((r) => r[key] !== null);
  return { total: known.length ? known.reduce((a, r) => a + r[key]!, 0) : null, unknown: rows.length - known.length };
};

/** The by-province data table as the chart writes it: largest first, then by name. */
function provinceTable(rows: Row[]): string[][] {
  const counts = new Map<Province, number>();
  for (const r of rows) counts.set(r.province, (counts.get(r.province) ?? 0) + 1);
  return [...counts].map(([p, n]) => ({ label: PROVINCES[p], n }))
    .sort((a, b) => b.n - a.n || a.label.localeCompare(b.label))
    .map((r) => [r.label, String(r.n)]);
}

const headline = (page: Page, figure: string) => page.locator(`[data-figure="${figure}"] > span:nth-child(2)`);
const chart = (page: Page, title: string) => page.getByRole("region", { name: title, exact: true });
/** The closed-state button of one of the filter bar's multi-select menus. */
const menu = (page: Page, label: string) => page.getByRole("region", { name: "Filters", exact: true }).locator("summary", { hasText: label });

async function tableRows(region: Locator): Promise<string[][]> {
  const details = region.locator("details");
  if (!(await details.evaluate((d: HTMLDetailsElement) => d.open))) await region.getByText("Data table", { exact: true }).click();
  const rows = region.locator("details tbody tr");
  await expect(rows.first()).toBeVisible();
  return (await rows.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? "").trim()))));
}

async function expectHeadlines(page: Page, rows: Row[]) {
  await expect(headline(page, "incidents")).toHaveText(String(rows.length));
  const ck = sum(rows, "chineseKilled");
  await expect(headline(page, "chineseKilled")).toHaveText(ck.total === null ? "unknown" : String(ck.total));
  await expect(page.locator('[data-figure="chineseKilled"]')).toContainText(ck.unknown ? `unknown for ${ck.unknown} incident` : "known for all");
  const tk = sum(rows, "totalKilled");
  await expect(headline(page, "totalKilled")).toHaveText(tk.total === null ? "unknown" : String(tk.total));
}

let errors: string[] = [];
test.beforeEach(({ page }) => { errors = watchForErrors(page); });
test.afterEach(async ({ page }) => {
  await page.waitForLoadState("load");
  expect(errors).toEqual([]);
});

test("filtering by a group, then a province, through the controls; Back undoes the last filter", async ({ page }) => {
  await page.goto("/");
  await expectHeadlines(page, direct);
  expect(await tableRows(chart(page, "Incidents by province"))).toEqual(provinceTable(direct));

  const bla = direct.filter((i) => i.groups.has("bla"));
  expect(bla.length).toBeGreaterThan(1); // the seed data must make this test meaningful
  await menu(page, "Groups").click();
  await page.getByRole("checkbox", { name: /^Balochistan Liberation Army/ }).check();
  await expect(page).toHaveURL(/\?group=bla$/);
  await expectHeadlines(page, bla);
  expect(await tableRows(chart(page, "Incidents by province"))).toEqual(provinceTable(bla));
  await expect(page.getByText(/Showing incidents linked to Balochistan Liberation Army/)).toBeVisible();

  const blaSindh = bla.filter((i) => i.province === "sindh");
  expect(blaSindh.length).toBeGreaterThan(0);
  expect(blaSindh.length).toBeLessThan(bla.length);
  await menu(page, "Provinces").click();
  await page.getByRole("checkbox", { name: "Sindh" }).check();
  await expect(page).toHaveURL(/\?province=sindh&group=bla$/);
  await expectHeadlines(page, blaSindh);
  expect(await tableRows(chart(page, "Incidents by province"))).toEqual(provinceTable(blaSindh));

  await page.goBack();
  await expect(page).toHaveURL(/\?group=bla$/);
  await expectHeadlines(page, bla);
  await expect(menu(page, "Provinces")).toContainText("any");
  // A closed menu holds no checkboxes; opened, it shows Sindh unticked again.
  const provinces = menu(page, "Provinces").locator("..");
  if (!(await provinces.evaluate((d: HTMLDetailsElement) => d.open))) await menu(page, "Provinces").click();
  await expect(page.getByRole("checkbox", { name: "Sindh", exact: true })).not.toBeChecked();
});

test("a filter change stays on the page, even to a view the server has cached: the open menu keeps its place for a second choice", async ({ page }) => {
  // Stored by the server's HTTP cache as HTML; the browser's navigation must still get the React payload.
  expect((await page.request.get("/?group=bla")).status()).toBe(200);
  expect((await page.request.get("/?group=bla")).headers()["x-corridor-watch-cache"]).toBe("hit");
  await page.goto("/");
  const documents: string[] = [];
  page.on("request", (r) => { if (r.resourceType() === "document") documents.push(r.url()); });
  await page.evaluate(() => { (window as unknown as { sameDocument: boolean }).sameDocument = true; });
  await menu(page, "Groups").click();
  const bla = page.getByRole("checkbox", { name: /^Balochistan Liberation Army/ });
  await bla.check();
  await expect(page).toHaveURL(/\?group=bla$/);
  await expect(page.getByText(/Showing incidents linked to Balochistan Liberation Army/)).toBeVisible();
  await expect(bla).toBeChecked();
  await expect(bla).toBeFocused();
  expect(documents).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  await page.getByRole("checkbox", { name: /^Tehreek-e-Taliban Pakistan/ }).check();
  await expect(page).toHaveURL(/\?group=bla&group=ttp$|\?group=ttp&group=bla$/);
  await expect(menu(page, "Groups")).toContainText("2 selected");
  expect(documents).toEqual([]);
});

test("the casualty trend's data table gives every year in range, with unknown kept apart from zero", async ({ page }) => {
  await page.goto("/");
  const first = Math.min(...incidents.map((i) => i.year));
  const last = Math.max(...incidents.map((i) => i.year));
  const cell = (rows: Row[], key: "chineseKilled" | "chineseInjured" | "totalKilled" | "totalInjured") => {
    const s = sum(rows, key);
    if (s.total === null) return rows.length ? "unknown" : "0";
    return s.unknown ? `${s.total} (+${s.unknown} unknown)` : String(s.total);
  };
  const expected: string[][] = [];
  for (let y = first; y <= last; y++) {
    const rows = direct.filter((i) => i.year === y);
    expected.push([String(y), String(rows.length), cell(rows, "chineseKilled"), cell(rows, "chineseInjured"), cell(rows, "totalKilled"), cell(rows, "totalInjured")]);
  }
  expect(expected.some((r) => r[1] === "0")).toBe(true); // some year without incidents must still be listed
  const region = chart(page, "Killed and injured per year");
  // Charts draw when they come near the screen, as a reader scrolls to them.
  await region.scrollIntoViewIfNeeded();
  await expect(region.locator(".recharts-surface").first()).toBeVisible();
  expect(await tableRows(region)).toEqual(expected);
});

test("a shared filtered link shows the same view, and again after a reload", async ({ page }) => {
  const url = "/?from=2015&province=balochistan&links=all";
  const rows = incidents.filter((i) => i.year >= 2015 && i.province === "balochistan");
  await page.goto(url);
  for (let n = 0; n < 2; n++) {
    await expectHeadlines(page, rows);
    await expect(page.getByLabel("From year")).toHaveValue("2015");
    await expect(page.getByRole("checkbox", { name: "Include weakly-linked incidents" })).toBeChecked();
    await expect(menu(page, "Provinces")).toContainText("Balochistan");
    expect(await tableRows(chart(page, "Incidents by province"))).toEqual(provinceTable(rows));
    await page.reload();
  }
  expect(new URL(page.url()).search).toBe("?from=2015&province=balochistan&links=all");
});

test("a malformed address names the bad parameters and still renders the rest of the view", async ({ page }) => {
  const response = await page.goto("/?from=20x1&province=mars&province=sindh");
  expect(response?.status()).toBe(200);
  const alert = page.getByRole("alert").filter({ hasText: "could not be used" });
  await expect(alert).toContainText("from");
  await expect(alert).toContainText("province");
  await expect(alert).toContainText("mars");
  // from= is dropped; the good province value still applies.
  await expectHeadlines(page, direct.filter((i) => i.province === "sindh"));
  await expect(chart(page, "Incidents per year")).toBeVisible();
});

test("a filter that matches nothing says so in every chart", async ({ page }) => {
  // Azad Kashmir with Chinese victims only: check that the seed data indeed has none. (Gilgit-Baltistan
  // has one since the default view counts incidents that harmed Chinese nationals: Nanga Parbat.)
  expect(direct.filter((i) => i.province === "azad_kashmir" && ((i.chineseKilled ?? 0) > 0 || (i.chineseInjured ?? 0) > 0 || (i.chineseKidnapped ?? 0) > 0))).toEqual([]);
  await page.goto("/?province=azad_kashmir&victims=chinese");
  await expect(headline(page, "incidents")).toHaveText("0");
  await expect(page.getByText("No incidents match these filters")).toHaveCount(6); // five charts and the map
});

test("the year pickers and the search box filter too", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("From year").selectOption("2020");
  await expect(page).toHaveURL(/\?from=2020-01-01$/);
  const since2020 = direct.filter((i) => i.year >= 2020);
  await expectHeadlines(page, since2020);

  const text = "karachi";
  const seedById = new Map(dataset.incidents.map((i) => [i.id, i]));
  const mentions = since2020.filter((r) => {
    const i = seedById.get(r.id)!;
    return [i.summary, i.target, i.city, i.district, i.locationDetail, i.id].some((v) => v?.toLowerCase().includes(text));
  });
  expect(mentions.length).toBeGreaterThan(0);
  expect(mentions.length).toBeLessThan(since2020.length);
  await page.getByLabel("Search text").fill(text);
  await expect(page).toHaveURL(/\?from=2020-01-01&q=karachi$/);
  await expectHeadlines(page, mentions);
  await expect(page.getByText(/mentioning “karachi”/)).toBeVisible();
  await page.getByRole("link", { name: "Reset filters" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expectHeadlines(page, direct);
  await expect(page.getByLabel("Search text")).toHaveValue("");
});
