// One description of an incident row: the URL's filter parameters, the sort keys, the
// headline figures, the table's columns and the CSV/API columns, each declared once here.
// Everything else is derived from these lists: the zod parse of the URL (lib/filters.ts),
// the filter, sort and CSV SQL (lib/data/incident-sql.ts, lib/data/incident-export.ts, which
// must give every key here its SQL: the compiler checks), the importer's columns
// (lib/records/import-rows.ts), the table (components/incident-table), the query strings
// links are made of and the headline labels. Client-safe: no zod, no SQL, no server code.
import { ATTACK_TYPES, ATTRIBUTION_ROLES, PROJECT_SECTORS, PROVINCES, TARGET_LINKS, type AttackType, type AttributionRole, type DatePrecision, type GeoPrecision, type Province } from "./vocab.ts";
import type { CasualtyTotals } from "./casualty-totals.ts";

// ---------------------------------------------------------------------------------------
// Sort keys

/**
 * firstDir: a first click on a figure shows the largest first; on a name, A to Z (vocabulary
 * order). nullable: the key can be unknown, and unknown values sort last in both directions.
 * words: how the order reads in the table's summary line, [ascending, descending].
 */
export const SORTS = {
  date: { label: "Date", firstDir: "desc", nullable: false, words: ["oldest first", "newest first"] },
  province: { label: "Province", firstDir: "asc", nullable: false, words: ["by province", "by province, reversed"] },
  attack_type: { label: "Attack type", firstDir: "asc", nullable: false, words: ["by attack type", "by attack type, reversed"] },
  chinese_killed: { label: "Chinese killed", firstDir: "desc", nullable: true, words: ["by Chinese killed, fewest first", "by Chinese killed, most first"] },
  chinese_injured: { label: "Chinese injured", firstDir: "desc", nullable: true, words: ["by Chinese injured, fewest first", "by Chinese injured, most first"] },
  total_killed: { label: "All killed", firstDir: "desc", nullable: true, words: ["by all killed, fewest first", "by all killed, most first"] },
  total_injured: { label: "All injured", firstDir: "desc", nullable: true, words: ["by all injured, fewest first", "by all injured, most first"] },
} as const satisfies Record<string, { label: string; firstDir: SortDir; nullable: boolean; words: readonly [string, string] }>;

export type SortKey = keyof typeof SORTS;
export type SortDir = "asc" | "desc";
export const SORT_KEYS = Object.keys(SORTS) as [SortKey, ...SortKey[]];
export const SORT_DIRS = ["asc", "desc"] as const;

/** "newest first", "by all killed, most first". */
export const sortWords = (sort: SortKey, dir: SortDir): string => SORTS[sort].words[dir === "asc" ? 0 : 1];

// ---------------------------------------------------------------------------------------
// Filter parameters

export const PAGE_SIZES = [25, 50, 100] as const;
export const MAX_PAGE = 1_000_000;

/**
 * The URL contract, in the order the filter summary reads. kinds: `from`/`to` a year or a
 * day (a bare year means its first or last day); `enum` repeatable values of a vocabulary;
 * `slug` repeatable group or project slugs, checked against the database; `choice` one of
 * `values`; `text` free text; `int` a whole number.
 */
export const FILTER_PARAMS = {
  from: { kind: "from" },
  to: { kind: "to" },
  province: { kind: "enum", vocab: PROVINCES, noun: "province" },
  group: { kind: "slug", noun: "group", known: "groups" },
  type: { kind: "enum", vocab: ATTACK_TYPES, noun: "attack type" },
  project: { kind: "slug", noun: "project", known: "projects" },
  sector: { kind: "enum", vocab: PROJECT_SECTORS, noun: "sector" },
  /** "chinese": only incidents in which Chinese nationals were killed, injured or kidnapped. */
  victims: { kind: "choice", values: ["all", "chinese"], default: "all" },
  /**
   * The default view, "direct": Chinese nationals harmed or Chinese interests directly targeted;
   * "all": every recorded incident, whatever its link. `target` asks the target question alone.
   */
  links: { kind: "choice", values: ["direct", "all"], default: "direct" },
  /** Only incidents whose target link is one of these (direct, indirect, disputed); given, it replaces `links`. */
  target: { kind: "enum", vocab: TARGET_LINKS, noun: "target link" },
  q: { kind: "text", max: 100 },
  sort: { kind: "choice", values: SORT_KEYS, default: "date" },
  dir: { kind: "choice", values: SORT_DIRS, default: "desc" },
  page: { kind: "int", min: 1, max: MAX_PAGE, default: 1 },
  pageSize: { kind: "int", values: PAGE_SIZES, default: 25 },
} as const satisfies Record<string, FilterParam>;

