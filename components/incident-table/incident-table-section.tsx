import Link from "next/link";
import { incidentTablePage, type IncidentRow } from "@/lib/data/incident-table.ts";
import { SORT_KEYS, type Filters, type SortKey } from "@/lib/filters.ts";
import { IncidentTable, type TableRow } from "./incident-table.tsx";
import { Pagination } from "./pagination.tsx";
import { exportHref, incidentsHref, sortHref } from "./links.ts";
import styles from "./incident-table.module.css";

const SORT_WORDS: Record<SortKey, [asc: string, desc: string]> = {
  date: ["oldest first", "newest first"],
  province: ["by province", "by province, reversed"],
  attack_type: ["by attack type", "by attack type, reversed"],
  chinese_killed: ["by Chinese killed, fewest first", "by Chinese killed, most first"],
  chinese_injured: ["by Chinese injured, fewest first", "by Chinese injured, most first"],
  total_killed: ["by all killed, fewest first", "by all killed, most first"],
  total_injured: ["by all injured, fewest first", "by all injured, most first"],
};

const tableRow = ({ id, date, datePrecision, province, city, district, attackType, target, groups, chineseKilled, chineseInjured, totalKilled, totalInjured, project }: IncidentRow): TableRow =>
  ({ id, date, datePrecision, province, city, district, attackType, target, groups, chineseKilled, chineseInjured, totalKilled, totalInjured, project });

/** The table with its count, export link and pager: fetched here, on the server, for one filter set. */
export async function IncidentTableSection({ filters }: { filters: Filters }) {
  let view = filters;
  let data = await incidentTablePage(view);
  // A page past the end (an old link, a shrunk filter) shows the last page and says so.
  const overshot = data.total > 0 && view.page > data.pageCount;
  if (overshot) {
    view = { ...filters, page: data.pageCount };
    data = await incidentTablePage(view);
  }
  const first = data.total ? (data.page - 1) * data.pageSize + 1 : 0;
  const last = first ? first + data.incidents.length - 1 : 0;
  const sortLinks = Object.fromEntries(SORT_KEYS.map((k) => [k, sortHref(view, k)])) as Record<SortKey, string>;
  const order = SORT_WORDS[view.sort][view.dir === "asc" ? 0 : 1];
  const n = (x: number) => x.toLocaleString("en-GB");
  const countText = (
    <>
      Showing <strong>{first === last ? n(first) : `${n(first)}–${n(last)}`}</strong> of <strong>{n(data.total)}</strong> incident{data.total === 1 ? "" : "s"}, {order}.
    </>
  );

  return (
    <section aria-labelledby="incident-list-heading">
      <h2 id="incident-list-heading" className={styles.visuallyHidden}>Matching incidents</h2>
      {overshot && (
        <p role="status" className="notice">There is no page {filters.page}; showing the last page, {data.pageCount}.</p>
      )}
      {data.total === 0 ? (
        <p className="panel" role="status">No incidents match these filters. Try removing a filter, or <Link href={incidentsHref({ ...view, province: [], group: [], type: [], project: [], sector: [], q: undefined, from: undefined, to: undefined, victims: "all", links: "direct" })}>clear them all</Link>.</p>
      ) : (
        <>
          <IncidentTable
            rows={data.incidents.map(tableRow)}
            sort={view.sort}
            dir={view.dir}
            sortLinks={sortLinks}
            summary={<p className={styles.count}>{countText}</p>}
            actions={
              <a href={exportHref(view)} className={`button ${styles.export}`} download>
                Export CSV<span className={styles.visuallyHidden}> of all {data.total.toLocaleString("en-GB")} matching incidents</span>
              </a>
            }
            caption={`Incidents ${order}, page ${data.page} of ${data.pageCount}`}
          />
          <p className={styles.note}>
            A figure no source gives is shown as unknown, never as zero. Where sources disagree, the lowest figure is
            counted; each incident&apos;s page shows every claim.
          </p>
          <Pagination filters={view} pageCount={data.pageCount} />
        </>
      )}
    </section>
  );
}
