// Every internal link to a view of the record, built in one place from the incident model's
// query writer, so a link always says what the page will parse (defaults left out, canonical
// order). Client-safe.
import { SORTS, filtersToSearchParams, type Filters, type SortKey } from "./incident-model.ts";

export const INCIDENTS_PATH = "/incidents";

/** `path` with the query for a filter set (nothing when every value is its default). */
export function viewHref(path: string, f: Partial<Filters> = {}): string {
  const qs = filtersToSearchParams(f).toString();
  return qs ? `${path}?${qs}` : path;
}

/** /incidents showing these filters, with any changes (e.g. another page) applied on top. */
export function incidentsHref(f: Partial<Filters> = {}, change: Partial<Filters> = {}): string {
  return viewHref(INCIDENTS_PATH, { ...f, ...change });
}

/** The same filters back on page 1, sorted by `sort` (a figure: largest first) when given. */
export function incidentsSortedHref(f: Partial<Filters>, sort?: SortKey): string {
  return incidentsHref(f, { page: 1, ...(sort && { sort, dir: SORTS[sort].firstDir }) });
}

/** Clicking the current sort column reverses it; another column starts in its natural direction. A new order starts at page 1. */
export function sortHref(f: Filters, key: SortKey): string {
  const dir = f.sort === key ? (f.dir === "asc" ? "desc" : "asc") : SORTS[key].firstDir;
  return incidentsHref(f, { sort: key, dir, page: 1 });
}

/** The CSV of the whole filtered, sorted set: same parameters without page and pageSize. */
export function exportHref(f: Partial<Filters>): string {
  return viewHref("/api/incidents.csv", { ...f, page: undefined, pageSize: undefined });
}

/** One incident's page. */
export const incidentHref = (id: string): string => `${INCIDENTS_PATH}/${encodeURIComponent(id)}`;

/** A group's profile, counting weakly linked incidents too when `links` is "all". */
export const groupHref = (id: string, f: Pick<Partial<Filters>, "links"> = {}): string => viewHref(`/groups/${encodeURIComponent(id)}`, f);

/** A project's card on /projects. */
export const projectHref = (id: string): string => `/projects#${id}`;
