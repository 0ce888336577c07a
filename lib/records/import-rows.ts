// Reads an import file (CSV in the export's shape, or a JSON array of objects with the same
// keys) into validated rows. Every problem is collected with its line (CSV) or record number
// (JSON), so a user fixes the whole file in one pass; nothing is written unless all is well.
import { JSONParser } from "@streamparser/json";
import { z } from "zod";
import { ATTACK_TYPES, ATTRIBUTION_ROLES, CHINESE_LINKS, CONFIDENCES, DATE_PRECISIONS, GEO_PRECISIONS, LOCATION_PRECISIONS, MAX_ID_LENGTH, PROVINCES, SLUG_PATTERN, keysOf } from "../vocab.ts";
import { CsvReader, CsvSyntaxError, unneutraliseFormula, type CsvRecord } from "../csv-parse.ts";
import { CSV_HEADER, IMPORT_ONLY_COLUMNS, IMPORT_REQUIRED_COLUMNS, type CsvColumn, type ImportOnlyColumn } from "../incident-model.ts";
import { partialDate } from "./schema.ts";

/** The export's columns an import must carry (the incident model's, less the appended derived ones). */
export const REQUIRED_COLUMNS = IMPORT_REQUIRED_COLUMNS;
/** Columns an import may carry: the export's derived ones (checked, never written: they follow from the claims) and
 * those the export does not carry (when absent, new incidents get defaults and existing ones keep theirs). */
export const OPTIONAL_COLUMNS = [...CSV_HEADER.filter((c) => !(REQUIRED_COLUMNS as readonly string[]).includes(c)), ...IMPORT_ONLY_COLUMNS];

const SEPARATOR = /;\s*/;
const emptyToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : typeof v === "string" ? v.trim() : v);
const optionalText = (max: number) => z.preprocess(emptyToNull, z.string().max(max, `is longer than ${max} characters`).nullable());
const requiredText = (max: number) => z.preprocess(emptyToNull, z.string({ error: "is required" }).min(1, "is required").max(max, `is longer than ${max} characters`));
const count = z.preprocess(
  (v) => { const t = emptyToNull(v); return typeof t === "string" && /^-?\d+$/.test(t) ? Number(t) : t; },
  z.number({ error: "must be a whole number or empty (unknown)" }).int("must be a whole number").min(0, "must not be negative").max(100_000, "is implausibly large").nullable(),
);
/** Decimal degrees inside Pakistan's bounding box (the seed files' rule). */
const coordinate = (min: number, max: number, what: string) => z.preprocess(
  (v) => { const t = emptyToNull(v); return typeof t === "string" && /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t; },
  z.number({ error: `must be a ${what} in decimal degrees or empty` }).min(min, `is outside Pakistan (${min}-${max})`).max(max, `is outside Pakistan (${min}-${max})`).nullable().optional(),
);
/** A derived figure an export carries: checked as a count when present, absent in older files. */
const optionalCount = count.optional().default(null);
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
  chinese_killed_low: optionalCount, chinese_killed_high: optionalCount, chinese_injured_low: optionalCount, chinese_injured_high: optionalCount,
  total_killed_low: optionalCount, total_killed_high: optionalCount, total_injured_low: optionalCount, total_injured_high: optionalCount,
  // Absent (an older file): the incident keeps its point; empty: no point.
  latitude: coordinate(23, 38, "latitude"),
  longitude: coordinate(60, 78, "longitude"),
  geo_precision: z.preprocess(emptyToNull, z.enum(keysOf(GEO_PRECISIONS), { error: `must be a geo precision: one of ${Object.keys(GEO_PRECISIONS).join(", ")}` }).nullable().optional()),
} satisfies Record<CsvColumn | ImportOnlyColumn, z.ZodType>;

