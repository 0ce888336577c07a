// Which seed incidents the default view shows, worked out from the seed files with the
// writer's own casualty rule (never from the app's queries): Chinese nationals harmed, or
// Chinese interests directly targeted.
import { casualtyEstimates } from "../lib/casualty-totals.ts";
import type { Dataset } from "../lib/records/load.ts";

export function defaultViewFilter(dataset: Dataset) {
  const published = new Map(dataset.sources.map((s) => [s.id, s.publishedOn]));
  return (i: Dataset["incidents"][number]) => i.targetLink === "direct" || casualtyEstimates(i.casualties, (s) => published.get(s)).chineseHarmed === true;
}
