// The parts of the URL contract that client components need (the defaults and how a filter
// set is written back into a query string), kept apart from lib/filters.ts so the zod
// schema, and zod with it, stays on the server: zod alone would add ~35 KB of gzipped
// JavaScript to every page's first load. lib/filters.ts parses; this file only writes.
import type { Filters } from "./filters.ts";

export const SORT_KEYS = ["date", "province", "attack_type", "chinese_killed", "chinese_injured", "total_killed", "total_injured"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const PAGE_SIZES = [25, 50, 100] as const;
export const MAX_PAGE = 1_000_000;

/** What parseFilters gives for an empty query (filter-params.test.ts checks the two agree). */
export const DEFAULT_FILTERS: Filters = {
  province: [], group: [], type: [], project: [], sector: [],
  victims: "all", links: "direct", q: undefined, sort: "date", dir: "desc", page: 1, pageSize: 25,
};

/** The query string for a filter set, leaving out defaults, so links stay short and canonical. */
export function filtersToSearchParams(f: Partial<Filters>): URLSearchParams {
  const p = new URLSearchParams();
  const day = (d: Date) => d.toISOString().slice(0, 10);
  if (f.from) p.set("from", day(f.from));
  if (f.to) p.set("to", day(f.to));
  for (const key of ["province", "group", "type", "project", "sector"] as const) for (const v of f[key] ?? []) p.append(key, v);
  for (const key of ["victims", "links", "q", "sort", "dir"] as const) {
    const v = f[key];
    if (v !== undefined && v !== DEFAULT_FILTERS[key]) p.set(key, String(v));
  }
  if (f.page !== undefined && f.page !== 1) p.set("page", String(f.page));
  if (f.pageSize !== undefined && f.pageSize !== DEFAULT_FILTERS.pageSize) p.set("pageSize", String(f.pageSize));
  return p;
}
