// The map on the overview, in a real browser on the seeded database. Expected numbers come
// from the seed files (loadDataset), never from the page or the app's queries.
import { expect, test, type Page } from "@playwright/test";
import { PROVINCES } from "../lib/vocab.ts";
import { loadDataset } from "../lib/records/load.ts";
import { watchForErrors } from "./console.ts";
import { defaultViewFilter } from "./seed-view.ts";

const dataset = loadDataset();
const direct = dataset.incidents.filter(defaultViewFilter(dataset));
const drawn = (rows: typeof direct) => rows.filter((i) => i.latitude !== null && i.geoPrecision !== "province");
const mapCard = (page: Page) => page.locator('[data-chart="map"]');

test("the map shows seven provinces and the filtered incidents, and a province click filters the page", async ({ page }) => {
  const errors = watchForErrors(page);
  await page.goto("/");
  const map = mapCard(page);
  await expect(map.locator("svg[data-map-svg]")).toBeVisible();
  await expect(map.locator("a[data-province]")).toHaveCount(7);
  for (const name of Object.values(PROVINCES)) await expect(map.getByRole("link", { name: new RegExp(`^${name}:`) })).toHaveCount(1);

  // Every drawn incident is one point or part of one; the points' incidents add up to them.
  const counts = await map.locator("a[data-incident], a[data-place]").evaluateAll((as) => as.map((a) => {
    const m = /(\d+) incidents/.exec(a.getAttribute("aria-label") ?? "");
    return a.hasAttribute("data-incident") ? 1 : Number(m?.[1] ?? NaN);
  }));
  expect(counts.reduce((a, b) => a + b, 0)).toBe(drawn(direct).length);
  const singles = new Set(drawn(direct).map((i) => `${i.latitude},${i.longitude}`));
  expect(await map.locator("a[data-incident]").count()).toBeGreaterThan(0);
  expect(singles.size).toBe(await map.locator("a[data-incident], a[data-place]").count());

  // The province table beside it holds the seed's counts.
  const sindh = direct.filter((i) => i.province === "sindh").length;
  await map.getByText("Data table").click();
  await expect(map.locator("tbody tr", { hasText: "Sindh" }).locator("td").first()).toHaveText(String(sindh));

  await map.getByRole("link", { name: /^Sindh:.*Show only Sindh$/ }).click();
  await expect(page).toHaveURL(/[?&]province=sindh(&|$)/);
  await expect(page.getByText(/Showing incidents in Sindh/)).toBeVisible();
  // Only Sindh has incidents now, and every point is in Sindh.
  const shaded = await mapCard(page).locator("a[data-province]").evaluateAll((as) => as.map((a) => [a.getAttribute("data-province"), a.getAttribute("aria-label")]));
  for (const [p, label] of shaded) expect(label, p!).toContain(p === "sindh" ? `${sindh} incident` : ": 0 incidents");
  const labels = await mapCard(page).locator("a[data-incident], a[data-place]").evaluateAll((as) => as.map((a) => a.getAttribute("aria-label")));
  expect(labels.length).toBe(new Set(drawn(direct.filter((i) => i.province === "sindh")).map((i) => `${i.latitude},${i.longitude}`)).size);
  for (const l of labels) expect(l).toContain("Sindh");
  // Clicking the selected province again shows every province.
  await mapCard(page).getByRole("link", { name: /^Sindh:.*Show every province$/ }).click();
  await expect(page).toHaveURL((u) => !u.searchParams.has("province"));
  expect(errors).toEqual([]);
});

test("a point opens its incident, whose page shows the point and says it is the town centre", async ({ page }) => {
  await page.goto("/");
  const point = mapCard(page).locator("a[data-incident]").first();
  const id = await point.getAttribute("data-incident");
  const incident = dataset.incidents.find((i) => i.id === id)!;
  expect(incident).toBeTruthy();
  await point.click();
  await expect(page).toHaveURL(new RegExp(`/incidents/${id}$`));
  await expect(page.locator("svg[data-locator]")).toBeVisible();
  if (incident.geoPrecision === "town") {
    await expect(page.getByText(/town centre: the sources name the town, not the exact site/)).toBeVisible();
  }
});

