// The overview's map widget: asks lib/data/map.ts and draws on the server.
import type { Filters } from "@/lib/incident-model.ts";
import { mapData } from "@/lib/data/map.ts";
import { ChartCard } from "@/components/charts/chart-card.tsx";
import { IncidentMap } from "./incident-map.tsx";

export async function MapWidget({ filters, path = "/" }: { filters: Filters; path?: string }) {
  const data = await mapData(filters);
  return (
    <ChartCard id="map" title="Where it happened" wide
      note="Provinces shaded by the matching incidents (or killed and injured); points are incidents, or several at one place, sized by people killed. Click a province to show only it, a point to open its incident.">
      <IncidentMap data={data} filters={filters} path={path} />
    </ChartCard>
  );
}