type FilterParam =
  | { kind: "from" | "to" }
  | { kind: "enum"; vocab: Record<string, string>; noun: string }
  | { kind: "slug"; noun: string; known: "groups" | "projects" }
  | { kind: "choice"; values: readonly string[]; default: string }
  | { kind: "text"; max: number }
  | { kind: "int"; min?: number; max?: number; values?: readonly number[]; default: number };

type Params = typeof FILTER_PARAMS;
export type FilterKey = keyof Params;
type ValueOf<P> =
  P extends { kind: "from" | "to" } ? Date
  : P extends { kind: "enum"; vocab: infer V } ? (keyof V & string)[]
  : P extends { kind: "slug" } ? string[]
  : P extends { kind: "choice"; values: readonly (infer C)[] } ? C
  : P extends { kind: "text" } ? string
  : P extends { kind: "int" } ? number
  : never;
type OptionalKey = { [K in FilterKey]: Params[K] extends { kind: "from" | "to" | "text" } ? K : never }[FilterKey];

/** A parsed filter set: what lib/filters.ts's parseFilters gives for a URL. */
export type Filters = { [K in Exclude<FilterKey, OptionalKey>]: ValueOf<Params[K]> } & { [K in OptionalKey]?: ValueOf<Params[K]> };

export const FILTER_KEYS = Object.keys(FILTER_PARAMS) as FilterKey[];
/** The parameters that may be repeated (?province=sindh&province=balochistan). */
export const MULTI_KEYS = FILTER_KEYS.filter((k) => FILTER_PARAMS[k].kind === "enum" || FILTER_PARAMS[k].kind === "slug") as MultiKey[];
export type MultiKey = { [K in FilterKey]: Params[K] extends { kind: "enum" | "slug" } ? K : never }[FilterKey];
/** The parameters that choose incidents; the rest (sort, dir, page, pageSize) only order and page them. */
export type SelectionKey = Exclude<FilterKey, "sort" | "dir" | "page" | "pageSize">;
export const SELECTION_KEYS = FILTER_KEYS.filter((k) => !["sort", "dir", "page", "pageSize"].includes(k)) as SelectionKey[];
export type IncidentFilters = Pick<Filters, SelectionKey>;

/** What parseFilters gives for an empty query. */
export const DEFAULT_FILTERS: Filters = Object.fromEntries(FILTER_KEYS.flatMap((k): [string, unknown][] => {
  const p: FilterParam = FILTER_PARAMS[k];
  if (p.kind === "enum" || p.kind === "slug") return [[k, []]];
  if (p.kind === "choice" || p.kind === "int") return [[k, p.default]];
  return [];
})) as Filters;

/** The selection part of DEFAULT_FILTERS with the given changes: "every incident, as the default view counts them, of this group". */
export const selection = (change: Partial<IncidentFilters> = {}): IncidentFilters => ({ ...DEFAULT_FILTERS, ...change });

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The query string for a filter set, leaving out defaults, so links stay short and canonical. */
export function filtersToSearchParams(f: Partial<Filters>): URLSearchParams {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const param: FilterParam = FILTER_PARAMS[k];
    const v = f[k];
    if (v === undefined) continue;
    if (param.kind === "from" || param.kind === "to") p.set(k, isoDay(v as Date));
    else if (param.kind === "enum" || param.kind === "slug") for (const item of v as string[]) p.append(k, item);
    else if (param.kind === "text") { if (v) p.set(k, String(v)); }
    else if ("default" in param && v !== param.default) p.set(k, String(v));
  }
  return p;
}

// ---------------------------------------------------------------------------------------
// The row

export type GroupAttribution = { id: string; name: string; roles: AttributionRole[] };

/** What the table shows and the JSON API returns for one incident. Null figures are unknown. */
export type IncidentRow = {
  id: string;
  /** ISO at the date's precision: 2024-10-06, 2024-10 or 2024. */
  date: string;
  datePrecision: DatePrecision;
  province: Province;
  district: string | null;
  city: string | null;
  attackType: AttackType;
  target: string;
  summary: string;
  project: { id: string; name: string } | null;
  /** Each group once, with every role the sources give it, strongest role first. */
  groups: GroupAttribution[];
  sourceUrls: string[];
  latitude: number | null;
  longitude: number | null;
  geoPrecision: GeoPrecision | null;
} & CasualtyTotals // the incident's best figures, null where unknown
  & FigureRanges;

