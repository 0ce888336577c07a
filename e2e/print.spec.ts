// Printing the overview (or saving it as PDF) draws every chart, hides the navigation and
// the controls, and names the view's address.
import { expect, test } from "@playwright/test";

test("a printed overview has every chart drawn, no navigation, and the view's URL", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/?from=2010");
  await page.waitForLoadState("networkidle"); // hydrated: the charts listen for printing
  const cards = page.locator("[data-chart]");
  const n = await cards.count();
  expect(n).toBeGreaterThanOrEqual(6);
  // Below the fold nothing is drawn yet on screen (the charts wait to be scrolled to).
  const drawnOnScreen = await page.locator("[data-chart] .recharts-surface").count();
  expect(drawnOnScreen).toBeLessThan(n - 1);

  await page.emulateMedia({ media: "print" });
  for (let k = 0; k < n; k++) {
    await expect(cards.nth(k).locator("svg.recharts-surface, svg[data-map-svg]").first(), await cards.nth(k).getAttribute("data-chart") ?? "").toBeAttached();
  }
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("region", { name: "Filters", exact: true })).toBeHidden();
  await expect(page.locator("[data-chart-downloads]").first()).toBeHidden();
  await expect(page.locator("[data-print-url]")).toBeVisible();
  await expect(page.locator("[data-print-url]")).toContainText(page.url());
  // One chart per row: the cards of the two-column grid sit one below the other.
  const boxes = await page.locator('[data-chart="by-province"], [data-chart="by-type"]').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
  expect(boxes[1]).toBeGreaterThan(boxes[0]);

  const pdf = await page.pdf({ format: "A4", printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  expect(pdf.length).toBeGreaterThan(50_000);
});
