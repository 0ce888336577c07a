// The one parse of the URL shared by every page, the JSON API and the CSV export. The zod
// schema is derived from FILTER_PARAMS in lib/incident-model.ts; everything downstream takes
// the parsed `Filters` object. A bad parameter never causes a 500: it is reported by name in
// `problems`, dropped, and the rest of the view still works (the API answers 400 instead).
// Server-side only in practice: zod would add ~35 KB of gzipped JavaScript to every page,
// so client components take what they need from lib/incident-model.ts.
import { z } from "zod";
import { FILTER_KEYS, FILTER_PARAMS, MULTI_KEYS, type FilterKey, type Filters, type MultiKey } from "./incident-model.ts";
import { MAX_SLUG_LENGTH, SLUG_PATTERN } from "./vocab.ts";

const YEAR_OR_DAY = /^(\d{4})(?:-(\d{2})-(\d{2}))?$/;

/** "2021" or "2021-03-01" -> a UTC day; `end` turns a bare year into its last day. Rejects 2021-02-30. */
function boundary(end: boolean) {
  return z.string().trim().transform((v, ctx) => {
    const m = YEAR_OR_DAY.exec(v);
    if (!m) { ctx.addIssue({ code: "custom", message: `"${v.slice(0, 40)}" is not a year (2021) or a date (2021-03-01)` }); return z.NEVER; }
    const year = Number(m[1]);
    if (year < 1900 || year > 2100) { ctx.addIssue({ code: "custom", message: `year ${year} is out of range (1900-2100)` }); return z.NEVER; }
    if (!m[2]) return new Date(Date.UTC(year, end ? 11 : 0, end ? 31 : 1));
    const d = new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3])));
    if (d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) { ctx.addIssue({ code: "custom", message: `${v} is not a real date` }); return z.NEVER; }
    return d;
  });
}

const many = <T extends z.ZodType>(item: T) => z.array(item).max(50, "at most 50 values").default([]);
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the item decides what it accepts
const one = <T extends z.ZodType<unknown, any>>(item: T) =>
  z.array(z.string()).max(1, "give this parameter once").optional().transform((a) => a?.[0]).pipe(item);

const enumValue = (vocab: Record<string, string>, what: string) =>
  // Own keys only: `in` would also accept "constructor" or "toString", which no database enum holds.
  z.string().refine((v) => Object.hasOwn(vocab, v), { message: `unknown ${what}; expected one of ${Object.keys(vocab).join(", ")}` });

const slugValue = (what: string, max: number) => z.string().max(max, `${what} is too long`).regex(SLUG_PATTERN, `is not a valid ${what} slug`);

type Param = (typeof FILTER_PARAMS)[FilterKey];

function paramSchema(p: Param): z.ZodType {
  switch (p.kind) {
    case "from": return one(boundary(false).optional());
    case "to": return one(boundary(true).optional());
    case "enum": return many(enumValue(p.vocab, p.noun));
    case "slug": return many(slugValue(p.noun, MAX_SLUG_LENGTH));
    case "choice": return one(z.enum(p.values as readonly [string, ...string[]]).default(p.default));
    // Whitespace-only text is no search (not a search for ""), so the canonical link omits it.
    // PostgreSQL refuses text holding NUL (SQLSTATE 22021), so a NUL would fail the query: control
    // characters are refused here, by name, like any other bad value.
    case "text": return one(z.string().trim().max(p.max, `search text is limited to ${p.max} characters`).regex(/^[^\u0000-\u001f\u007f]*$/, "must not contain control characters").optional().transform((v) => v || undefined));
    case "int": {
      const values: readonly number[] | undefined = "values" in p ? p.values : undefined;
      let n = z.coerce.number().int("must be a whole number");
      if ("min" in p) n = n.min(p.min, `must be ${p.min} or more`);
      if ("max" in p) n = n.max(p.max);
      return one((values ? n.refine((v) => values.includes(v), { message: `must be one of ${values.join(", ")}` }) : n).default(p.default));
    }
  }
}

/** The URL contract as one zod object, one entry per FILTER_PARAMS key. */
export const filterSchema = z.object(Object.fromEntries(FILTER_KEYS.map((k) => [k, paramSchema(FILTER_PARAMS[k])])) as Record<FilterKey, z.ZodType>);

const MULTI = new Set<string>(MULTI_KEYS);

export type FilterProblem = { param: string; message: string };
export type ParsedFilters = { filters: Filters; problems: FilterProblem[] };

/** Slugs that exist in the database; a group or project slug outside these is reported as unknown. */
export type KnownSlugs = { groups: ReadonlySet<string>; projects: ReadonlySet<string> };

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

function toRecord(params: ParamSource): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (params instanceof URLSearchParams) {
    for (const key of FILTER_KEYS) { const all = params.getAll(key); if (all.length) out[key] = all; }
  } else {
    for (const key of FILTER_KEYS) { const v = params[key]; if (v !== undefined) out[key] = Array.isArray(v) ? v : [v]; }
  }
  // An empty value (?province=) means "not set", as an HTML form submits it.
  for (const key of Object.keys(out)) { out[key] = out[key].filter((v) => v !== ""); if (!out[key].length) delete out[key]; }
  return out;
}

/** Parses query parameters. Invalid parameters are dropped and named in `problems`. */
export function parseFilters(params: ParamSource, known?: KnownSlugs): ParsedFilters {
  const raw = toRecord(params);
  const problems: FilterProblem[] = [];
  let result = filterSchema.safeParse(raw);
  if (!result.success) {
    const bad = new Set<string>();
    const badValues = new Map<string, Set<number>>();
    for (const issue of result.error.issues) {
      const param = String(issue.path[0] ?? "query");
      const index = issue.path[1];
      // One bad value of a repeatable parameter drops that value only; the others still apply.
      if (typeof index === "number" && MULTI.has(param)) {
        problems.push({ param, message: `"${String(raw[param]?.[index] ?? "").slice(0, 40)}": ${issue.message}` });
        badValues.set(param, (badValues.get(param) ?? new Set()).add(index));
        continue;
      }
      if (!bad.has(param)) problems.push({ param, message: issue.message });
      bad.add(param);
    }
    for (const [param, indices] of badValues) raw[param] = raw[param].filter((_, n) => !indices.has(n));
    for (const param of bad) delete raw[param];
    result = filterSchema.safeParse(raw);
    if (!result.success) throw new Error(`filter defaults are invalid: ${result.error.message}`); // a bug, not bad input
  }
  const filters = result.data as Filters;
  if (filters.from && filters.to && filters.to < filters.from) {
    problems.push({ param: "to", message: "is before from" });
    filters.to = undefined;
  }
  if (known) {
    for (const key of MULTI_KEYS) {
      const p = FILTER_PARAMS[key];
      if (p.kind !== "slug") continue;
      const exists = known[p.known];
      const unknown = filters[key].filter((v) => !exists.has(v));
      if (unknown.length) problems.push({ param: key, message: `unknown ${p.noun} ${unknown.join(", ")}` });
      (filters as Record<MultiKey, string[]>)[key] = filters[key].filter((v) => exists.has(v));
    }
  }
  for (const key of MULTI_KEYS) (filters as Record<MultiKey, string[]>)[key] = [...new Set(filters[key] as string[])];
  return { filters, problems };
}
