// Reads an import file (CSV in the export's shape, or a JSON array of objects with the same
// keys) into validated rows. Every problem is collected with its line (CSV) or record number
// (JSON), so a user fixes the whole file in one pass; nothing is written unless all is well.
import { z } from "zod";
import { ATTACK_TYPES, ATTRIBUTION_ROLES, CHINESE_LINKS, CONFIDENCES, DATE_PRECISIONS, GEO_PRECISIONS, LOCATION_PRECISIONS, MAX_ID_LENGTH, PROVINCES, SLUG_PATTERN, keysOf } from "../vocab.ts";
import { CsvSyntaxError, parseCsv, unneutraliseFormula } from "../csv-parse.ts";
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

export class ImportError extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(`import rejected, nothing was written (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n  ${problems.slice(0, 200).map((p) => `${p.line ? `line ${p.line}: ` : ""}${p.message}`).join("\n  ")}${problems.length > 200 ? `\n  … and ${problems.length - 200} more` : ""}`);
  }
}

/** Decodes bytes as UTF-8, refusing anything that is not (a mis-saved spreadsheet loses characters silently otherwise). */
export function decodeUtf8(bytes: Uint8Array): string {
  try { return new TextDecoder("utf-8", { fatal: true }).decode(bytes); }
  catch { throw new ImportError([{ line: firstBadUtf8Line(bytes), message: "the file is not valid UTF-8; save it as UTF-8 (CSV UTF-8 in Excel)" }]); }
}

function firstBadUtf8Line(bytes: Uint8Array): number {
  let line = 1;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) line++;
    try { new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, i + 1), { stream: true }); } catch { return line; }
  }
  return line;
}

function recordsFromCsv(text: string): { line: number; value: Record<string, string> }[] {
  let records;
  try { records = parseCsv(text); } catch (e) { if (e instanceof CsvSyntaxError) throw new ImportError([{ line: e.line, message: e.message.replace(/^line \d+: /, "") }]); throw e; }
  if (!records.length) throw new ImportError([{ line: 1, message: "the file is empty: expected a header line and at least one incident" }]);
  const [header, ...rows] = records;
  const names = header.fields.map((h) => h.trim());
  const problems: ImportProblem[] = [];
  const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length) problems.push({ line: header.line, message: `missing column${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}` });
  const unknown = names.filter((n) => !(REQUIRED_COLUMNS as readonly string[]).includes(n) && !(OPTIONAL_COLUMNS as readonly string[]).includes(n));
  if (unknown.length) problems.push({ line: header.line, message: `unknown column${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}` });
  const dupes = names.filter((n, i) => names.indexOf(n) !== i);
  if (dupes.length) problems.push({ line: header.line, message: `column repeated: ${[...new Set(dupes)].join(", ")}` });
  if (problems.length) throw new ImportError(problems);
  if (!rows.length) throw new ImportError([{ line: header.line, message: "the file has a header but no incidents" }]);
  for (const r of rows) if (r.fields.length !== names.length) problems.push({ line: r.line, message: `has ${r.fields.length} fields; the header has ${names.length}` });
  if (problems.length) throw new ImportError(problems);
  return rows.map((r) => ({ line: r.line, value: Object.fromEntries(names.map((n, i) => [n, unneutraliseFormula(r.fields[i])])) }));
}

function recordsFromJson(text: string): { line: number; value: unknown }[] {
  let parsed: unknown;
  try { parsed = JSON.parse(text); } catch (e) { throw new ImportError([{ line: 0, message: `not valid JSON: ${(e as Error).message}` }]); }
  if (!Array.isArray(parsed)) throw new ImportError([{ line: 0, message: "a JSON import must be an array of incident objects" }]);
  if (!parsed.length) throw new ImportError([{ line: 0, message: "the file is empty: no incidents" }]);
  // JSON has no useful line numbers once parsed; the record's position stands in for it.
  return parsed.map((value, i) => ({ line: i + 1, value }));
}

/** Parses and validates a whole file. Throws ImportError listing every problem. */
export function readImportFile(bytes: Uint8Array, format: "csv" | "json"): ImportRow[] {
  const text = decodeUtf8(bytes);
  if (!text.trim()) throw new ImportError([{ line: 1, message: "the file is empty: expected a header line and at least one incident" }]);
  const records = format === "csv" ? recordsFromCsv(text) : recordsFromJson(text);
  const what = format === "csv" ? "line" : "record";
  const problems: ImportProblem[] = [];
  const rows: ImportRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, value } of records) {
    // PostgreSQL cannot store NUL in text: refused here, by line, not by a failed transaction.
    const nul = value && typeof value === "object" ? Object.entries(value).filter(([, v]) => typeof v === "string" && v.includes("\u0000")).map(([k]) => k) : [];
    if (nul.length) { problems.push({ line, message: `${nul.join(", ")}: contains a NUL character, which the database cannot store` }); continue; }
    const result = importRowSchema.safeParse(value);
    if (!result.success) {
      for (const issue of result.error.issues) problems.push({ line, message: `${format === "json" ? `${what} ${line}, ` : ""}${issue.path.join(".") || "row"}: ${issue.message}` });
      continue;
    }
    const earlier = seen.get(result.data.id);
    if (earlier !== undefined) problems.push({ line, message: `id ${result.data.id} already appears on ${what} ${earlier}` });
    seen.set(result.data.id, line);
    rows.push({ ...result.data, line });
  }
  if (problems.length) throw new ImportError(problems);
  return rows;
}
