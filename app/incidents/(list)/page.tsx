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
import { TableSkeleton } from "@/components/incident-table/table-skeleton.tsx";
import { INCIDENTS_PATH } from "@/lib/links.ts";

export const metadata: Metadata = {
  title: "Incidents",
  description: "Every recorded attack on Chinese nationals and Chinese-linked interests in Pakistan, filterable, sortable and exportable as CSV.",
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function IncidentsPage({ searchParams }: Props) {
  await connection(); // read the database at request time, never at build time
  // Parsed once, here; everything below takes the parsed filters. Bad parameters are named
  // in a notice and dropped, so the page still shows a valid view.
  const [params, known, options] = await Promise.all([searchParams, knownSlugs(), filterOptions()]);
  const { filters, problems } = parseFilters(params, known);

  return (
    <>
      <FilterBar options={options} filters={filters} />
      <FilterProblems problems={problems} />
      <FilterSummary filters={filters} options={options} path={INCIDENTS_PATH} />
      <Suspense key={filtersToSearchParams(filters).toString()} fallback={<TableSkeleton />}>
        <IncidentTableSection filters={filters} />
      </Suspense>
    </>
  );
}
