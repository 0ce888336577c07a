// Turns a chart on the page into files: an SVG (the drawing with its legend, title and a
// footer naming the view), a PNG of that SVG, and a CSV of the chart's data table, the same
// rows the reader sees. Runs in the browser only, on click, so it costs nothing until used.
import { CSV_BOM, csvRow, type CsvValue } from "@/lib/csv.ts";

const SVG_NS = "http://www.w3.org/2000/svg";
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';
// The presentation properties a chart's look depends on: copied from the live drawing, so
// the file looks the same outside the page's stylesheets.
const PROPS = ["fill", "fill-opacity", "stroke", "stroke-width", "stroke-opacity", "stroke-dasharray", "opacity", "font-size", "font-weight", "font-family", "text-anchor", "dominant-baseline"] as const;

export type ExportFooter = { filters: string; version: string; changed: string; url: string };

/** The footer lines every exported file carries. */
export function footerLines(f: ExportFooter): string[] {
  const version = f.version ? `data version ${f.version}${f.changed ? ` of ${f.changed}` : ""}` : "data version unknown";
  return [`${f.filters}.`, `Corridor Watch, ${version}, downloaded ${new Date().toISOString().slice(0, 10)}: ${f.url}`];
}

export function readFooter(doc: Document = document): ExportFooter {
  const ctx = doc.querySelector<HTMLElement>("[data-export-context]");
  return {
    filters: ctx?.dataset.filters ?? "Incidents as filtered on the page",
    version: ctx?.dataset.version ?? "",
    changed: ctx?.dataset.changed ?? "",
    url: doc.location.href,
  };
}

/** The chart's drawing: the server-drawn map, else recharts' surface. */
export function chartSvg(card: Element): SVGSVGElement | null {
  const map = card.querySelector<SVGSVGElement>("svg[data-map-svg]");
  if (map) return map;
  // The legend's icons are recharts surfaces too: the chart is the largest.
  const area = (e: Element) => { const r = e.getBoundingClientRect(); return r.width * r.height; };
  return [...card.querySelectorAll<SVGSVGElement>(".recharts-wrapper svg.recharts-surface")].sort((a, b) => area(b) - area(a))[0] ?? null;
}

function inlineStyles(live: Element, copy: Element): boolean {
  const cs = getComputedStyle(live);
  // data-export-only: parts hidden on screen (where HTML shows them instead) but drawn into the file.
  if ((cs.display === "none" && !live.hasAttribute("data-export-only")) || cs.visibility === "hidden") return false;
  const style = PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(";");
  copy.setAttribute("style", style);
  copy.removeAttribute("class");
  const liveKids = [...live.children], copyKids = [...copy.children];
  for (let k = liveKids.length - 1; k >= 0; k--) if (!inlineStyles(liveKids[k], copyKids[k])) copyKids[k].remove();
  return true;
}

/** recharts draws its legend as HTML beside the SVG: read its entries (swatch colour and label). */
function legendEntries(card: Element): { color: string; label: string }[] {
  return [...card.querySelectorAll(".recharts-legend-item")].map((li) => {
    const shape = li.querySelector("svg path, svg rect, svg line");
    const cs = shape ? getComputedStyle(shape) : null;
    const color = cs && cs.fill && cs.fill !== "none" ? cs.fill : cs?.stroke ?? "#000";
    return { color, label: li.textContent?.trim() ?? "" };
  });
}

function text(doc: Document, x: number, y: number, s: string, size: number, weight = 400, fill = "#1c1917"): SVGTextElement {
  const t = doc.createElementNS(SVG_NS, "text");
  t.setAttribute("x", String(x)); t.setAttribute("y", String(y));
  t.setAttribute("style", `font-size:${size}px;font-weight:${weight};fill:${fill};font-family:${FONT}`);
  t.textContent = s;
  return t;
}

/** Splits a line to fit about `chars` characters, at spaces. */
function wrap(s: string, chars: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of s.split(" ")) {
    if (line && line.length + word.length + 1 > chars) { out.push(line); line = word; } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}

