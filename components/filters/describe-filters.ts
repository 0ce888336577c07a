// Puts a filter set into words, for the summary above every filtered view. Pure, so server
// components and tests can both use it.
import type { IncidentFilters } from "@/lib/incident-model.ts";
import { ATTACK_TYPES, PROJECT_SECTORS, PROVINCES, type TargetLink } from "@/lib/vocab.ts";
import { formatIncidentDate, isWholeYearBoundary } from "@/lib/format.ts";
import type { FilterOptions } from "@/lib/data/known-slugs.ts";

const TARGET_LINK_WORDS: Record<TargetLink, string> = { direct: "directly targeted", indirect: "indirectly targeted", disputed: "a disputed target" };

export type FilterPhrase = { param: string; text: string };

/** A range boundary in words: a bare year when it is the year's first (or last) day. */
function boundaryText(d: Date, end: boolean): string {
  return isWholeYearBoundary(d, end) ? String(d.getUTCFullYear()) : formatIncidentDate(d, "day", { short: true });
}

function list(values: string[]): string {
  if (values.length <= 1) return values.join("");
  return `${values.slice(0, -1).join(", ")} or ${values.at(-1)}`;
}

export type DescribableFilters = IncidentFilters;

/** One phrase per active filter, in the order the filter bar shows them. Empty when nothing is filtered. */
export function describeFilters(f: DescribableFilters, options: Pick<FilterOptions, "groups" | "projects">): FilterPhrase[] {
  const out: FilterPhrase[] = [];
  if (f.from && f.to) out.push({ param: "from", text: `from ${boundaryText(f.from, false)} to ${boundaryText(f.to, true)}` });
  else if (f.from) out.push({ param: "from", text: `from ${boundaryText(f.from, false)} on` });
  else if (f.to) out.push({ param: "to", text: `up to ${boundaryText(f.to, true)}` });
  if (f.province.length) out.push({ param: "province", text: `in ${list(f.province.map((p) => PROVINCES[p]))}` });
  if (f.group.length) {
    const names = new Map(options.groups.map((g) => [g.id, g.name]));
    out.push({ param: "group", text: `linked to ${list(f.group.map((g) => names.get(g) ?? g))}` });
  }
  if (f.type.length) out.push({ param: "type", text: `attack type ${list(f.type.map((t) => ATTACK_TYPES[t].toLowerCase()))}` });
  if (f.sector.length) out.push({ param: "sector", text: `on ${list(f.sector.map((s) => PROJECT_SECTORS[s].toLowerCase()))} projects` });
  if (f.project.length) {
    const names = new Map(options.projects.map((p) => [p.id, p.name]));
    out.push({ param: "project", text: `at ${list(f.project.map((p) => names.get(p) ?? p))}` });
  }
  if (f.victims === "chinese") out.push({ param: "victims", text: "with Chinese nationals killed, injured or kidnapped" });
  if (f.target.length) out.push({ param: "target", text: `where Chinese interests were ${list(f.target.map((t) => TARGET_LINK_WORDS[t]))}` });
  else if (f.links === "all") out.push({ param: "links", text: "including incidents with only an indirect or disputed link to Chinese interests" });
  if (f.q) out.push({ param: "q", text: `mentioning “${f.q}”` });
  return out;
}
