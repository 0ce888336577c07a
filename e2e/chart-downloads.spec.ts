// Chart downloads in a real browser: the PNG, SVG and CSV of a chart hold what the chart
// shows, and each carries a footer naming the view, the data version and Corridor Watch.
import { readFileSync } from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { parseCsv } from "../lib/csv-parse.ts";
import { watchForErrors } from "./console.ts";

const card = (page: Page, id: string) => page.locator(`[data-chart="${id}"]`);

async function save(page: Page, c: Locator, item: string): Promise<{ name: string; body: Buffer }> {
  await c.locator("[data-chart-downloads] > button").click();
  const [download] = await Promise.all([page.waitForEvent("download"), c.getByRole("button", { name: item }).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), body: readFileSync(path!) };
}

/** The rows of a card's data table as the reader sees them. */
const tableRows = (c: Locator) => c.locator("details table tr").evaluateAll((trs) =>
  trs.map((tr) => [...tr.querySelectorAll("th, td")].map((x) => (x.textContent ?? "").replace(/\s+/g, " ").trim())));

test("CSV of a chart: its rows are the data table's, then the footer", async ({ page }) => {
  const errors = watchForErrors(page);
  await page.goto("/?province=balochistan&province=sindh");
  const c = card(page, "by-type");
  await c.scrollIntoViewIfNeeded();
  const { name, body } = await save(page, c, "Data (CSV)");
  expect(name).toMatch(/^corridor-watch-by-type-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = body.toString("utf8");
  expect(text.startsWith("\uFEFF")).toBe(true);
  const records = parseCsv(text);
  const expected = await tableRows(c);
  expect(expected.length).toBeGreaterThan(2);
  expect(records.slice(0, expected.length).map((r) => r.fields)).toEqual(expected);
  // An empty line, then the footer.
  const rest = records.slice(expected.length);
  expect(rest[0].line).toBe(expected.length + 2);
  const footer = rest.map((r) => r.fields[0]).join("\n");
  expect(footer).toContain("in Balochistan or Sindh");
  expect(footer).toMatch(/Corridor Watch, data version \d+ of \d{4}-\d{2}-\d{2}/);
  expect(footer).toContain(page.url());
  expect(errors).toEqual([]);
});

test("SVG of a chart: every bar, the legend, the title and the footer", async ({ page }) => {
  await page.goto("/");
  const c = card(page, "per-year");
  await c.scrollIntoViewIfNeeded();
  await expect(c.locator(".recharts-bar-rectangle").first()).toBeVisible();
  const bars = await c.locator(".recharts-bar-rectangle path").count();
  const legend = await c.locator(".recharts-legend-item-text").allTextContents();
  const { name, body } = await save(page, c, "Vector image (SVG)");
  expect(name).toMatch(/\.svg$/);
  const svg = body.toString("utf8");
  // Parsed by the browser as a standalone document: no error, and the same drawing.
  const parsed = await page.evaluate((s) => {
    const doc = new DOMParser().parseFromString(s, "image/svg+xml");
    return {
      error: doc.querySelector("parsererror")?.textContent ?? null,
      bars: doc.querySelectorAll(".recharts-bar-rectangle path, g[class] path").length,
      paths: doc.querySelectorAll("path").length,
      text: doc.documentElement.textContent,
    };
  }, svg);
  expect(parsed.error).toBeNull();
  expect(parsed.paths).toBeGreaterThanOrEqual(bars);
  expect(parsed.text).toContain("Incidents per year");
  for (const l of legend) expect(parsed.text).toContain(l);
  expect(parsed.text).toContain("Every incident (direct links to Chinese interests only).");
  expect(parsed.text).toMatch(/Corridor Watch, data version \d+/);
});

test("SVG and PNG of the map: seven provinces, the points, and a picture that is not blank", async ({ page }) => {
  await page.goto("/");
  const c = card(page, "map");
  const points = await c.locator("a[data-incident], a[data-place]").count();
  const svg = (await save(page, c, "Vector image (SVG)")).body.toString("utf8");
  const counts = await page.evaluate((s) => {
    const doc = new DOMParser().parseFromString(s, "image/svg+xml");
    return { provinces: doc.querySelectorAll("a[data-province]").length, points: doc.querySelectorAll("a[data-incident], a[data-place]").length, readouts: doc.querySelectorAll("rect[rx='5']").length };
  }, svg);
  expect(counts).toEqual({ provinces: 7, points, readouts: 0 }); // hover readouts are not drawn into the file

  const png = (await save(page, c, "Image (PNG)")).body;
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const stats = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = img.width; canvas.height = img.height;
    const ctx = canvas.getContext("2d")!;
    ctx.drawImage(img, 0, 0);
    const { data } = ctx.getImageData(0, 0, img.width, img.height);
    let dark = 0, red = 0;
    for (let k = 0; k < data.length; k += 4) {
      if (data[k] < 120 && data[k + 1] < 120 && data[k + 2] < 120) dark++;
      if (data[k] > 180 && data[k + 1] < 90 && data[k + 2] < 90) red++;
    }
    return { width: img.width, height: img.height, dark, red };
  }, png.toString("base64"));
  expect(stats.width).toBeGreaterThan(900);
  expect(stats.red).toBeGreaterThan(1000); // shaded provinces
  expect(stats.dark).toBeGreaterThan(500); // text: title, legend, footer
});
