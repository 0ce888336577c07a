import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

// Every page, at desktop and phone widths, with axe's WCAG 2.x A/AA rules: no serious or
// critical violation. The filter menus and the data tables are opened first so their
// contents are checked too.
const PAGES = ["/", "/incidents", "/incidents/2024-03-26-besham-dasu-convoy", "/groups", "/groups/bla", "/projects", "/methodology", "/?from=20x1&province=mars"];

for (const width of [1280, 390]) {
  test.describe(`at ${width}px`, () => {
    test.use({ viewport: { width, height: 900 } });
    for (const path of PAGES) {
      test(`${path} has no serious accessibility violations`, async ({ page }) => {
        await page.goto(path);
        await page.waitForLoadState("networkidle");
        await page.locator("details").evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
        const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
        const serious = results.violations
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
        expect(serious).toEqual([]);
      });
    }
  });
}