/** The span of credible current accounts around each best figure (null exactly when the best is null). */
export type FigureRanges = {
  chineseKilledLow: number | null; chineseKilledHigh: number | null;
  chineseInjuredLow: number | null; chineseInjuredHigh: number | null;
  totalKilledLow: number | null; totalKilledHigh: number | null;
  totalInjuredLow: number | null; totalInjuredHigh: number | null;
};

const ROLE_ORDER = Object.keys(ATTRIBUTION_ROLES) as AttributionRole[];

/** Roles in vocabulary order (strongest first), then groups by their strongest role and then by id: one order for the table, the API, the CSV (whose SQL follows it) and the incident page. */
export function orderGroups<T extends { id: string; roles: AttributionRole[] }>(groups: T[]): T[] {
  for (const g of groups) g.roles.sort((a, b) => ROLE_ORDER.indexOf(a) - ROLE_ORDER.indexOf(b));
  const strongest = (g: T) => Math.min(...g.roles.map((r) => ROLE_ORDER.indexOf(r)));
  return groups.sort((a, b) => strongest(a) - strongest(b) || a.id.localeCompare(b.id));
}

/** Each group once with every role its claims give it, in orderGroups' order. */
export function groupAttributions(attributions: readonly { role: AttributionRole; perpetrator: { id: string; shortName: string } }[]): GroupAttribution[] {
  const byGroup = new Map<string, GroupAttribution>();
  for (const a of attributions) {
    const g = byGroup.get(a.perpetrator.id) ?? { id: a.perpetrator.id, name: a.perpetrator.shortName, roles: [] };
    if (!g.roles.includes(a.role)) g.roles.push(a.role);
    byGroup.set(g.id, g);
  }
  return orderGroups([...byGroup.values()]);
}

// ---------------------------------------------------------------------------------------
// Figures

/** The summed casualty figures: headline cards, charts, table columns and their sort keys. */
export const FIGURES = {
  chineseKilled: { label: "Chinese killed", sort: "chinese_killed", headline: true },
  chineseInjured: { label: "Chinese injured", sort: "chinese_injured", headline: true },
  totalKilled: { label: "All killed", sort: "total_killed", headline: true },
  totalInjured: { label: "All injured", sort: "total_injured", headline: true },
  attackersKilled: { label: "Attackers killed", sort: null, headline: false },
} as const satisfies Partial<Record<keyof CasualtyTotals, { label: string; sort: SortKey | null; headline: boolean }>>;

export type FigureKey = keyof typeof FIGURES;
export const FIGURE_KEYS = Object.keys(FIGURES) as FigureKey[];
export type HeadlineFigureKey = { [K in FigureKey]: (typeof FIGURES)[K]["headline"] extends true ? K : never }[FigureKey];
export const HEADLINE_FIGURE_KEYS = FIGURE_KEYS.filter((k) => FIGURES[k].headline) as HeadlineFigureKey[];

// ---------------------------------------------------------------------------------------
// The table's columns

/**
 * In display order. `fields`: what of the row the column draws (the browser is sent only the
 * union of these); `sort`: the header sorts by it; `hideable`: it can be hidden.
 */
export const TABLE_COLUMNS = [
  { id: "date", label: "Date", fields: ["id", "date", "datePrecision"], sort: "date", hideable: false },
  { id: "province", label: "Province", fields: ["province"], sort: "province" },
  { id: "place", label: "Place", fields: ["city", "district"] },
  { id: "attack_type", label: "Attack type", fields: ["attackType"], sort: "attack_type" },
  { id: "target", label: "Target", fields: ["target"] },
  { id: "groups", label: "Groups", header: "Groups (role)", fields: ["groups"] },
  ...HEADLINE_FIGURE_KEYS.map((k) => ({ id: FIGURES[k].sort, label: FIGURES[k].label, fields: [k], sort: FIGURES[k].sort, numeric: true, figure: k })),
  { id: "project", label: "Project", fields: ["project"] },
] as const satisfies readonly TableColumn[];

type TableColumn = {
  id: string; label: string; header?: string; fields: readonly (keyof IncidentRow)[];
  sort?: SortKey; hideable?: boolean; numeric?: boolean; figure?: FigureKey;
};
export type TableColumnId = (typeof TABLE_COLUMNS)[number]["id"];
type TableField = (typeof TABLE_COLUMNS)[number]["fields"][number];
/** What the columns show of an incident: all the browser is sent (the summary and sources are on its page). */
export type TableRow = Pick<IncidentRow, TableField>;
const TABLE_FIELDS = [...new Set(TABLE_COLUMNS.flatMap((c) => c.fields))] as TableField[];