test("the map keyboard-reaches provinces and shows a province's figures on focus", async ({ page }) => {
  await page.goto("/");
  const link = mapCard(page).getByRole("link", { name: /^Balochistan:/ });
  await link.focus();
  await expect(link).toBeFocused();
  const n = direct.filter((i) => i.province === "balochistan").length;
  await expect(link.locator("g").filter({ hasText: `${n} incident` })).toBeVisible();
});

test("switching the shading to casualties needs no script and changes the legend and the shades", async ({ page }) => {
  await page.goto("/");
  const map = mapCard(page);
  const title = map.locator("p", { hasText: /^Killed and injured$/ });
  const fill = () => map.locator('a[data-province="punjab"] path').evaluate((e) => getComputedStyle(e).fill);
  await expect(title).toBeHidden();
  const before = await fill();
  await map.getByLabel("Killed and injured").check();
  await expect(title).toBeVisible();
  await expect(map.locator("p", { hasText: /^Incidents$/ })).toBeHidden();
  // Punjab has no direct incident in the seed, so it stays unshaded; Sindh's shade follows the metric.
  expect(await fill()).toBe(before);
  const path = map.locator('a[data-province="sindh"] path');
  const cas = await path.evaluate((e) => e.style.getPropertyValue("--cas"));
  const want = await page.evaluate((c) => { const d = document.createElement("div"); d.style.color = c; document.body.append(d); const v = getComputedStyle(d).color; d.remove(); return v; }, cas);
  // The fill eases over 0.15 s: wait for it to arrive.
  await expect.poll(() => path.evaluate((e) => getComputedStyle(e).fill)).toBe(want);
});

test("the 404 page runs its scripts without console errors", async ({ page }) => {
  const errors = watchForErrors(page);
  const res = await page.goto("/no-such-page");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  // The document's own 404 is the point of the page; anything else (a blocked script) is a defect.
  expect(errors.filter((e) => !e.includes("/no-such-page"))).toEqual([]);
  // React hydrated (a client link navigates without a reload).
  await page.getByRole("link", { name: "overview", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Attacks on Chinese nationals");
});

test("group pages name a bad parameter; Clear them all returns to page 1", async ({ page }) => {
  await page.goto("/groups/bla?links=sometimes");
  await expect(page.locator("[role=alert]", { hasText: "could not be used" })).toContainText("links");
  await page.goto("/groups?links=sometimes");
  await expect(page.locator("[role=alert]", { hasText: "could not be used" })).toContainText("links");
  await page.goto("/incidents?q=no-incident-says-this&page=3");
  await page.getByRole("link", { name: "clear them all" }).click();
  await expect(page).toHaveURL((u) => u.pathname === "/incidents" && !u.searchParams.has("page") && !u.searchParams.has("q"));
});

test("on a phone the incident list is cards, not a sideways table", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/incidents");
  const cards = page.locator("[data-incident-cards] > li");
  await expect(cards.first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Incidents table" })).toBeHidden();
  expect(await cards.count()).toBe(Math.min(25, direct.length));
  // Newest first, as the table: the first card is the latest direct incident, with its figures.
  const newest = [...direct].sort((a, b) => b.date.localeCompare(a.date) || b.id.localeCompare(a.id))[0];
  await expect(cards.first().getByRole("link")).toHaveAttribute("href", `/incidents/${newest.id}`);
  await expect(cards.first()).toContainText("All killed");
  // Nothing is wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(page.getByRole("region", { name: "Incidents table" })).toBeVisible();
  await expect(cards.first()).toBeHidden();
});


test("a point shows its figures on focus, from the one shared readout", async ({ page }) => {
  await page.goto("/");
  const point = mapCard(page).locator("a[data-readout]").first();
  const lines = (await point.getAttribute("data-readout"))!.split("\n");
  const readout = mapCard(page).locator("g[data-point-readout]");
  await expect(readout.locator("text")).toHaveCount(0);
  // React reveals a streamed boundary a moment after it arrives: until then the point is hidden and cannot take focus.
  await expect(point).toBeVisible();
  await point.focus();
  await expect(point).toBeFocused();
  await expect(readout.locator("text")).toHaveText(lines);
  await point.blur();
  await expect(readout.locator("text")).toHaveCount(0);
});
