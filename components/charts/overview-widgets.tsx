// The overview's widgets: server components that each ask lib/data/overview.ts one
// question and hand plain arrays to a client chart. Each streams on its own under a Suspense.
import type { Filters } from "@/lib/incident-model.ts";
import { attackTypeShort } from "@/lib/vocab.ts";
import {
  casualtiesPerYear, incidentsByAttackType, incidentsByGroup, incidentsByProvince,
  incidentsPerYearByGroup, incidentsPerYearByProvince, overviewHeadlines,
} from "@/lib/data/overview.ts";
import { CasualtyTrendChart } from "./casualty-trend-chart.tsx";
import { CategoryBarChart } from "./category-bar-chart.tsx";
import { ChartCard } from "./chart-card.tsx";
import { HeadlineFigures } from "./headline-figures.tsx";
import { YearStackChart } from "./year-stack-chart.tsx";

type WidgetProps = { filters: Filters };

export async function HeadlinesWidget({ filters }: WidgetProps) {
  return <HeadlineFigures headlines={await overviewHeadlines(filters)} filters={filters} />;
}

export async function IncidentsPerYearWidget({ filters }: WidgetProps) {
  const [byGroup, byProvince] = await Promise.all([incidentsPerYearByGroup(filters), incidentsPerYearByProvince(filters)]);
  // Each incident has exactly one province, so the province stacks add up to the incidents of the year.
  const perYear = Object.fromEntries(byProvince.rows.map(({ year, ...counts }) => [year, Object.values(counts).reduce((a, b) => a + b, 0)]));
  return (
    <ChartCard id="per-year" title="Incidents per year">
      <YearStackChart byGroup={byGroup} byProvince={byProvince} incidentsPerYear={perYear} />
    </ChartCard>
  );
}

export async function CasualtyTrendWidget({ filters }: WidgetProps) {
  const rows = await casualtiesPerYear(filters);
  return (
    <ChartCard id="casualties" title="Killed and injured per year"
      note="Each incident counts the lowest figure its sources give. A gap means no source gives the figure for any incident that year; incidents with an unknown figure add nothing to the year (the table says how many).">
      <CasualtyTrendChart rows={rows} />
    </ChartCard>
  );
}

export async function ProvinceWidget({ filters }: WidgetProps) {
  const rows = await incidentsByProvince(filters);
  return (
    <ChartCard id="by-province" title="Incidents by province">
      <CategoryBarChart rows={rows} category="Province" caption="Incidents by province" color="#4e79a7" />
    </ChartCard>
  );
}

export async function GroupWidget({ filters }: WidgetProps) {
  const rows = await incidentsByGroup(filters);
  return (
    <ChartCard id="by-group" title="Incidents by group" wide
      note="Any claim or allegation links an incident to a group, so an incident can count under several groups.">
      <CategoryBarChart rows={rows.map((r) => ({ ...r, shortLabel: r.shortName }))} category="Group" caption="Incidents by linked group" color="#9d6b93" />
    </ChartCard>
  );
}

export async function AttackTypeWidget({ filters }: WidgetProps) {
  const rows = await incidentsByAttackType(filters);
  return (
    <ChartCard id="by-type" title="Incidents by attack type">
      <CategoryBarChart rows={rows.map((r) => ({ ...r, shortLabel: attackTypeShort(r.key) }))} category="Attack type" caption="Incidents by attack type" color="#b45309" />
    </ChartCard>
  );
}
