import { expect, test } from "@playwright/test";
import { watchForErrors } from "./console.ts";

test("/groups lists each group with its role split and links", async ({ page }) => {
  const errors = watchForErrors(page);
  await page.goto("/groups");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Groups named for attacks");
  const bla = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /Balochistan Liberation Army/ }) });
  await expect(bla.getByRole("list", { name: /incidents by attribution role/ })).toContainText(/claimed: \d+/);
  await expect(bla.getByRole("link", { name: /group profile/ })).toHaveAttribute("href", "/groups/bla");
  await expect(bla.getByRole("link", { name: /list its \d+ incidents/ })).toHaveAttribute("href", "/incidents?group=bla");
  await page.getByRole("link", { name: "Include weakly linked incidents" }).click();
  await expect(page).toHaveURL(/\/groups\?links=all$/);
  await expect(bla.getByRole("link", { name: /list its \d+ incidents/ })).toHaveAttribute("href", "/incidents?group=bla&links=all");
  expect(errors).toEqual([]);
});

test("/groups/bla shows the group's incidents, roles, deaths per year and rival attributions", async ({ page }) => {
  const errors = watchForErrors(page);
  await page.goto("/groups/bla");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Balochistan Liberation Army");
  const incidents = page.getByRole("table", { name: /Incidents linked to BLA/ });
  // The record streams in behind a skeleton: wait for the table before counting its rows.
  await expect(incidents.locator("tbody tr").first()).toBeVisible();
  expect(await incidents.locator("tbody tr").count()).toBeGreaterThan(3);
  await expect(incidents.getByRole("link", { name: /full record/ }).first()).toHaveAttribute("href", /^\/incidents\/\d{4}-/);
  // The real record is under the page's bound: every incident is listed, and the page says so.
  const count = await incidents.locator("tbody tr").count();
  await expect(page.getByRole("heading", { name: `Incidents (${count})` })).toBeVisible();
  await expect(page.getByText(`All ${count}, newest first.`)).toBeVisible();
  await expect(page.getByRole("link", { name: "Open them in the incident list" })).toHaveAttribute("href", "/incidents?group=bla");
  const roles = page.getByRole("table", { name: /Attribution roles/ });
  await expect(roles.getByRole("row", { name: /Claimed by the group/ })).toBeVisible();
  await page.getByText("Data table: deaths and incidents per year").click();
  const years = page.getByRole("table", { name: /per year/ });
  await expect(years.getByRole("rowheader", { name: "2024" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Other groups named for the same incidents" })).toBeVisible();
  expect(errors).toEqual([]);
});

test("a group page names the rival groups blamed for the same incidents", async ({ page }) => {
  const errors = watchForErrors(page);
  await page.goto("/groups/ttp");
  const others = page.getByRole("table", { name: /Other groups named/ });
  const iskp = others.getByRole("row", { name: /Islamic State Khorasan Province/ });
  await expect(iskp).toContainText("Alleged by a named source");
  await expect(iskp.getByRole("link", { name: "2024-03-26-besham-dasu-convoy" })).toHaveAttribute("href", "/incidents/2024-03-26-besham-dasu-convoy");
  expect(errors).toEqual([]);
});

test("an unknown group is a 404 with the group not-found page", async ({ page }) => {
  const response = await page.goto("/groups/no-such-group");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Group not found");
});

test("/projects lists every project with its quotes and the incidents that touched it", async ({ page }) => {
  const errors = watchForErrors(page);
  await page.goto("/projects#dasu-hydropower");
  const dasu = page.locator("#dasu-hydropower");
  await expect(dasu.getByRole("heading", { level: 2 })).toHaveText("Dasu Hydropower Project");
  await expect(dasu.locator('a[href="/incidents/2024-03-26-besham-dasu-convoy"]')).toBeVisible();
  await expect(dasu.getByText(/All \d+, newest first/)).toBeVisible();
  // Weakly linked incidents count on this page, so the full list includes them too.
  await expect(dasu.getByRole("link", { name: "Open in the incident list" })).toHaveAttribute("href", "/incidents?project=dasu-hydropower&links=all");
  await expect(dasu.locator("dl")).toContainText("Chinese killed");
  await expect(dasu.locator("blockquote").first()).toBeVisible();
  // Projects no incident touched are listed too.
  await expect(page.getByText("No recorded incident touched this project.").first()).toBeVisible();
  await expect(page.getByRole("table", { name: /Projects at a glance/ }).getByRole("link", { name: "Dasu Hydropower Project" })).toHaveAttribute("href", "#dasu-hydropower");
  expect(errors).toEqual([]);
});

test("/methodology sets NACTA's reported figures beside our records and defines the fields", async ({ page }) => {
  const errors = watchForErrors(page);
  await page.goto("/methodology");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Methodology");
  const table = page.getByRole("table", { name: /Aggregates stated by official bodies/ });
  const attacks = table.locator("#figure-nacta-2024-attacks");
  await expect(attacks).toContainText("14 attacks");
  await expect(attacks).toContainText("NACTA");
  await expect(attacks.locator('td[data-label="Our records"]')).toContainText(/\d+\s*direct links/);
  await expect(attacks.locator('td[data-label="Difference"]')).toContainText(/fewer in our records|more in our records|Same figure|Consistent/);
  const killed = table.locator("#figure-nacta-2024-chinese-killed");
  await expect(killed).toContainText("20 killed: Chinese nationals");
  await expect(killed.locator('td[data-label="Our records"]')).toContainText(/\d+/);
  // Labels come from lib/vocab.ts.
  await expect(page.getByRole("table", { name: "Attribution roles" }).getByRole("rowheader", { name: "Attributed by authorities" })).toBeVisible();
  await expect(page.getByRole("table", { name: /How precisely an incident’s date is known/ }).getByRole("rowheader", { name: "Month only" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "How conflicting figures are counted" })).toBeVisible();
  expect(errors).toEqual([]);
});
