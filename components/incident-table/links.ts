// The URLs the table's controls lead to. Sorting and paging are plain links built from the
// parsed filters, so each view has an address that can be shared, bookmarked or reloaded.
import { filtersToSearchParams, type Filters, type SortKey } from "@/lib/filters.ts";

export const INCIDENTS_PATH = "/incidents";

function withQuery(path: string, f: Partial<Filters>): string {
  const qs = filtersToSearchParams(f).toString();
  return qs ? `${path}?${qs}` : path;
}

export function incidentsHref(f: Filters, change: Partial<Filters> = {}): string {
  return withQuery(INCIDENTS_PATH, { ...f, ...change });
}

// A first click on a figure shows the largest first; on a name, A to Z (vocabulary order).
const FIRST_DIR: Record<SortKey, "asc" | "desc"> = {
  date: "desc", province: "asc", attack_type: "asc",
  chinese_killed: "desc", chinese_injured: "desc", total_killed: "desc", total_injured: "desc",
};

/** Clicking the current sort column reverses it; another column starts in its natural direction. A new order starts at page 1. */
export function sortHref(f: Filters, key: SortKey): string {
  const dir = f.sort === key ? (f.dir === "asc" ? "desc" : "asc") : FIRST_DIR[key];
  return incidentsHref(f, { sort: key, dir, page: 1 });
}

/** The CSV of the whole filtered, sorted set: same parameters without page and pageSize. */
export function exportHref(f: Filters): string {
  return withQuery("/api/incidents.csv", { ...f, page: undefined, pageSize: undefined });
}
