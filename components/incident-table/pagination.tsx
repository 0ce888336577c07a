import Link from "next/link";
import { PAGE_SIZES, type Filters } from "@/lib/incident-model.ts";
import { incidentsHref } from "@/lib/links.ts";
import styles from "./incident-table.module.css";

/** Page numbers around the current one, with the first and last always reachable. */
function pageWindow(page: number, count: number): (number | "gap")[] {
  const pages = new Set([1, count, page - 1, page, page + 1].filter((p) => p >= 1 && p <= count));
  const sorted = [...pages].sort((a, b) => a - b);
  const out: (number | "gap")[] = [];
  sorted.forEach((p, n) => { if (n > 0 && p - sorted[n - 1] > 1) out.push("gap"); out.push(p); });
  return out;
}

/** Real links, so paging works without JavaScript and each page has its own address. Not
 * prefetched: that is a server request per link on every view, for pages rarely opened. */
export function Pagination({ filters, pageCount }: { filters: Filters; pageCount: number }) {
  const { page, pageSize } = filters;
  return (
    <div className={styles.pager}>
      {pageCount > 1 && (
        <nav aria-label="Pages">
          <ul className={styles.pages}>
            <li>
              {page > 1 ? <Link prefetch={false} href={incidentsHref(filters, { page: page - 1 })} rel="prev">← Previous</Link> : <span className={styles.disabled} aria-disabled="true">← Previous</span>}
            </li>
            {pageWindow(page, pageCount).map((p, n) => (
              <li key={p === "gap" ? `gap-${n}` : p}>
                {p === "gap" ? <span aria-hidden="true">…</span>
                  : p === page ? <span aria-current="page" className={styles.current}><span className={styles.visuallyHidden}>Page </span>{p}</span>
                  : <Link prefetch={false} href={incidentsHref(filters, { page: p })} aria-label={`Page ${p}`}>{p}</Link>}
              </li>
            ))}
            <li>
              {page < pageCount ? <Link prefetch={false} href={incidentsHref(filters, { page: page + 1 })} rel="next">Next →</Link> : <span className={styles.disabled} aria-disabled="true">Next →</span>}
            </li>
          </ul>
        </nav>
      )}
      <nav aria-label="Rows per page" className={styles.sizes}>
        <span className="muted">Rows per page:</span>
        <ul className={styles.pages}>
          {PAGE_SIZES.map((size) => (
            <li key={size}>
              {size === pageSize ? <span aria-current="true" className={styles.current}>{size}</span>
                : <Link prefetch={false} href={incidentsHref(filters, { pageSize: size, page: 1 })}>{size}</Link>}
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
