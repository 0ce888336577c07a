import { Suspense } from "react";
import { connection } from "next/server";
import { parseFilters } from "@/lib/filters.ts";
import { filterOptions, knownSlugs } from "@/lib/data/known-slugs.ts";
import { FilterBar } from "@/components/filters/filter-bar.tsx";
import { FilterProblems } from "@/components/filters/filter-problems.tsx";
import { FilterSummary } from "@/components/filters/filter-summary.tsx";
import { ChartSkeleton, HeadlinesSkeleton } from "@/components/charts/skeletons.tsx";
import {
  AttackTypeWidget, CasualtyTrendWidget, GroupWidget, HeadlinesWidget, IncidentsPerYearWidget, ProvinceWidget,
} from "@/components/charts/overview-widgets.tsx";
import { ExportContext } from "@/components/charts/export-context.tsx";
import { MapWidget } from "@/components/map/map-widget.tsx";
import styles from "@/components/charts/charts.module.css";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Overview({ searchParams }: Props) {
  await connection(); // always read the database at request time, never at build time
  const [params, known, options] = await Promise.all([searchParams, knownSlugs(), filterOptions()]);
  const { filters, problems } = parseFilters(params, known);
  // A new key per filter set makes each widget show its skeleton again while it reloads.
  const key = JSON.stringify(filters);
  return (
    <>
      <h1>Attacks on Chinese nationals and interests in Pakistan</h1>
      <p className="lede">
        Incidents, casualties and the groups linked to them, for the filters you choose. Every number leads to the incidents
        behind it, and every incident to its sources.
      </p>
      <FilterProblems problems={problems} />
      <FilterBar options={options} filters={filters} />
      <FilterSummary filters={filters} options={options} path="/" />
      <Suspense fallback={null}><ExportContext filters={filters} options={options} /></Suspense>
      <Suspense key={`headlines${key}`} fallback={<HeadlinesSkeleton />}>
        <HeadlinesWidget filters={filters} />
      </Suspense>
      <div className={styles.grid}>
        <Suspense key={`map${key}`} fallback={<ChartSkeleton title="Where it happened" height={560} />}>
          <MapWidget filters={filters} />
        </Suspense>
        <Suspense key={`per-year${key}`} fallback={<ChartSkeleton title="Incidents per year" height={340} />}>
          <IncidentsPerYearWidget filters={filters} />
        </Suspense>
        <Suspense key={`casualties${key}`} fallback={<ChartSkeleton title="Killed and injured per year" />}>
          <CasualtyTrendWidget filters={filters} />
        </Suspense>
      </div>
      <div className={styles.grid2}>
        <Suspense key={`province${key}`} fallback={<ChartSkeleton title="Incidents by province" kind="bars" height={180} />}>
          <ProvinceWidget filters={filters} />
        </Suspense>
        <Suspense key={`type${key}`} fallback={<ChartSkeleton title="Incidents by attack type" kind="bars" height={180} />}>
          <AttackTypeWidget filters={filters} />
        </Suspense>
        <Suspense key={`group${key}`} fallback={<ChartSkeleton title="Incidents by group" kind="bars" height={180} wide />}>
          <GroupWidget filters={filters} />
        </Suspense>
      </div>
    </>
  );
}
