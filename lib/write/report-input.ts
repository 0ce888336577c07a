// What an editor hands in, checked before anything reads it: a size limit, a type taken from
// the content (not trusted from the file name or the browser's label), dates and URLs that parse.
import { z } from "zod";

export type ReportFormat = "txt" | "html" | "pdf";

/** Largest upload accepted (a long PDF report is a few MB). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/** Longest pasted text accepted, in characters. */
export const MAX_PASTED_CHARS = 500_000;

export class ReportInputError extends Error {
  constructor(readonly problems: { field: string; message: string }[], readonly status: 400 | 413 | 415 = 400) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join("; "));
  }
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a day, YYYY-MM-DD")
  .refine((v) => { const d = new Date(`${v}T00:00:00Z`); return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v); }, "is not a calendar day");

export const reportMetaSchema = z.object({
  published: day,
  title: z.string().trim().min(1).max(500).optional(),
  publisher: z.string().trim().min(1).max(200).optional(),
  url: z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).max(2000).optional(),
}).strict();

export type ReportMeta = z.infer<typeof reportMetaSchema>;

export const pastedReportSchema = reportMetaSchema.extend({
  text: z.string().refine((t) => t.trim().length > 0, "is empty").refine((t) => t.length <= MAX_PASTED_CHARS, `is longer than ${MAX_PASTED_CHARS.toLocaleString("en")} characters`)
    .refine((t) => !t.includes("\u0000"), "contains a NUL character"),
}).strict();

const zodProblems = (e: z.ZodError) => e.issues.map((i) => ({ field: i.path.join(".") || "body", message: i.message }));

export function parsePastedReport(body: unknown): ReportMeta & { text: string } {
  const parsed = pastedReportSchema.safeParse(body);
  if (!parsed.success) throw new ReportInputError(zodProblems(parsed.error));
  return parsed.data;
}

export function parseReportMeta(fields: Record<string, string | undefined>): ReportMeta {
  const clean = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const parsed = reportMetaSchema.safeParse(clean);
  if (!parsed.success) throw new ReportInputError(zodProblems(parsed.error));
  return parsed.data;
}

/**
 * The format of an uploaded file, from its bytes: a PDF begins with %PDF-; anything else must
 * be UTF-8 text without NUL bytes, and is HTML when it opens with markup. The file name only
 * has to agree.
 */
export function sniffFormat(bytes: Uint8Array, fileName: string): ReportFormat {
  if (bytes.length === 0) throw new ReportInputError([{ field: "file", message: "is empty" }]);
  if (bytes.length > MAX_UPLOAD_BYTES) throw new ReportInputError([{ field: "file", message: `is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB` }], 413);
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (!ext || !["txt", "html", "htm", "pdf"].includes(ext)) throw new ReportInputError([{ field: "file", message: `must be a .txt, .html or .pdf file, not ${ext ? `.${ext}` : "a file without an extension"}` }], 415);
  const isPdf = bytes.length >= 5 && String.fromCharCode(...bytes.subarray(0, 5)) === "%PDF-";
  let detected: ReportFormat;
  if (isPdf) detected = "pdf";
  else {
    let text: string;
    try { text = new TextDecoder("utf-8", { fatal: true }).decode(bytes); } catch {
      throw new ReportInputError([{ field: "file", message: "is neither a PDF nor UTF-8 text" }], 415);
    }
    if (text.includes("\u0000")) throw new ReportInputError([{ field: "file", message: "contains NUL bytes: not a text file" }], 415);
    detected = /^\s*(?:<!doctype html|<html|<head|<body|<meta|<article|<div|<p[\s>])/i.test(text.replace(/^\uFEFF/, "")) ? "html" : "txt";
  }
  const claimed: ReportFormat = ext === "pdf" ? "pdf" : ext === "txt" ? "txt" : "html";
  if (claimed !== detected) throw new ReportInputError([{ field: "file", message: `is named .${ext} but its content is ${detected === "pdf" ? "a PDF" : detected === "html" ? "HTML" : "plain text"}` }], 415);
  return detected;
}
