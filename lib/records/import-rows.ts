// Reads an import file (CSV in the export's shape, or a JSON array of objects with the same
// keys) into validated rows. Every problem is collected with its line (CSV) or record number
// (JSON), so a user fixes the whole file in one pass; nothing is written unless all is well.
import { z } from "zod";
import { ATTACK_TYPES, ATTRIBUTION_ROLES, CHINESE_LINKS, CONFIDENCES, DATE_PRECISIONS, LOCATION_PRECISIONS, MAX_ID_LENGTH, PROVINCES, SLUG_PATTERN, keysOf } from "../vocab.ts";
import { CsvReader, CsvSyntaxError, parseCsv, unneutraliseFormula, type CsvRecord } from "../csv-parse.ts";
import { CSV_HEADER, IMPORT_ONLY_COLUMNS, type CsvColumn, type ImportOnlyColumn } from "../incident-model.ts";
import { partialDate } from "./schema.ts";

/** The export's columns (the incident model's CSV_COLUMNS), each of which an import must carry. */
export const REQUIRED_COLUMNS = CSV_HEADER;
/** Columns the export does not carry; when absent, new incidents get defaults and existing ones keep theirs. */
export const OPTIONAL_COLUMNS = IMPORT_ONLY_COLUMNS;

const SEPARATOR = /;\s*/;
const emptyToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : typeof v === "string" ? v.trim() : v);
const optionalText = (max: number) => z.preprocess(emptyToNull, z.string().max(max, `is longer than ${max} characters`).nullable());
const requiredText = (max: number) => z.preprocess(emptyToNull, z.string({ error: "is required" }).min(1, "is required").max(max, `is longer than ${max} characters`));
const count = z.preprocess(
  (v) => { const t = emptyToNull(v); return typeof t === "string" && /^-?\d+$/.test(t) ? Number(t) : t; },
  z.number({ error: "must be a whole number or empty (unknown)" }).int("must be a whole number").min(0, "must not be negative").max(100_000, "is implausibly large").nullable(),
);
const list = (item: z.ZodType<string>) => z.preprocess(
  (v) => (Array.isArray(v) ? v : typeof v === "string" && v.trim() ? v.split(SEPARATOR).map((s) => s.trim()).filter(Boolean) : []),
  z.array(item),
);
const slug = z.string().regex(SLUG_PATTERN, "is not a slug");
const enumOf = <T extends Record<string, string>>(vocab: T, what: string) =>
  z.preprocess(emptyToNull, z.enum(keysOf(vocab), { error: `must be a ${what}: one of ${Object.keys(vocab).join(", ")}` }));
const optionalEnum = <T extends Record<string, string>>(vocab: T, what: string) =>
  z.preprocess(emptyToNull, z.enum(keysOf(vocab), { error: `must be a ${what}: one of ${Object.keys(vocab).join(", ")}` }).nullable().default(null));

/** Each column's import rule: one per model column (the compiler checks), read by name from the file. */
const COLUMN_RULES = {
  id: z.preprocess(emptyToNull, z.string({ error: "is required" }).regex(/^\d{4}(-\d{2}){0,2}-[a-z0-9-]+$/, "must be <date>-<place-slug>, e.g. 2024-10-06-karachi-airport-convoy").max(MAX_ID_LENGTH)),
  date: z.preprocess(emptyToNull, partialDate),
  date_precision: enumOf(DATE_PRECISIONS, "date precision"),
  province: enumOf(PROVINCES, "province"),
  district: optionalText(120),
  city: optionalText(120),
  attack_type: enumOf(ATTACK_TYPES, "attack type"),
  target: requiredText(500),
  project: z.preprocess(emptyToNull, slug.nullable()),
  perpetrators: list(slug),
  attribution: list(z.string().regex(/^[a-z0-9-]+:[a-z_]+$/, 'each value must be "group:role"')),
  chinese_killed: count, chinese_injured: count, total_killed: count, total_injured: count, attackers_killed: count,
  summary: requiredText(1200),
  source_urls: list(z.url({ error: "each value must be a URL" })).pipe(z.array(z.string()).min(1, "every incident needs at least one source URL")),
  chinese_link: optionalEnum(CHINESE_LINKS, "link strength"),
  confidence: optionalEnum(CONFIDENCES, "confidence"),
  location_precision: optionalEnum(LOCATION_PRECISIONS, "location precision"),
} satisfies Record<CsvColumn | ImportOnlyColumn, z.ZodType>;

