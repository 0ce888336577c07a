import type { Metadata } from "next";
import { Suspense } from "react";
import { connection } from "next/server";
import { parseFilters } from "@/lib/filters.ts";
import { filtersToSearchParams } from "@/lib/incident-model.ts";
import { filterOptions, knownSlugs } from "@/lib/data/known-slugs.ts";
import { FilterBar } from "@/components/filters/filter-bar.tsx";
import { FilterProblems } from "@/components/filters/filter-problems.tsx";
import { FilterSummary } from "@/components/filters/filter-summary.tsx";
import { IncidentTableSection } from "@/components/incident-table/incident-table-section.tsx";
import { startIncidentPage } from "@/lib/data/incident-table.ts";
import { TableSkeleton } from "@/components/incident-table/table-skeleton.tsx";
import { INCIDENTS_PATH } from "@/lib/links.ts";

export const metadata: Metadata = {
  title: "Incidents",
  description: "Every recorded attack on Chinese nationals and Chinese-linked interests in Pakistan, filterable, sortable and exportable as CSV.",
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function IncidentsPage({ searchParams }: Props) {
  await connection(); // read the database at request time, never at build time
  const params = await searchParams;
  const optionsRead = Promise.all([knownSlugs(), filterOptions()]);
  // Only group and project slugs need the database to be checked: without any, the filters
  // are final now, and the table's count and rows (a scan of every match, the longest read of
  // the page) start beside the filter options instead of after them.
  const early = parseFilters(params).filters;
  const started = early.group.length || early.project.length ? undefined : startIncidentPage(early);
  // Parsed once more with the known slugs; everything below takes these filters. Bad
  // parameters are named in a notice and dropped, so the page still shows a valid view.
  const [known, options] = await optionsRead;
  const { filters, problems } = parseFilters(params, known);

  return (
    <>
      <FilterBar options={options} filters={filters} />
      <FilterProblems problems={problems} />
      <FilterSummary filters={filters} options={options} path={INCIDENTS_PATH} />
      <Suspense key={filtersToSearchParams(filters).toString()} fallback={<TableSkeleton />}>
        <IncidentTableSection filters={filters} started={started} />
      </Suspense>
    </>
  );
}
