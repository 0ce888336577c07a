// The one URL contract shared by every page, the JSON API and the CSV export. Query
// parameters are parsed here, once, by one zod schema; everything downstream takes the
// parsed `Filters` object. A bad parameter never causes a 500: it is reported by name in
// `problems`, dropped, and the rest of the view still works (the API answers 400 instead).
import { z } from "zod";
import { ATTACK_TYPES, PROJECT_SECTORS, PROVINCES } from "./vocab.ts";
import { MAX_PAGE, PAGE_SIZES, SORT_KEYS } from "./filter-params.ts";

export { DEFAULT_FILTERS, MAX_PAGE, PAGE_SIZES, SORT_KEYS, filtersToSearchParams, type SortKey } from "./filter-params.ts";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
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

const enumValue = <T extends Record<string, string>>(vocab: T, what: string) =>
  // Own keys only: `in` would also accept "constructor" or "toString", which no database enum holds.
  z.string().refine((v): v is keyof T & string => Object.hasOwn(vocab, v), { message: `unknown ${what}; expected one of ${Object.keys(vocab).join(", ")}` });

const slugValue = (what: string) => z.string().max(80, `${what} is too long`).regex(SLUG, `is not a valid ${what} slug`);

export const filterSchema = z.object({
  from: one(boundary(false).optional()),
  to: one(boundary(true).optional()),
  province: many(enumValue(PROVINCES, "province")),
  group: many(slugValue("group")),
  type: many(enumValue(ATTACK_TYPES, "attack type")),
  project: many(slugValue("project")),
  sector: many(enumValue(PROJECT_SECTORS, "sector")),
  /** "chinese": only incidents in which Chinese nationals were killed, injured or kidnapped. */
  victims: one(z.enum(["all", "chinese"]).default("all")),
  /** "all" also counts incidents whose link to Chinese interests is weak or disputed. */
  links: one(z.enum(["direct", "all"]).default("direct")),
  // Whitespace-only text is no search (not a search for ""), so the canonical link omits it.
  // PostgreSQL refuses text holding NUL (SQLSTATE 22021), so a NUL would fail the query: control
  // characters are refused here, by name, like any other bad value.
  q: one(z.string().trim().max(100, "search text is limited to 100 characters").regex(/^[^\u0000-\u001f\u007f]*$/, "must not contain control characters").optional().transform((v) => v || undefined)),
  sort: one(z.enum(SORT_KEYS).default("date")),
  dir: one(z.enum(["asc", "desc"]).default("desc")),
  page: one(z.coerce.number().int("must be a whole number").min(1, "must be 1 or more").max(MAX_PAGE).default(1)),
  pageSize: one(z.coerce.number().int().refine((n) => (PAGE_SIZES as readonly number[]).includes(n), { message: `must be one of ${PAGE_SIZES.join(", ")}` }).default(25)),
});

const MULTI = new Set(["province", "group", "type", "project", "sector"]);

export type Filters = z.output<typeof filterSchema>;
export type FilterProblem = { param: string; message: string };
export type ParsedFilters = { filters: Filters; problems: FilterProblem[] };

/** Slugs that exist in the database; a group or project slug outside these is reported as unknown. */
export type KnownSlugs = { groups: ReadonlySet<string>; projects: ReadonlySet<string> };

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

function toRecord(params: ParamSource): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const keys = Object.keys(filterSchema.shape);
  if (params instanceof URLSearchParams) {
    for (const key of keys) { const all = params.getAll(key); if (all.length) out[key] = all; }
  } else {
    for (const key of keys) { const v = params[key]; if (v !== undefined) out[key] = Array.isArray(v) ? v : [v]; }
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
  const filters = result.data;
  if (filters.from && filters.to && filters.to < filters.from) {
    problems.push({ param: "to", message: "is before from" });
    filters.to = undefined;
  }
  if (known) {
    const unknownGroups = filters.group.filter((g) => !known.groups.has(g));
    if (unknownGroups.length) problems.push({ param: "group", message: `unknown group ${unknownGroups.join(", ")}` });
    filters.group = filters.group.filter((g) => known.groups.has(g));
    const unknownProjects = filters.project.filter((p) => !known.projects.has(p));
    if (unknownProjects.length) problems.push({ param: "project", message: `unknown project ${unknownProjects.join(", ")}` });
    filters.project = filters.project.filter((p) => known.projects.has(p));
  }
  filters.province = [...new Set(filters.province)];
  filters.group = [...new Set(filters.group)];
  filters.type = [...new Set(filters.type)];
  filters.project = [...new Set(filters.project)];
  filters.sector = [...new Set(filters.sector)];
  return { filters, problems };
}
