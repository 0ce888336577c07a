"use client";
// Draws the rows the server has already filtered, sorted and paged. TanStack Table handles
// only column visibility here; sorting and paging are links that rewrite the URL, so the
// server (and the index behind it) does the work for any number of incidents.
import Link from "next/link";
import { useDismissableDetails } from "@/components/use-dismissable-details.ts";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { columnVisibilityFeature, createColumnHelper, tableFeatures, useTable, type ColumnVisibilityState } from "@tanstack/react-table";
import { TABLE_COLUMNS, type SortDir, type SortKey, type TableColumnId, type TableRow } from "@/lib/incident-model.ts";
import { formatIncidentDate } from "@/lib/format.ts";
import { incidentHref } from "@/lib/links.ts";
import { ATTACK_TYPES, PROVINCES, attackTypeShort, type AttributionRole } from "@/lib/vocab.ts";
import styles from "./incident-table.module.css";

export type { TableRow };

const features = tableFeatures({ columnVisibilityFeature });
const col = createColumnHelper<typeof features, TableRow>();

const ROLE_WORDS: Record<AttributionRole, string> = {
  claimed: "claimed", attributed_by_authorities: "blamed by authorities", alleged: "alleged", suspected: "suspected", denied: "denied",
};

function Count({ n }: { n: number | null }) {
  return n === null ? <span className={styles.unknown}>unknown</span> : <>{n.toLocaleString("en-GB")}</>;
}

/** How each of the model's columns draws a row (the compiler asks for one per column). */
const CELLS: Record<TableColumnId, (r: TableRow) => ReactNode> = {
  date: (r) => (
    <>
      {/* Not prefetched: a page of rows would otherwise send a request per row on every view. */}
      <Link href={incidentHref(r.id)} prefetch={false} className={styles.rowLink}>{formatIncidentDate(r.date, r.datePrecision, { short: true })}</Link>
      {r.datePrecision !== "day" && <span className={styles.precision}>{r.datePrecision === "month" ? "month only" : "year only"}</span>}
    </>
  ),
  province: (r) => PROVINCES[r.province],
  place: ({ city, district }) => {
    if (!city && !district) return <span className="muted">province only</span>;
    return city && district && city !== district ? `${city} (${district})` : (city ?? district);
  },
  attack_type: (r) => {
    // The table shows the short name; the full label (with its definition) is on hover and in the filters.
    const label = ATTACK_TYPES[r.attackType];
    const short = attackTypeShort(r.attackType);
    return short === label ? label : <span title={label}>{short}</span>;
  },
  target: (r) => <span className={styles.clamp}>{r.target}</span>,
  groups: ({ groups }) => {
    if (!groups.length) return <span className="muted">none named</span>;
    return groups.map((g, n) => (
      <span key={g.id} className={styles.group}>
        {g.name} <span className="muted">({g.roles.map((r) => ROLE_WORDS[r]).join(", ")})</span>{n < groups.length - 1 && "; "}
      </span>
    ));
  },
  chinese_killed: (r) => <Count n={r.chineseKilled} />,
  chinese_injured: (r) => <Count n={r.chineseInjured} />,
  total_killed: (r) => <Count n={r.totalKilled} />,
  total_injured: (r) => <Count n={r.totalInjured} />,
  project: (r) => r.project?.name ?? <span className="muted">none</span>,
};

type ColumnMeta = { label: string; sortKey?: SortKey; numeric?: boolean };

const columns = col.columns(TABLE_COLUMNS.map((c) => col.display({
  id: c.id,
  header: "header" in c ? c.header : c.label,
  enableHiding: !("hideable" in c) || c.hideable,
  meta: { label: c.label, sortKey: "sort" in c ? c.sort : undefined, numeric: "numeric" in c ? c.numeric : undefined } satisfies ColumnMeta,
  cell: ({ row }) => CELLS[c.id](row.original),
})));

const STORAGE_KEY = "corridor-watch:incident-columns";

