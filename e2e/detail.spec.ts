import { expect, test } from "@playwright/test";
import { watchForErrors } from "./console.ts";

const BESHAM = "2024-03-26-besham-dasu-convoy";

test("an incident with contradictory attributions shows every claim beside its source", async ({ page }) => {
  const errors = watchForErrors(page);
  // Reach it the way a reader does: from the incident table.
  await page.goto("/incidents?q=Besham");
  await page.locator(`a[href="/incidents/${BESHAM}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`/incidents/${BESHAM}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Besham");
  await expect(page).toHaveTitle(/Suicide bombing, Besham/);
  await expect(page.getByText("26 March 2024 (exact day)")).toBeVisible();

  // TTP: blamed by the authorities and denying it, in one card.
  const ttp = page.getByRole("region", { name: /Tehreek-e-Taliban Pakistan/ });
  await expect(ttp.getByText("Attributed by authorities").first()).toBeVisible();
  await expect(ttp.getByText("Denied by the group").first()).toBeVisible();
  await expect(ttp.getByText(/stated by Interior Minister Mohsin Naqvi/)).toBeVisible();
  const denial = ttp.locator("li", { hasText: "TTP spokesman Muhammad Khorasani" });
  await expect(denial.getByText(/We strongly deny this report/)).toBeVisible();
  await expect(denial.getByRole("link", { name: /News Vibes of India/ })).toHaveAttribute("href", "#source-nvi-2024-05-ttp-denies-besham");

  // ISKP: alleged by the authors of a source document, beside it.
  const iskp = page.getByRole("region", { name: /Islamic State Khorasan Province/ });
  await expect(iskp.getByText("Alleged by a named source")).toBeVisible();
  await expect(iskp.getByText(/an ISKP suicide bomber targeted a Chinese workers convoy/)).toBeVisible();
  await expect(iskp.getByText("source document")).toBeVisible();
  await expect(page.getByText(/Sources disagree about responsibility: TTP, ISKP are each named/)).toBeVisible();

  // Casualties: each source's figure with its quote.
  const casualties = page.getByRole("table", { name: /Casualty figures by source/ });
  await expect(casualties.getByRole("rowheader", { name: /Chinese nationals killed: 5 \(\d+ sources agree\)/ })).toBeVisible();
  const dunya = casualties.getByRole("row", { name: /Dunya News, 26 March 2024/ }).first();
  await expect(dunya).toContainText("5");
  await expect(dunya).toContainText("Five Chinese nationals and their Pakistani driver were killed");

  // Sources: listed with their links and the quotes they support.
  const nvi = page.locator("#source-nvi-2024-05-ttp-denies-besham");
  await expect(nvi.getByRole("link").first()).toHaveAttribute("href", /^https?:\/\//);
  await expect(nvi).toContainText("attribution: TTP (denied by the group)");
  expect(await page.locator('[id^="source-"]').count()).toBeGreaterThanOrEqual(10);

  await page.waitForLoadState("load");
  expect(errors).toEqual([]);
});

test("where sources disagree on a figure, the best figure and the range are both shown", async ({ page }) => {
  const errors = watchForErrors(page);
  await page.goto("/incidents/2021-07-14-dasu-bus-bombing");
  const casualties = page.getByRole("table", { name: /Casualty figures by source/ });
  // Issue 11: best is the latest current account (10: the tenth victim died later), the range keeps the nine.
  await expect(casualties.getByRole("rowheader", { name: "Chinese nationals killed: best 10; sources give 9–10" })).toBeVisible();
  const figures = page.getByRole("list", { name: "Best figures" });
  await expect(figures.locator('[data-figure="chineseKilled"]')).toContainText("10");
  await expect(figures.locator('[data-figure="chineseKilled"]')).toContainText("range 9–10");
  // The superseded nine of the same article is kept, marked, with its reason.
  const superseded = casualties.locator('tr[data-status="superseded"]').first();
  await expect(superseded).toContainText("superseded");
  await expect(superseded).toContainText(/Why superseded: .*tenth Chinese victim/);
  expect(errors).toEqual([]);
});

test("an early toll is marked preliminary, and each victim total names the one account it comes from", async ({ page }) => {
  const errors = watchForErrors(page);
  await page.goto("/incidents/2021-04-21-quetta-serena-hotel");
  const figures = page.getByRole("list", { name: "Best figures" });
  await expect(figures.locator('[data-figure="totalKilled"]')).toContainText("5");
  await expect(figures.locator('[data-figure="chineseKilled"]')).toContainText("0");
  const casualties = page.getByRole("table", { name: /Casualty figures by source/ });
  const early = casualties.locator('tr[data-status="preliminary"]', { hasText: "BBC" }).first();
  await expect(early).toContainText("3");
  await expect(early).toContainText(/Why preliminary: First toll/);
  await expect(page.getByRole("list", { name: "Where the victim totals come from" })).toContainText(/All victims killed: 5 from one account/);
  // Targeted and harmed are two answers.
  const tags = page.getByRole("list", { name: "About this record" });
  await expect(tags).toContainText("Target disputed");
  await expect(tags).toContainText("Chinese harmed: no");
  expect(errors).toEqual([]);
});

test("an unknown incident id is a 404 with the incident not-found page", async ({ page }) => {
  const response = await page.goto("/incidents/2099-01-01-no-such-incident");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Incident not found");
  await expect(page.getByRole("link", { name: "Browse all incidents" })).toHaveAttribute("href", "/incidents");
});
