import Link from "next/link";
import { Suspense } from "react";
import { incidentPageRows, pageCountFor, startIncidentPage, type StartedIncidentPage } from "@/lib/data/incident-table.ts";
import { SORT_KEYS, selection, sortWords, toTableRow, type Filters, type SortKey } from "@/lib/incident-model.ts";
import { formatCount } from "@/lib/format.ts";
import { IncidentTable } from "./incident-table.tsx";
import { Pagination } from "./pagination.tsx";
import { IncidentCards } from "./incident-cards.tsx";
import { exportHref, incidentsHref, sortHref } from "@/lib/links.ts";
import styles from "./incident-table.module.css";

/** "38 incidents": the count, which scans every match, streamed in when it is ready. */
async function MatchCount({ total }: { total: Promise<number> }) {
  const n = await total;
  return <><strong>{formatCount(n)}</strong> incident{n === 1 ? "" : "s"}</>;
}

async function CountedPagination({ filters, total }: { filters: Filters; total: Promise<number> }) {
  return <Pagination filters={filters} pageCount={pageCountFor(await total, filters.pageSize)} />;
}

/**
 * The table with its count, export link and pager: fetched here, on the server, for one
 * filter set. The rows come from an index range and show at once; the count (a scan of
 * every match: ~0.3 s at a million incidents) streams into the line above them and the
 * pager below when it is ready, instead of holding the rows back.
 */
export async function IncidentTableSection({ filters, started }: { filters: Filters; started?: StartedIncidentPage }) {
  // `started`: the page already asked for these filters' rows and count (see the /incidents page).
  const { rows: firstRows, total } = started ?? startIncidentPage(filters);
  let view = filters;
  let rows = await firstRows;
  // An empty page past the first (an old link, a shrunk filter): show the last page and say so.
  let overshot = false;
  if (rows.length === 0 && view.page > 1) {
    const n = await total;
    if (n > 0) {
      view = { ...filters, page: pageCountFor(n, filters.pageSize) };
      rows = await incidentPageRows(view);
      overshot = true;
    }
  }
  const first = rows.length ? (view.page - 1) * view.pageSize + 1 : 0;
  const last = first ? first + rows.length - 1 : 0;
  const sortLinks = Object.fromEntries(SORT_KEYS.map((k) => [k, sortHref(view, k)])) as Record<SortKey, string>;
  const order = sortWords(view.sort, view.dir);
  const countText = (
    <>
      Showing <strong>{first === last ? formatCount(first) : `${formatCount(first)}–${formatCount(last)}`}</strong> of{" "}
      <Suspense fallback={<span className={styles.counting}>… incidents (counting)</span>}><MatchCount total={total} /></Suspense>, {order}.
    </>
  );

  return (
    <section aria-labelledby="incident-list-heading">
      <h2 id="incident-list-heading" className={styles.visuallyHidden}>Matching incidents</h2>
      {overshot && (
        <p role="status" className="notice">There is no page {filters.page}; showing the last page, {view.page}.</p>
      )}
      {rows.length === 0 ? (
        <p className="panel" role="status">No incidents match these filters. Try removing a filter, or <Link href={incidentsHref({ ...view, ...selection(), q: undefined, from: undefined, to: undefined, page: 1 })}>clear them all</Link>.</p>
      ) : (
        <>
          <IncidentTable
            rows={rows.map(toTableRow)}
            sort={view.sort}
            dir={view.dir}
            sortLinks={sortLinks}
            summary={<p className={styles.count}>{countText}</p>}
            actions={
              <a href={exportHref(view)} className={`button ${styles.export}`} download>
                Export CSV<span className={styles.visuallyHidden}> of every matching incident</span>
              </a>
            }
            caption={`Incidents ${order}, page ${view.page}`}
          />
          <IncidentCards rows={rows.map(toTableRow)} />
          <p className={styles.note}>
            A figure no source gives is shown as unknown, never as zero. Where sources disagree, the best figure (the latest
            credible account) is counted; each incident&apos;s page shows the range and every claim.
          </p>
          <Suspense fallback={<div className={styles.pager} aria-hidden="true" />}>
            <CountedPagination filters={view} total={total} />
          </Suspense>
        </>
      )}
    </section>
  );
}
