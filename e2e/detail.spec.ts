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

test("where sources disagree on a figure, the range and the counted figure are both shown", async ({ page }) => {
  const errors = watchForErrors(page);
  await page.goto("/incidents/2021-07-14-dasu-bus-bombing");
  const casualties = page.getByRole("table", { name: /Casualty figures by source/ });
  await expect(casualties.getByRole("rowheader", { name: "Chinese nationals killed: Sources disagree: 9–10 (counted: 9)" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Counted figures" })).toContainText("sources say 9–10");
  expect(errors).toEqual([]);
});

test("an unknown incident id is a 404 with the incident not-found page", async ({ page }) => {
  const response = await page.goto("/incidents/2099-01-01-no-such-incident");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Incident not found");
  await expect(page.getByRole("link", { name: "Browse all incidents" })).toHaveAttribute("href", "/incidents");
});