export const importRowSchema = z.object(COLUMN_RULES).superRefine((r, ctx) => {
  if (r.date.length !== { day: 10, month: 7, year: 4 }[r.date_precision]) ctx.addIssue({ code: "custom", path: ["date"], message: `does not match date_precision ${r.date_precision}` });
  if (!r.id.startsWith(r.date.slice(0, 4))) ctx.addIssue({ code: "custom", path: ["id"], message: "must start with the incident's year" });
  const pairs = r.attribution.map((a) => a.split(":") as [string, string]);
  for (const [, role] of pairs) if (!Object.hasOwn(ATTRIBUTION_ROLES, role)) ctx.addIssue({ code: "custom", path: ["attribution"], message: `unknown role "${role}"; expected one of ${Object.keys(ATTRIBUTION_ROLES).join(", ")}` });
  const named = new Set(pairs.map(([g]) => g));
  if ([...new Set(r.perpetrators)].sort().join() !== [...named].sort().join()) ctx.addIssue({ code: "custom", path: ["perpetrators"], message: "must list exactly the groups named in attribution" });
  for (const [total, part] of [["total_killed", "chinese_killed"], ["total_injured", "chinese_injured"]] as const) {
    if (r[part] !== null && (r[total] === null || r[total]! < r[part]!)) ctx.addIssue({ code: "custom", path: [total], message: `must be at least ${part} (victims in total include the Chinese victims)` });
  }
});

export type ImportRow = z.output<typeof importRowSchema> & { line: number };
export type ImportProblem = { line: number; message: string };

export class ImportError extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(`import rejected, nothing was written (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n  ${problems.slice(0, 200).map((p) => `${p.line ? `line ${p.line}: ` : ""}${p.message}`).join("\n  ")}${problems.length > 200 ? `\n  … and ${problems.length - 200} more` : ""}`);
  }
}

/** Decodes bytes as UTF-8, refusing anything that is not (a mis-saved spreadsheet loses characters silently otherwise). */
export function decodeUtf8(bytes: Uint8Array): string {
  try { return new TextDecoder("utf-8", { fatal: true }).decode(bytes); }
  catch { throw new ImportError([{ line: firstBadUtf8Line(bytes), message: NOT_UTF8 }]); }
}

const NOT_UTF8 = "the file is not valid UTF-8; save it as UTF-8 (CSV UTF-8 in Excel)";

function firstBadUtf8Line(bytes: Uint8Array, startLine = 1): number {
  // A bisection on the longest valid prefix would be faster; this runs once, on a failure.
  let line = startLine;
  const decoder = new TextDecoder("utf-8", { fatal: true });
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) line++;
    try { decoder.decode(bytes.subarray(i, i + 1), { stream: true }); } catch { return line; }
  }
  return line;
}

/**
 * Checks each record against the header and the column rules. One instance reads one file,
 * whether whole (readImportFile) or by chunks (readImportStream): the same messages either way.
 */
class RowChecker {
  private names: string[] | null = null;
  private readonly seen = new Map<string, number>();
  records = 0;
  constructor(private readonly format: "csv" | "json", readonly problems: ImportProblem[]) {}

  header(h: CsvRecord): void {
    const names = h.fields.map((f) => f.trim());
    const problems: ImportProblem[] = [];
    const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
    if (missing.length) problems.push({ line: h.line, message: `missing column${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}` });
    const unknown = names.filter((n) => !(REQUIRED_COLUMNS as readonly string[]).includes(n) && !(OPTIONAL_COLUMNS as readonly string[]).includes(n));
    if (unknown.length) problems.push({ line: h.line, message: `unknown column${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}` });
    const dupes = names.filter((n, i) => names.indexOf(n) !== i);
    if (dupes.length) problems.push({ line: h.line, message: `column repeated: ${[...new Set(dupes)].join(", ")}` });
    // A bad header makes every row unreadable: stop here rather than list a problem per row.
    if (problems.length) throw new ImportError(problems);
    this.names = names;
  }

  csvRecord(r: CsvRecord): ImportRow | null {
    const names = this.names!;
    this.records++;
    if (r.fields.length !== names.length) { this.problems.push({ line: r.line, message: `has ${r.fields.length} fields; the header has ${names.length}` }); return null; }
    const value: Record<string, string> = {};
    for (let i = 0; i < names.length; i++) value[names[i]] = unneutraliseFormula(r.fields[i]);
    return this.value(r.line, value);
  }

  value(line: number, value: unknown): ImportRow | null {
    const what = this.format === "csv" ? "line" : "record";
    // PostgreSQL cannot store NUL in text: refused here, by line, not by a failed transaction.
    const nul = value && typeof value === "object" ? Object.entries(value).filter(([, v]) => typeof v === "string" && v.includes("\u0000")).map(([k]) => k) : [];
    if (nul.length) { this.problems.push({ line, message: `${nul.join(", ")}: contains a NUL character, which the database cannot store` }); return null; }
    const result = importRowSchema.safeParse(value);
    if (!result.success) {
      for (const issue of result.error.issues) this.problems.push({ line, message: `${this.format === "json" ? `${what} ${line}, ` : ""}${issue.path.join(".") || "row"}: ${issue.message}` });
      return null;
    }
    const earlier = this.seen.get(result.data.id);
    if (earlier !== undefined) { this.problems.push({ line, message: `id ${result.data.id} already appears on ${what} ${earlier}` }); return null; }
    this.seen.set(result.data.id, line);
    return { ...result.data, line };
  }

