import { expect, test } from "@playwright/test";
import { watchForErrors } from "./console.ts";

test("the overview server-renders the seeded incidents from the database", async ({ page }) => {
  const errors = watchForErrors(page);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Chinese");
  expect(await page.locator("tbody tr").count()).toBeGreaterThan(0);
  await expect(page.getByText(/incidents recorded/)).toBeVisible();
  await page.waitForLoadState("load");
  expect(errors).toEqual([]);
});
