// The casualty trend on the overview: bars of Chinese victims beside all victims, killed or
// injured, per year or cumulative, with the incidents whose figure is unknown counted. Expected
// numbers come from the seed files with the writer's own rule, never from the page.
import { expect, test } from "@playwright/test";
import { casualtyTotals } from "../lib/casualty-totals.ts";
import { loadDataset } from "../lib/records/load.ts";
import { watchForErrors } from "./console.ts";
import { defaultViewFilter } from "./seed-view.ts";

const dataset = loadDataset();
const published = new Map(dataset.sources.map((s) => [s.id, s.publishedOn]));
const shown = dataset.incidents.filter(defaultViewFilter(dataset)).map((i) => casualtyTotals(i.casualties, (s) => published.get(s)));
const unknown = (k: keyof (typeof shown)[number]) => shown.filter((t) => t[k] === null).length;
const incidents = (n: number) => `${n} incident${n === 1 ? "" : "s"}`;

test("the casualty trend switches between killed and injured, per year and cumulative, and counts the unknown figures", async ({ page }) => {
  const errors = watchForErrors(page);
  await page.goto("/");
  const card = page.locator('[data-chart="casualties"]');
  await card.scrollIntoViewIfNeeded();
  const line = card.locator("[data-unknown-counts]");
  await expect(line).toContainText(`Of ${incidents(shown.length)}, the number of Chinese killed is unknown for ${incidents(unknown("chineseKilled"))}, and of all killed for ${incidents(unknown("totalKilled"))}`);
  await expect(card.locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(card.locator(".recharts-legend-item-text")).toHaveText(["Chinese killed", "All killed"]);

  await card.getByRole("radio", { name: "Injured" }).check();
  await expect(line).toContainText(`Chinese injured is unknown for ${incidents(unknown("chineseInjured"))}, and of all injured for ${incidents(unknown("totalInjured"))}`);
  await expect(card.locator(".recharts-legend-item-text")).toHaveText(["Chinese injured", "All injured"]);

  await card.getByRole("checkbox", { name: "Cumulative" }).check();
  await expect(card.getByText("People injured, so far")).toBeVisible();
  expect(errors).toEqual([]);
});