  get sawHeader() { return this.names !== null; }
}

function csvFailure(e: unknown): never {
  if (e instanceof CsvSyntaxError) throw new ImportError([{ line: e.line, message: e.message.replace(/^line \d+: /, "") }]);
  throw e;
}

function recordsFromJson(text: string): { line: number; value: unknown }[] {
  let parsed: unknown;
  try { parsed = JSON.parse(text); } catch (e) { throw new ImportError([{ line: 0, message: `not valid JSON: ${(e as Error).message}` }]); }
  if (!Array.isArray(parsed)) throw new ImportError([{ line: 0, message: "a JSON import must be an array of incident objects" }]);
  if (!parsed.length) throw new ImportError([{ line: 0, message: "the file is empty: no incidents" }]);
  // JSON has no useful line numbers once parsed; the record's position stands in for it.
  return parsed.map((value, i) => ({ line: i + 1, value }));
}

const EMPTY_FILE = "the file is empty: expected a header line and at least one incident";

/** Parses and validates a whole file. Throws ImportError listing every problem. */
export function readImportFile(bytes: Uint8Array, format: "csv" | "json"): ImportRow[] {
  const text = decodeUtf8(bytes);
  if (!text.trim()) throw new ImportError([{ line: 1, message: EMPTY_FILE }]);
  const checker = new RowChecker(format, []);
  const rows: ImportRow[] = [];
  if (format === "json") {
    for (const { line, value } of recordsFromJson(text)) { const r = checker.value(line, value); if (r) rows.push(r); }
  } else {
    let records: CsvRecord[];
    try { records = parseCsv(text); } catch (e) { csvFailure(e); }
    if (!records.length) throw new ImportError([{ line: 1, message: EMPTY_FILE }]);
    checker.header(records[0]);
    if (records.length === 1) throw new ImportError([{ line: records[0].line, message: "the file has a header but no incidents" }]);
    for (let k = 1; k < records.length; k++) { const r = checker.csvRecord(records[k]); if (r) rows.push(r); }
  }
  if (checker.problems.length) throw new ImportError(checker.problems);
  return rows;
}

/**
 * Reads a CSV import from a stream of bytes (a file read in chunks) and yields its valid rows
 * in batches of `batchSize`, so memory holds one chunk and one batch, not the file. Problems
 * are appended to `problems` as they are found and reading goes on, so every problem in the
 * file is listed; the caller must write nothing when `problems` is not empty at the end.
 * Problems that make the rest unreadable (bad UTF-8, CSV syntax, a bad header) throw.
 */
export async function* readImportStream(chunks: AsyncIterable<Uint8Array>, problems: ImportProblem[], batchSize = 2000): AsyncGenerator<ImportRow[]> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const reader = new CsvReader();
  const checker = new RowChecker("csv", problems);
  let headerLine = 1;
  let batch: ImportRow[] = [];
  let lines = 1; // lines fully decoded so far, to name the line of a bad byte
  let anyText = false;
  const take = (records: CsvRecord[]) => {
    for (const rec of records) {
      if (!checker.sawHeader) { checker.header(rec); headerLine = rec.line; continue; }
      const r = checker.csvRecord(rec);
      if (r) batch.push(r);
    }
  };
  for await (const chunk of chunks) {
    let text: string;
    try { text = decoder.decode(chunk, { stream: true }); } catch { throw new ImportError([{ line: firstBadUtf8Line(chunk, lines), message: NOT_UTF8 }]); }
    for (let k = chunk.indexOf(0x0a); k !== -1; k = chunk.indexOf(0x0a, k + 1)) lines++;
    if (!anyText && text.trim()) anyText = true;
    try { take(reader.push(text)); } catch (e) { csvFailure(e); }
    if (batch.length >= batchSize) { yield batch; batch = []; }
  }
  let tail: string;
  try { tail = decoder.decode(); } catch { throw new ImportError([{ line: lines, message: NOT_UTF8 }]); }
  if (tail.trim()) anyText = true;
  if (!anyText) throw new ImportError([{ line: 1, message: EMPTY_FILE }]);
  try { take(reader.push(tail)); take(reader.end()); } catch (e) { csvFailure(e); }
  if (checker.sawHeader && checker.records === 0) throw new ImportError([{ line: headerLine, message: "the file has a header but no incidents" }]);
  if (batch.length) yield batch;
}