type Props = {
  rows: TableRow[];
  sort: SortKey;
  dir: SortDir;
  /** Where clicking each sortable header leads (built on the server from the parsed filters). */
  sortLinks: Record<SortKey, string>;
  caption: string;
  /** Server-rendered parts of the toolbar: the "Showing 1–25 of 312" line and the export link. */
  summary: ReactNode;
  actions: ReactNode;
};

export function IncidentTable({ rows, sort, dir, sortLinks, caption, summary, actions }: Props) {
  const [columnVisibility, setColumnVisibility] = useState<ColumnVisibilityState>({});
  // Restored after hydration, so the server's HTML (every column) and the first client render agree.
  useEffect(() => {
    try {
      const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "{}");
      // eslint-disable-next-line react-hooks/set-state-in-effect -- read once after hydration: the server cannot know what this browser saved
      if (saved && typeof saved === "object") setColumnVisibility(saved);
    } catch { /* a corrupt entry just means the default columns */ }
  }, []);

  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (r) => r.id,
    state: { columnVisibility },
    onColumnVisibilityChange: (updater) => {
      setColumnVisibility((prev) => {
        const next = typeof updater === "function" ? updater(prev) : updater;
        try { localStorage.setItem(STORAGE_KEY, JSON.stringify(next)); } catch { /* private mode: not remembered */ }
        return next;
      });
    },
  });

  const menuId = useId();
  const menuRef = useRef<HTMLDetailsElement>(null);
  useDismissableDetails(menuRef);
  const hidden = table.getAllLeafColumns().filter((c) => !c.getIsVisible()).length;

  return (
    <>
      <div className={styles.toolbar}>
        {summary}
        <div className={styles.actions}>
          <details ref={menuRef} className={styles.columnsMenu}>
            <summary>Columns{hidden > 0 && <span className="muted"> ({hidden} hidden)</span>}</summary>
            <fieldset className={styles.columnsBody} aria-labelledby={menuId}>
              <legend id={menuId} className={styles.visuallyHidden}>Columns to show</legend>
              {table.getAllLeafColumns().filter((c) => c.getCanHide()).map((c) => (
                <label key={c.id} className={styles.check}>
                  <input type="checkbox" checked={c.getIsVisible()} onChange={(e) => c.toggleVisibility(e.target.checked)} />
                  {(c.columnDef.meta as ColumnMeta).label}
                </label>
              ))}
              {hidden > 0 && <button type="button" className={styles.showAll} onClick={() => table.toggleAllColumnsVisible(true)}>Show all</button>}
            </fieldset>
          </details>
          {actions}
        </div>
      </div>
      <p className={styles.scrollHint} aria-hidden="true">Scroll the table sideways for more columns →</p>
      <div className={`table-wrap ${styles.wrap}`} role="region" aria-label="Incidents table" tabIndex={0}>
        <table className={styles.table}>
          <caption className={styles.caption}>{caption}</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const meta = header.column.columnDef.meta as ColumnMeta;
                  const active = meta.sortKey === sort;
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      className={`${meta.numeric ? "num" : ""} ${header.column.id === "date" ? styles.sticky : ""}`}
                      aria-sort={meta.sortKey ? (active ? (dir === "asc" ? "ascending" : "descending") : "none") : undefined}
                    >
                      {meta.sortKey ? (
                        <Link href={sortLinks[meta.sortKey]} prefetch={false} scroll={false} className={styles.sortLink} data-active={active || undefined}>
                          <table.FlexRender header={header} />
                          <span aria-hidden="true" className={styles.arrow}>{active ? (dir === "asc" ? "▲" : "▼") : "↕"}</span>
                          <span className={styles.visuallyHidden}>
                            {active ? `, sorted ${dir === "asc" ? "ascending" : "descending"}; reverse` : ", sort by this column"}
                          </span>
                        </Link>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id}>
                {row.getVisibleCells().map((cell) => {
                  const meta = cell.column.columnDef.meta as ColumnMeta;
                  return (
                    <td key={cell.id} className={`${meta.numeric ? "num" : ""} ${cell.column.id === "date" ? styles.sticky : ""}`}>
                      <table.FlexRender cell={cell} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
