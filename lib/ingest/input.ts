// Turning a file into the text every offset refers to: plain text as is, HTML's main text
// (Readability on linkedom), PDF's text layer (unpdf, pdf.js). Bounded in size and time.
import { createHash } from "node:crypto";

export type InputType = "txt" | "html" | "pdf";

/** Refuse files over this many bytes: a 40-page PDF is ~1 MB; a news page's HTML rarely 3 MB. */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;
/** Refuse extracted text over this many characters (about 300 pages of prose). */
export const MAX_TEXT_CHARS = 1_000_000;
/** Stop reading a PDF after this long. */
export const PDF_TIME_LIMIT_MS = 20_000;

export class IngestInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "IngestInputError";
  }
}

export function inputTypeOf(fileName: string): InputType {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".txt") || lower.endsWith(".text") || lower.endsWith(".md")) return "txt";
  if (lower.endsWith(".html") || lower.endsWith(".htm")) return "html";
  if (lower.endsWith(".pdf")) return "pdf";
  throw new IngestInputError(`unknown file type for ${fileName}: expected .txt, .html or .pdf`);
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}


export async function extractText(bytes: Uint8Array, type: InputType, opts: { pdfTimeLimitMs?: number } = {}): Promise<string> {
  if (bytes.byteLength === 0) throw new IngestInputError("the input is empty");
  if (bytes.byteLength > MAX_INPUT_BYTES) throw new IngestInputError(`the input is ${bytes.byteLength} bytes, over the limit of ${MAX_INPUT_BYTES}`);
  let text: string;
  if (type === "txt") text = decodeUtf8(bytes);
  else if (type === "html") text = await htmlMainText(decodeUtf8(bytes));
  else text = await pdfText(bytes, opts.pdfTimeLimitMs ?? PDF_TIME_LIMIT_MS);
  if (text.trim() === "") throw new IngestInputError(type === "pdf" ? "the PDF has no text layer (a scan?)" : "the input has no text");
  if (text.length > MAX_TEXT_CHARS) throw new IngestInputError(`the text is ${text.length} characters, over the limit of ${MAX_TEXT_CHARS}`);
  return text;
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    if (text.includes("\u0000")) throw new IngestInputError("the input looks binary, not text");
    return text.replace(/^\uFEFF/, "");
  } catch (e) {
    if (e instanceof IngestInputError) throw e;
    throw new IngestInputError("the input is not valid UTF-8 text");
  }
}

const BLOCKS = "h1,h2,h3,h4,h5,h6,p,li,blockquote,pre,figcaption,td,th,dt,dd";

async function htmlMainText(html: string): Promise<string> {
  const { parseHTML } = await import("linkedom");
  const { Readability } = await import("@mozilla/readability");
  const { document } = parseHTML(html);
  const title = document.querySelector("title")?.textContent?.trim() ?? "";
  // Readability mutates the document; it returns null when it finds no article.
  const article = new Readability(document as unknown as Document, { charThreshold: 100 }).parse();
  const root = parseHTML(`<!doctype html><html><body>${article?.content ?? parseHTML(html).document.body?.innerHTML ?? ""}</body></html>`).document;
  // One paragraph per block element, so sentences and paragraphs survive (textContent alone
  // runs "said.Five" together).
  const blocks = [...root.querySelectorAll(BLOCKS)].filter((el) => !el.parentElement?.closest(BLOCKS));
  const paragraphs = (blocks.length ? blocks : [root.body]).map((el) => (el?.textContent ?? "").replace(/[ \t\r\n\u00a0]+/g, " ").trim()).filter(Boolean);
  const head = article?.title?.trim() || title;
  if (head && paragraphs[0] !== head) paragraphs.unshift(head);
  return paragraphs.join("\n\n");
}

async function pdfText(bytes: Uint8Array, limitMs: number): Promise<string> {
  const { getDocumentProxy } = await import("unpdf");
  const deadline = Date.now() + limitMs;
  const overTime = () => new IngestInputError(`reading the PDF took over ${Math.round(limitMs / 1000)} s; stopped`);
  let pdf;
  try {
    pdf = await withDeadline(getDocumentProxy(new Uint8Array(bytes)), deadline, overTime);
  } catch (e) {
    if (e instanceof IngestInputError) throw e;
    throw new IngestInputError(`the PDF cannot be read: ${(e as Error).message.split("\n")[0]}`);
  }
  try {
    const pages: string[] = [];
    // Page by page, so the time limit is checked between pages and a huge file stops early.
    for (let i = 1; i <= pdf.numPages; i++) {
      if (Date.now() > deadline) throw overTime();
      const page = await withDeadline(pdf.getPage(i), deadline, overTime);
      const content = await withDeadline(page.getTextContent(), deadline, overTime);
      let line = "";
      const lines: string[] = [];
      for (const item of content.items as { str?: string; hasEOL?: boolean }[]) {
        if (typeof item.str !== "string") continue;
        line += item.str;
        if (item.hasEOL) { lines.push(line); line = ""; }
      }
      if (line) lines.push(line);
      pages.push(lines.join("\n"));
      if (pages.reduce((n, p) => n + p.length, 0) > MAX_TEXT_CHARS) break;
    }
    return pages.join("\n\n");
  } finally {
    await pdf.destroy().catch(() => {});
  }
}

function withDeadline<T>(p: Promise<T>, deadline: number, err: () => Error): Promise<T> {
  const left = deadline - Date.now();
  if (left <= 0) return Promise.reject(err());
  let timer: NodeJS.Timeout;
  return Promise.race([p, new Promise<T>((_, reject) => { timer = setTimeout(() => reject(err()), left); })]).finally(() => clearTimeout(timer));
}
