// Put once on a page with charts: what every chart download's footer says about the view
// (the filters in words, the data version and its date). The download menu reads it from
// the page when clicked, so no chart card needs props for it.
import type { Filters } from "@/lib/incident-model.ts";
import type { FilterOptions } from "@/lib/data/known-slugs.ts";
import { dataStamp } from "@/lib/data/export-info.ts";
import { describeFilters } from "@/components/filters/describe-filters.ts";

type Props = { filters: Filters; options: Pick<FilterOptions, "groups" | "projects">; /** Filters a page applies by itself, e.g. "linked to BLA" on a group page. */ scope?: string };

export async function ExportContext({ filters, options, scope }: Props) {
  const stamp = await dataStamp();
  const phrases = describeFilters(filters, options).map((p) => p.text);
  if (scope) phrases.unshift(scope);
  const links = filters.links === "all" ? "weakly-linked incidents included" : "direct links to Chinese interests only";
  const text = `${phrases.length ? `Incidents ${phrases.join("; ")}` : "Every incident"} (${links})`;
  return (
    <div hidden data-export-context="" data-filters={text}
      data-version={stamp?.version ?? ""} data-changed={stamp?.changedAt ?? ""} />
  );
}
