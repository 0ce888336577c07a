// npm run bench:ingest   (tsx bench/ingest.ts [--texts 1000] [--pages 40] [--json])
//
// The report reader's speed (issue 13 targets): a 40-page PDF read end to end (text layer
// extraction + reading) in under 5 s, and 1,000 news-length texts read in under 60 s, on
// this machine. The PDF is written here from the evaluation reports we wrote ourselves
// (lib/ingest/eval), never from third-party text; the 1,000 texts cycle those reports with
// shifted publication dates, five to a text. Exits non-zero when a target is missed.
import { readdirSync, readFileSync } from "node:fs";
import { cpus } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { extractText } from "../lib/ingest/input.ts";
import { readReport } from "../lib/ingest/read.ts";
import { referenceFromFiles } from "../lib/ingest/reference-files.ts";
import { paginate, writePdf } from "../lib/ingest/testing/pdf-writer.ts";

const { values } = parseArgs({ options: { texts: { type: "string", default: "1000" }, pages: { type: "string", default: "40" }, json: { type: "boolean", default: false } } });
const TEXTS = Number(values.texts), PAGES = Number(values.pages);
const EVAL = path.resolve(import.meta.dirname, "../lib/ingest/eval");
const reports = ["reports", "held-out"].flatMap((d) => readdirSync(path.join(EVAL, d)).filter((f) => f.endsWith(".txt")).sort().map((f) => readFileSync(path.join(EVAL, d, f), "utf8")));
const ref = referenceFromFiles();

// The PDF: the reports' paragraphs, repeated until the pages are full.
const paragraphs: string[] = [];
// About 3,000 characters a page, as in a dense report.
const layout = (ps: string[]) => paginate(ps, 60, 100);
for (let i = 0; layout(paragraphs).length < PAGES; i++) paragraphs.push(...reports[i % reports.length].split(/\n\s*\n/));
while (layout(paragraphs).length > PAGES) paragraphs.pop();
const pdf = writePdf(layout(paragraphs));

const t0 = performance.now();
const text = await extractText(pdf, "pdf");
const t1 = performance.now();
const pdfResult = readReport(text, { published: "2025-01-01" }, ref);
const t2 = performance.now();

// 1,000 news-length texts (a story plus the background paragraphs wire copy adds, about
// 2,000-3,000 characters): five reports joined, with publication dates shifted so relative
// dates resolve differently each time.
const t3 = performance.now();
let candidates = 0, chars = 0;
for (let i = 0; i < TEXTS; i++) {
  const body = Array.from({ length: 5 }, (_, k) => reports[(i + k * 7) % reports.length]).join("\n\n");
  const day = new Date(Date.UTC(2018 + (i % 8), i % 12, 1 + (i % 27))).toISOString().slice(0, 10);
  candidates += readReport(body, { published: day }, ref).candidates.length;
  chars += body.length;
}
const t4 = performance.now();

const pdfSeconds = (t2 - t0) / 1000, textsSeconds = (t4 - t3) / 1000;
const result = {
  machine: `${cpus().length} cores, Node ${process.version}`,
  pdf: { pages: PAGES, bytes: pdf.byteLength, chars: text.length, extractSeconds: +((t1 - t0) / 1000).toFixed(2), readSeconds: +((t2 - t1) / 1000).toFixed(2), totalSeconds: +pdfSeconds.toFixed(2), candidates: pdfResult.candidates.length, targetSeconds: 5 },
  texts: { count: TEXTS, meanChars: Math.round(chars / TEXTS), totalSeconds: +textsSeconds.toFixed(2), perTextMs: +((t4 - t3) / TEXTS).toFixed(1), candidates, targetSeconds: 60 },
};
if (values.json) console.log(JSON.stringify(result, null, 2));
else {
  console.log(`ingest: ${PAGES}-page PDF (${(pdf.byteLength / 1024).toFixed(0)} KB, ${text.length} chars): ${pdfSeconds.toFixed(2)} s (extract ${result.pdf.extractSeconds} s, read ${result.pdf.readSeconds} s; target < 5 s) ${pdfSeconds < 5 ? "ok" : "MISSED"}`);
  console.log(`ingest: ${TEXTS} news-length texts (mean ${result.texts.meanChars} chars): ${textsSeconds.toFixed(2)} s (${result.texts.perTextMs} ms each; target < 60 s) ${textsSeconds < 60 ? "ok" : "MISSED"}`);
}
process.exit(pdfSeconds < 5 && textsSeconds < 60 ? 0 : 1);