export function toTableRow(r: IncidentRow): TableRow {
  return Object.fromEntries(TABLE_FIELDS.map((f) => [f, r[f]])) as TableRow;
}

// ---------------------------------------------------------------------------------------
// CSV and JSON API columns

/** Separator inside a multi-valued cell (the export's SQL passes it to string_agg). */
export const MULTI_VALUE_SEPARATOR = "; ";
const multi = (values: string[]) => values.join(MULTI_VALUE_SEPARATOR);

/**
 * The CSV file's columns, in order; `npm run db:import` reads the same names (its rule for
 * each is in lib/records/import-rows.ts, the export's SQL for each in incident-export.ts).
 * `value`: the cell for a row as the page and API see it; slugs rather than labels so the
 * file can be re-imported; unknown figures stay empty. New columns go at the end, so
 * readers of today's header keep working.
 */
export const CSV_COLUMNS = [
  { name: "id", value: (r) => r.id },
  { name: "date", value: (r) => r.date },
  { name: "date_precision", value: (r) => r.datePrecision },
  { name: "province", value: (r) => r.province },
  { name: "district", value: (r) => r.district },
  { name: "city", value: (r) => r.city },
  { name: "attack_type", value: (r) => r.attackType },
  { name: "target", value: (r) => r.target },
  { name: "project", value: (r) => r.project?.id },
  { name: "perpetrators", value: (r) => multi(r.groups.map((g) => g.id)) },
  { name: "attribution", value: (r) => multi(r.groups.flatMap((g) => g.roles.map((role) => `${g.id}:${role}`))) },
  { name: "chinese_killed", value: (r) => r.chineseKilled },
  { name: "chinese_injured", value: (r) => r.chineseInjured },
  { name: "total_killed", value: (r) => r.totalKilled },
  { name: "total_injured", value: (r) => r.totalInjured },
  { name: "attackers_killed", value: (r) => r.attackersKilled },
  { name: "summary", value: (r) => r.summary },
  { name: "source_urls", value: (r) => multi(r.sourceUrls) },
  // Appended (issue 11): the low and high of each best figure. Derived from the claims, so an
  // import may leave them out and never sets them.
  { name: "chinese_killed_low", value: (r) => r.chineseKilledLow, optional: true },
  { name: "chinese_killed_high", value: (r) => r.chineseKilledHigh, optional: true },
  { name: "chinese_injured_low", value: (r) => r.chineseInjuredLow, optional: true },
  { name: "chinese_injured_high", value: (r) => r.chineseInjuredHigh, optional: true },
  { name: "total_killed_low", value: (r) => r.totalKilledLow, optional: true },
  { name: "total_killed_high", value: (r) => r.totalKilledHigh, optional: true },
  { name: "total_injured_low", value: (r) => r.totalInjuredLow, optional: true },
  { name: "total_injured_high", value: (r) => r.totalInjuredHigh, optional: true },
  // Appended (issue 12): where the incident is drawn, and what the point stands for (the site a
  // source gives, or a town's, district's or province's centre). An import may carry them.
  { name: "latitude", value: (r) => r.latitude, optional: true },
  { name: "longitude", value: (r) => r.longitude, optional: true },
  { name: "geo_precision", value: (r) => r.geoPrecision, optional: true },
] as const satisfies readonly { name: string; value: (r: IncidentRow) => string | number | null | undefined; optional?: true }[];

export type CsvColumn = (typeof CSV_COLUMNS)[number]["name"];
export const CSV_HEADER = CSV_COLUMNS.map((c) => c.name) as CsvColumn[];
/** The columns an import must carry: all but the appended ones, so files exported before them still import. */
export const IMPORT_REQUIRED_COLUMNS = CSV_COLUMNS.filter((c) => !("optional" in c)).map((c) => c.name) as RequiredCsvColumn[];
export type RequiredCsvColumn = Exclude<(typeof CSV_COLUMNS)[number], { optional: true }>["name"];
/** Columns an import may carry that the export does not; when absent, new incidents get defaults and existing ones keep theirs. */
export const IMPORT_ONLY_COLUMNS = ["chinese_link", "confidence", "location_precision"] as const;
export type ImportOnlyColumn = (typeof IMPORT_ONLY_COLUMNS)[number];

/** One CSV record of a row, in CSV_HEADER's order. */
export function csvRecord(r: IncidentRow): (string | number | null | undefined)[] {
  return CSV_COLUMNS.map((c) => c.value(r));
}
