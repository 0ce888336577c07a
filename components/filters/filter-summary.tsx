import Link from "next/link";
import { filtersToSearchParams, type Filters } from "@/lib/incident-model.ts";
import type { FilterOptions } from "@/lib/data/known-slugs.ts";
import { describeFilters } from "./describe-filters.ts";
import styles from "./filters.module.css";

type Props = {
  filters: Filters;
  options: Pick<FilterOptions, "groups" | "projects">;
  /** The page the Reset link returns to, e.g. "/" or "/incidents". Sort order and page size survive a reset. */
  path: string;
};

/** Says in words which incidents the view counts, with a link that clears every filter. */
export function FilterSummary({ filters, options, path }: Props) {
  const phrases = describeFilters(filters, options);
  const kept = filtersToSearchParams({ sort: filters.sort, dir: filters.dir, pageSize: filters.pageSize }).toString();
  const resetHref = kept ? `${path}?${kept}` : path;
  return (
    <p className={styles.summary} aria-live="polite">
      {phrases.length ? (
        <>
          <span>Showing incidents {phrases.map((p) => p.text).join("; ")}.</span>
          {filters.links !== "all" && <span className="muted"> Incidents with only a weak link to Chinese interests are left out.</span>}{" "}
          <Link href={resetHref} className={styles.reset}>Reset filters</Link>
        </>
      ) : (
        <span>
          Showing every incident that harmed Chinese nationals or directly targeted Chinese interests.{" "}
          <span className="muted">Incidents with only an indirect or disputed link, and no Chinese victim, are left out unless you include them.</span>
        </span>
      )}
    </p>
  );
}