export const importRowSchema = z.object(COLUMN_RULES).superRefine((r, ctx) => {
  if ((r.latitude === null || r.latitude === undefined) !== (r.longitude === null || r.longitude === undefined)) ctx.addIssue({ code: "custom", path: ["longitude"], message: "give latitude and longitude together, or neither" });
  if (r.latitude != null && r.geo_precision == null) ctx.addIssue({ code: "custom", path: ["geo_precision"], message: "say what the point stands for (site, town, district or province) when giving coordinates" });
  if (r.date.length !== { day: 10, month: 7, year: 4 }[r.date_precision]) ctx.addIssue({ code: "custom", path: ["date"], message: `does not match date_precision ${r.date_precision}` });
  if (!r.id.startsWith(r.date.slice(0, 4))) ctx.addIssue({ code: "custom", path: ["id"], message: "must start with the incident's year" });
  const pairs = r.attribution.map((a) => a.split(":") as [string, string]);
  for (const [, role] of pairs) if (!Object.hasOwn(ATTRIBUTION_ROLES, role)) ctx.addIssue({ code: "custom", path: ["attribution"], message: `unknown role "${role}"; expected one of ${Object.keys(ATTRIBUTION_ROLES).join(", ")}` });
  const named = new Set(pairs.map(([g]) => g));
  if ([...new Set(r.perpetrators)].sort().join() !== [...named].sort().join()) ctx.addIssue({ code: "custom", path: ["perpetrators"], message: "must list exactly the groups named in attribution" });
  for (const [total, part] of [["total_killed", "chinese_killed"], ["total_injured", "chinese_injured"]] as const) {
    // "No Chinese killed" (0) says nothing of everyone else: the total may stay unknown.
    if (r[part] !== null && (r[total] === null ? r[part]! > 0 : r[total]! < r[part]!)) ctx.addIssue({ code: "custom", path: [total], message: `must be at least ${part} (victims in total include the Chinese victims)` });
  }
});

export type ImportRow = z.output<typeof importRowSchema> & { line: number };
export type ImportProblem = { line: number; message: string };

/** Problems an error message lists before "and N more": enough to fix a file by, short enough to read. */
const LISTED = 200;

export class ImportError extends Error {
  /** `total`: how many problems there were when only the first of them are kept (a huge bad file). */
  constructor(readonly problems: ImportProblem[], readonly total = problems.length) {
    super(`import rejected, nothing was written (${total} problem${total === 1 ? "" : "s"}):\n  ${problems.slice(0, LISTED).map((p) => `${p.line ? `line ${p.line}: ` : ""}${p.message}`).join("\n  ")}${total > LISTED ? `\n  … and ${total - Math.min(LISTED, problems.length)} more` : ""}`);
  }
}

/** The rows and problems of the records read so far; the reader keeps no row once it is handed out. */
export type ImportBatch = { rows: ImportRow[]; problems: ImportProblem[] };

/**
 * Reads an import file incrementally: bytes go in by chunks, validated rows and every problem
 * (with its line) come out, so a file of any size is checked in the memory of one chunk and one
 * batch. What must see the whole file is kept small: the ids seen so far (for duplicates).
 * A problem with the file itself (header, encoding, CSV syntax, an empty file) throws ImportError,
 * since nothing after it can be read reliably. JSON is read the same way: each element of the
 * top-level array is checked as soon as its closing brace arrives, and none is kept by the parser.
 */
export class ImportReader {
  private readonly decoder = new TextDecoder("utf-8", { fatal: true });
  private readonly csv = new CsvReader();
  private readonly seen = new Map<string, number>();
  private names: string[] | null = null;
  /** A first record of blanks: the header, unless nothing else follows (then the file is empty). */
  private blankHeader: CsvRecord | null = null;
  private lines = 1;
  private sawText = false;
  private records = 0;
  private json: JSONParser | null = null;
  private out: ImportBatch = { rows: [], problems: [] };

  constructor(readonly format: "csv" | "json") {}

