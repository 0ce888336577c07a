import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";

// Today's header: the first 18 columns as they have always been, then the appended ones (ranges, coordinates).
const HEADER = "id,date,date_precision,province,district,city,attack_type,target,project,perpetrators,attribution,chinese_killed,chinese_injured,total_killed,total_injured,attackers_killed,summary,source_urls"
  + ",chinese_killed_low,chinese_killed_high,chinese_injured_low,chinese_injured_high,total_killed_low,total_killed_high,total_injured_low,total_injured_high,latitude,longitude,geo_precision";

/** A small RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], cell = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") { row.push(cell); cell = ""; }
    else if (ch === "\r" && text[i + 1] === "\n") { row.push(cell); rows.push(row); row = []; cell = ""; i++; }
    else cell += ch;
  }
  return rows;
}

/** The incident ids the table shows, following its Next link through every page. */
async function tableIds(page: Page): Promise<string[]> {
  const ids: string[] = [];
  for (;;) {
    // The rows arrive first and the pager after the count: wait for both before reading.
    await expect(page.locator("table tbody tr").first()).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Rows per page" })).toBeVisible();
    const hrefs = await page.locator("table tbody tr td:first-child a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    ids.push(...hrefs.map((h) => decodeURIComponent(h.replace(/^\/incidents\//, ""))));
    const next = page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: /Next/ });
    if (!(await next.count())) return ids;
    const url = page.url();
    await next.click();
    await expect(page).not.toHaveURL(url);
  }
}

test("Export CSV downloads exactly the filtered, sorted rows of every page", async ({ page }) => {
  // More than one page at 25 rows, sorted on a column with ties and unknown figures.
  await page.goto("/incidents?links=all&sort=chinese_killed&dir=desc&pageSize=25");
  const exportLink = page.getByRole("link", { name: /Export CSV/ });
  await expect(exportLink).toHaveAttribute("href", /^\/api\/incidents\.csv\?/);
  const href = await exportLink.getAttribute("href");
  expect(href).not.toMatch(/page/);
  const [download] = await Promise.all([page.waitForEvent("download"), exportLink.click()]);
  expect(download.suggestedFilename()).toMatch(/^corridor-watch_incidents_links-all_sort-chinese-killed-desc_data-v\d+_exported-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = readFileSync((await download.path())!, "utf8");

  expect(text.startsWith("\uFEFF")).toBe(true);
  expect(text.slice(1).split("\r\n")[0]).toBe(HEADER);
  const [, ...records] = parseCsv(text.slice(1));
  const ids = await tableIds(page);
  expect(ids.length).toBeGreaterThan(25);
  expect(records.map((r) => r[0])).toEqual(ids);
  // Unknown stays empty, never 0, and comes last in this order.
  const killed = records.map((r) => r[11]);
  expect(killed.every((k) => k === "" || /^\d+$/.test(k))).toBe(true);
  const firstEmpty = killed.indexOf("");
  if (firstEmpty >= 0) expect(killed.slice(firstEmpty).every((k) => k === "")).toBe(true);
});

test("a filtered export holds the same rows as the filtered table", async ({ page, request }) => {
  await page.goto("/incidents?province=balochistan&sort=date&dir=asc");
  const ids = await tableIds(page);
  expect(ids.length).toBeGreaterThan(0);
  const res = await request.get("/api/incidents.csv?province=balochistan&sort=date&dir=asc");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(res.headers()["content-disposition"]).toMatch(/^attachment; filename="corridor-watch_incidents_province-balochistan_sort-date-asc_data-v\d+_exported-[\d-]+\.csv"$/);
  const [, ...records] = parseCsv((await res.text()).replace(/^\uFEFF/, ""));
  expect(records.map((r) => r[0])).toEqual(ids);
  expect(new Set(records.map((r) => r[3]))).toEqual(new Set(["balochistan"]));
});

test("the JSON API pages like the table", async ({ request }) => {
  const res = await request.get("/api/incidents?links=all&page=2&pageSize=25");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body).toMatchObject({ page: 2, pageSize: 25 });
  expect(body.total).toBeGreaterThan(25);
  expect(body.incidents).toHaveLength(Math.min(25, body.total - 25));
  const row = body.incidents[0];
  expect(row).toHaveProperty("date");
  expect(row.date).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
  expect(Array.isArray(row.groups)).toBe(true);
  expect(Array.isArray(row.sourceUrls)).toBe(true);
});

test("a bad parameter is a 400 naming it, on the JSON API and the CSV export", async ({ request }) => {
  for (const path of ["/api/incidents", "/api/incidents.csv"]) {
    const res = await request.get(`${path}?province=atlantis&pageSize=7&group=no-such-group`);
    expect(res.status(), path).toBe(400);
    const body = await res.json();
    expect(body.error).toBe("invalid query");
    expect(body.problems.map((p: { param: string }) => p.param).sort()).toEqual(["group", "pageSize", "province"]);
    for (const p of body.problems) expect(typeof p.message).toBe("string");
  }
});
