import { expect, test, type Page } from "@playwright/test";
import { watchForErrors } from "./console.ts";

const rows = (page: Page) => page.locator("table tbody tr");
const column = async (page: Page, header: string) => {
  const headers = await page.locator("table thead th").allInnerTexts();
  const n = headers.findIndex((h) => h.startsWith(header));
  expect(n, `column ${header} in ${headers.join(" | ")}`).toBeGreaterThanOrEqual(0);
  return page.locator(`table tbody tr td:nth-child(${n + 1})`).allInnerTexts();
};
/** "unknown" sorts last whichever the direction; the known figures must be in order before it. */
const figures = (cells: string[]) => {
  const firstUnknown = cells.indexOf("unknown");
  const known = firstUnknown === -1 ? cells : cells.slice(0, firstUnknown);
  expect(cells.slice(known.length).every((c) => c === "unknown")).toBe(true);
  return known.map((c) => Number(c.replace(/,/g, "")));
};

test("filters through the URL and shows dates at their precision, unknown never as 0", async ({ page }) => {
  const errors = watchForErrors(page);
  await page.goto("/incidents?province=balochistan");
  await expect(page.getByRole("heading", { level: 1, name: "Incidents" })).toBeVisible();
  await expect(page.getByText(/^Showing 1–\d+ of \d+ incidents?/)).toBeVisible();
  const provinces = await column(page, "Province");
  expect(provinces.length).toBeGreaterThan(0);
  expect(new Set(provinces)).toEqual(new Set(["Balochistan"]));
  // Every row links to its incident page.
  const href = await rows(page).first().locator("a").first().getAttribute("href");
  expect(href).toMatch(/^\/incidents\/\d{4}[a-z0-9-]+$/);
  for (const cell of await column(page, "Chinese killed")) expect(cell).toMatch(/^(unknown|\d+)$/);
  for (const cell of await column(page, "Date")) expect(cell).toMatch(/^(\d{1,2} [A-Z][a-z]{2} \d{4}|[A-Z][a-z]+ \d{4}\s*month only|\d{4}\s*year only)$/);
  expect(errors).toEqual([]);
});

test("filters with the controls, rewriting the URL", async ({ page }) => {
  await page.goto("/incidents");
  const before = Number((await page.getByText(/^Showing 1–\d+ of (\d+)/).innerText()).match(/of ([\d,]+)/)![1]);
  const filters = page.getByRole("region", { name: "Filters" }).or(page.locator("section[aria-label=Filters]"));
  const toggle = filters.getByRole("button", { name: /^Filters/ });
  if (await toggle.isVisible()) await toggle.click(); // folded on narrow screens
  await filters.locator("summary", { hasText: "Provinces" }).click();
  await filters.getByRole("checkbox", { name: "Sindh" }).check();
  await expect(page).toHaveURL(/[?&]province=sindh\b/);
  await expect(async () => {
    const provinces = await column(page, "Province");
    expect(new Set(provinces)).toEqual(new Set(["Sindh"]));
  }).toPass();
  const after = Number((await page.getByText(/^Showing 1–\d+ of (\d+)/).innerText()).match(/of ([\d,]+)/)![1]);
  expect(after).toBeLessThan(before);
});

test("sorts on the server by clicking a header, unknown last, in both directions", async ({ page }) => {
  const errors = watchForErrors(page);
  await page.goto("/incidents?links=all");
  const header = page.locator("th", { hasText: "All killed" });
  await expect(header).toHaveAttribute("aria-sort", "none");
  await expect(page.locator("th", { hasText: "Date" })).toHaveAttribute("aria-sort", "descending");

  await header.getByRole("link").click();
  await expect(page).toHaveURL(/sort=total_killed/);
  await expect(page.locator("th", { hasText: "All killed" })).toHaveAttribute("aria-sort", "descending");
  const desc = figures(await column(page, "All killed"));
  expect(desc.length).toBeGreaterThan(3);
  expect(desc).toEqual([...desc].sort((a, b) => b - a));

  await page.locator("th", { hasText: "All killed" }).getByRole("link").click();
  await expect(page).toHaveURL(/sort=total_killed&dir=asc|dir=asc.*sort=total_killed/);
  await expect(page.locator("th", { hasText: "All killed" })).toHaveAttribute("aria-sort", "ascending");
  const asc = figures(await column(page, "All killed"));
  expect(asc).toEqual([...asc].sort((a, b) => a - b));
  expect(errors).toEqual([]);
});

test("paginates with links and says which rows are shown", async ({ page }) => {
  await page.goto("/incidents?links=all&pageSize=25");
  const count = page.getByText(/^Showing \d+–\d+ of \d+/);
  await expect(count).toContainText("Showing 1–25 of");
  const total = Number((await count.innerText()).match(/of ([\d,]+)/)![1]);
  expect(total).toBeGreaterThan(25); // the seed has enough incidents for a second page
  const firstPage = await rows(page).locator("td:first-child a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  expect(firstPage).toHaveLength(25);

  await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: /Next/ }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(count).toContainText(`Showing 26–${Math.min(50, total)} of ${total}`);
  const secondPage = await rows(page).locator("td:first-child a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  expect(secondPage).toHaveLength(Math.min(25, total - 25));
  expect(secondPage.filter((h) => firstPage.includes(h))).toEqual([]);
  await expect(page.getByRole("navigation", { name: "Pages" }).locator("[aria-current=page]")).toHaveText(/2/);
});

test("names bad parameters and still shows a valid view", async ({ page }) => {
  await page.goto("/incidents?province=atlantis&sort=bogus&page=zero");
  const alert = page.getByRole("alert").filter({ hasText: "could not be used" });
  await expect(alert).toContainText("province");
  await expect(alert).toContainText("sort");
  await expect(alert).toContainText("page");
  await expect(rows(page).first()).toBeVisible();
  await expect(page.locator("th", { hasText: "Date" })).toHaveAttribute("aria-sort", "descending");
});

test("hides a column from the Columns menu and remembers it", async ({ page }) => {
  await page.goto("/incidents");
  await expect(page.locator("table thead th", { hasText: "Target" })).toHaveCount(1);
  await page.locator("summary", { hasText: "Columns" }).click();
  await page.getByRole("checkbox", { name: "Target" }).uncheck();
  await expect(page.locator("table thead th", { hasText: "Target" })).toHaveCount(0);
  await page.reload();
  await expect(page.locator("table thead th", { hasText: "Target" })).toHaveCount(0);
  await page.locator("summary", { hasText: "Columns" }).click();
  await page.getByRole("button", { name: "Show all" }).click();
  await expect(page.locator("table thead th", { hasText: "Target" })).toHaveCount(1);
});