/** A standalone SVG document of the chart in `card`: title, legend, drawing, footer. */
export function buildSvg(card: Element, title: string, footer: ExportFooter): { svg: string; width: number; height: number } | null {
  const live = chartSvg(card);
  if (!live) return null;
  const doc = card.ownerDocument;
  const box = live.getBoundingClientRect();
  const copy = live.cloneNode(true) as SVGSVGElement;
  inlineStyles(live, copy);
  // A drawing may carry more in the file than on screen (the map's legend): its data-export-viewbox.
  const viewBox = live.getAttribute("data-export-viewbox") ?? live.getAttribute("viewBox") ?? `0 0 ${box.width} ${box.height}`;
  const [, , vbW, vbH] = viewBox.split(/[\s,]+/).map(Number);
  const width = Math.max(480, Math.round(box.width)), chartH = Math.round(width * (vbH / vbW));
  copy.setAttribute("viewBox", viewBox);
  copy.setAttribute("width", String(width)); copy.setAttribute("height", String(chartH));
  copy.removeAttribute("style");

  const out = doc.createElementNS(SVG_NS, "svg");
  out.setAttribute("xmlns", SVG_NS);
  let y = 0;
  const bg = doc.createElementNS(SVG_NS, "rect");
  bg.setAttribute("width", "100%"); bg.setAttribute("height", "100%"); bg.setAttribute("fill", "#ffffff");
  out.append(bg);
  out.append(text(doc, 12, (y += 26), title, 17, 700));
  const legend = legendEntries(card);
  if (legend.length) {
    let x = 12; y += 22;
    for (const e of legend) {
      const w = 18 + e.label.length * 6.6;
      if (x + w > width - 12) { x = 12; y += 18; }
      const sw = doc.createElementNS(SVG_NS, "rect");
      sw.setAttribute("x", String(x)); sw.setAttribute("y", String(y - 10)); sw.setAttribute("width", "11"); sw.setAttribute("height", "11"); sw.setAttribute("fill", e.color);
      out.append(sw, text(doc, x + 15, y, e.label, 12));
      x += w + 10;
    }
  }
  y += 10;
  copy.setAttribute("x", "0"); copy.setAttribute("y", String(y));
  out.append(copy);
  y += chartH + 8;
  for (const line of footerLines(footer).flatMap((l) => wrap(l, Math.floor(width / 6.4)))) out.append(text(doc, 12, (y += 15), line, 11, 400, "#57534e"));
  const height = Math.ceil(y + 10);
  out.setAttribute("width", String(width)); out.setAttribute("height", String(height));
  out.setAttribute("viewBox", `0 0 ${width} ${height}`);
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(out)}`, width, height };
}

/** A PNG of the SVG at twice its size (sharp on high-density screens and in documents). */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const img = new Image();
    img.decoding = "async";
    await new Promise<void>((resolve, reject) => { img.onload = () => resolve(); img.onerror = () => reject(new Error("the chart could not be drawn as an image")); img.src = url; });
    const canvas = document.createElement("canvas");
    canvas.width = width * scale; canvas.height = height * scale;
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("no canvas to draw on");
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG encoding failed"))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}

const cellText = (c: Element) => (c.textContent ?? "").replace(/\s+/g, " ").trim();
/** A cell as it reads, numbers as numbers ("1,234" is 1234) so spreadsheets can sum them. */
function csvValue(s: string): CsvValue {
  return /^\d{1,3}(,\d{3})*$|^\d+$/.test(s) ? Number(s.replaceAll(",", "")) : s;
}

/** The rows of the chart's (first) data table, header first. */
export function tableRows(card: Element): string[][] {
  const table = card.querySelector("details table");
  if (!table) return [];
  return [...table.querySelectorAll("tr")].map((tr) => [...tr.querySelectorAll("th, td")].map(cellText));
}

/** The data table as CSV, then an empty record and the footer lines. */
export function buildCsv(card: Element, footer: ExportFooter): string {
  const rows = tableRows(card);
  return CSV_BOM + rows.map((r) => csvRow(r.map(csvValue))).join("") + csvRow([]) + footerLines(footer).map((l) => csvRow([l])).join("");
}

export function download(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url; a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