  /** Feeds the next bytes; returns what they completed. */
  push(bytes: Uint8Array): ImportBatch {
    let text: string;
    try { text = this.decoder.decode(bytes, { stream: true }); } catch { throw this.badUtf8(bytes); }
    for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) this.lines++;
    if (!this.sawText && /\S/.test(text)) this.sawText = true;
    if (this.format === "json") { this.jsonText(text); return this.take(); }
    this.csvRecords(this.parse(() => this.csv.push(text)));
    return this.take();
  }

  /** The end of the file: what was left, and the problems only the whole file shows. */
  end(): ImportBatch {
    let tail: string;
    try { tail = this.decoder.decode(); } catch { throw new ImportError([{ line: this.lines, message: "the file is not valid UTF-8; save it as UTF-8 (CSV UTF-8 in Excel)" }]); }
    if (!this.sawText && !/\S/.test(tail)) throw new ImportError([{ line: 1, message: `the file is empty: expected ${this.format === "json" ? "an array of incidents" : "a header line and at least one incident"}` }]);
    if (this.format === "json") { this.jsonText(tail); this.jsonEnd(); return this.take(); }
    this.csvRecords(this.parse(() => [...this.csv.push(tail), ...this.csv.end()]));
    if (this.blankHeader) throw new ImportError([{ line: 1, message: "the file is empty: expected a header line and at least one incident" }]);
    if (!this.names) throw new ImportError([{ line: 1, message: "the file is empty: expected a header line and at least one incident" }]);
    if (!this.records) throw new ImportError([{ line: 1, message: "the file has a header but no incidents" }]);
    return this.take();
  }

  private take(): ImportBatch { const b = this.out; this.out = { rows: [], problems: [] }; return b; }

  private parse(read: () => CsvRecord[]): CsvRecord[] {
    try { return read(); } catch (e) { if (e instanceof CsvSyntaxError) throw new ImportError([{ line: e.line, message: e.message.replace(/^line \d+: /, "") }]); throw e; }
  }

  /** The line of the first byte that is not UTF-8: the lines before this chunk, and those in it up to that byte. */
  private badUtf8(bytes: Uint8Array): ImportError {
    // Continuation bytes at the start finish a character the previous chunk began.
    let skip = 0;
    while (skip < 3 && skip < bytes.length && (bytes[skip] & 0xc0) === 0x80) skip++;
    const validUpTo = (k: number) => { try { new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(skip, k), { stream: true }); return true; } catch { return false; } };
    let lo = skip, hi = bytes.length; // validUpTo(lo) holds, validUpTo(hi) fails: the bad byte is at hi - 1
    // Valid on its own: the character the previous chunk began is what is broken, at this chunk's start.
    if (validUpTo(hi)) return new ImportError([{ line: this.lines, message: "the file is not valid UTF-8; save it as UTF-8 (CSV UTF-8 in Excel)" }]);
    while (hi - lo > 1) { const mid = (lo + hi) >> 1; if (validUpTo(mid)) lo = mid; else hi = mid; }
    let line = this.lines;
    for (let i = bytes.indexOf(0x0a); i !== -1 && i < hi - 1; i = bytes.indexOf(0x0a, i + 1)) line++;
    return new ImportError([{ line, message: "the file is not valid UTF-8; save it as UTF-8 (CSV UTF-8 in Excel)" }]);
  }

  private csvRecords(records: CsvRecord[]) {
    for (const r of records) {
      if (!this.names) {
        if (!this.blankHeader && r.fields.every((f) => !f.trim())) { this.blankHeader = r; continue; }
        this.header(this.blankHeader ?? r);
        if (!this.blankHeader) continue;
        this.blankHeader = null;
      }
      const names = this.names!;
      this.records++;
      if (r.fields.length !== names.length) { this.out.problems.push({ line: r.line, message: `has ${r.fields.length} fields; the header has ${names.length}` }); continue; }
      const value: Record<string, string> = {};
      for (let i = 0; i < names.length; i++) value[names[i]] = unneutraliseFormula(r.fields[i]);
      this.record(r.line, value);
    }
  }

  private header(r: CsvRecord) {
    const names = r.fields.map((h) => h.trim());
    const problems: ImportProblem[] = [];
    const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
    if (missing.length) problems.push({ line: r.line, message: `missing column${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}` });
    const unknown = names.filter((n) => !(REQUIRED_COLUMNS as readonly string[]).includes(n) && !(OPTIONAL_COLUMNS as readonly string[]).includes(n));
    if (unknown.length) problems.push({ line: r.line, message: `unknown column${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}` });
    const dupes = names.filter((n, i) => names.indexOf(n) !== i);
    if (dupes.length) problems.push({ line: r.line, message: `column repeated: ${[...new Set(dupes)].join(", ")}` });
    if (problems.length) throw new ImportError(problems);
    this.names = names;
  }

  private jsonText(text: string) {
    if (!this.json) {
      const start = text.search(/\S/);
      if (start === -1) return; // whitespace before the array
      if (text[start] !== "[") throw new ImportError([{ line: 0, message: "a JSON import must be an array of incident objects" }]);
      // keepStack: false, so the parser drops each element once it has been handed over.
      this.json = new JSONParser({ paths: ["$.*"], keepStack: false });
      // JSON has no useful line numbers once parsed; the record's position stands in for it.
      this.json.onValue = ({ value, key }) => { this.records++; this.record(Number(key) + 1, value); };
    }
    try { this.json.write(text); } catch (e) { throw this.badJson(e); }
  }

  private jsonEnd() {
    try { if (this.json && !this.json.isEnded) this.json.end(); } catch (e) { throw this.badJson(e); }
    if (!this.records) throw new ImportError([{ line: 0, message: "the file is empty: no incidents" }]);
  }

  private badJson(e: unknown): ImportError {
    const message = (e as Error).message;
    if (/^(Parser|Tokenizer) ended/.test(message)) return new ImportError([{ line: 0, message: `not valid JSON: the file ends before its array is closed, after record ${this.records} (is it cut short?)` }]);
    const detail = message.replace(/ \(state: \w+\)/, "").replace(/ in state \w+$/, "").replace(/chunk position "\d+" \(absolute position "(\d+)"\)/, "character $1");
    return new ImportError([{ line: 0, message: `not valid JSON after record ${this.records}: ${detail}` }]);
  }

  private record(line: number, value: unknown) {
    const what = this.format === "csv" ? "line" : "record";
    // PostgreSQL cannot store NUL in text: refused here, by line, not by a failed transaction.
    const nul = value && typeof value === "object" ? Object.entries(value).filter(([, v]) => typeof v === "string" && v.includes("\u0000")).map(([k]) => k) : [];
    if (nul.length) { this.out.problems.push({ line, message: `${nul.join(", ")}: contains a NUL character, which the database cannot store` }); return; }
    const result = importRowSchema.safeParse(value);
    if (!result.success) {
      for (const issue of result.error.issues) this.out.problems.push({ line, message: `${this.format === "json" ? `${what} ${line}, ` : ""}${issue.path.join(".") || "row"}: ${issue.message}` });
      return;
    }
    const earlier = this.seen.get(result.data.id);
    if (earlier !== undefined) this.out.problems.push({ line, message: `id ${result.data.id} already appears on ${what} ${earlier}` });
    else this.seen.set(result.data.id, line);
    this.out.rows.push({ ...result.data, line });
  }
}

/** Reads a file given as chunks (a read stream) in batches of about `batchSize` rows. */
export async function* readImportBatches(chunks: AsyncIterable<Uint8Array>, format: "csv" | "json", batchSize = 5000): AsyncGenerator<ImportBatch> {
  const reader = new ImportReader(format);
  let batch: ImportBatch = { rows: [], problems: [] };
  const add = (b: ImportBatch) => { for (const r of b.rows) batch.rows.push(r); for (const p of b.problems) batch.problems.push(p); };
  for await (const chunk of chunks) {
    add(reader.push(chunk));
    if (batch.rows.length + batch.problems.length >= batchSize) { yield batch; batch = { rows: [], problems: [] }; }
  }
  add(reader.end());
  yield batch;
}

/** Parses and validates a whole file held in memory. Throws ImportError listing every problem. */
export function readImportFile(bytes: Uint8Array, format: "csv" | "json"): ImportRow[] {
  const reader = new ImportReader(format);
  const first = reader.push(bytes);
  const last = reader.end();
  const problems = [...first.problems, ...last.problems];
  if (problems.length) throw new ImportError(problems);
  return [...first.rows, ...last.rows];
}
