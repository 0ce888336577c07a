// What a revision changed, in words, from its before and after snapshots (lib/write/revisions.ts).
// Pure: the history, /changes and the feed all describe a change the same way.
import { ATTRIBUTION_ROLES, VICTIM_GROUPS } from "./vocab.ts";
import type { IncidentSnapshot } from "./write/revisions.ts";

/** Group names by id, for showing attributions; an id not in it is shown as the id. */
export type Names = ReadonlyMap<string, string>;

export type Change = { kind: "created" | "deleted" | "field" | "added" | "removed" | "changed"; what: string; before?: string; after?: string; quote?: string | null; sourceId?: string };

const FIELD_LABELS: Partial<Record<keyof IncidentSnapshot, string>> = {
  date: "date", datePrecision: "date precision", dateNote: "date note", province: "province", district: "district", city: "city",
  locationDetail: "location", locationPrecision: "location precision", latitude: "latitude", longitude: "longitude", attackType: "attack type",
  target: "target", projectId: "project", summary: "summary", confidence: "confidence", chineseLink: "link to Chinese interests", targetLink: "Chinese target", linkNote: "link note",
  notes: "notes", chineseKilled: "Chinese killed", chineseInjured: "Chinese injured", chineseKidnapped: "Chinese kidnapped",
  totalKilled: "total killed", totalInjured: "total injured", attackersKilled: "attackers killed",
};

const show = (v: unknown) => (v === null || v === undefined ? "unknown" : String(v));

type Claim = { id: string; sourceId: string; quote: string | null };
function describeClaim(c: Record<string, unknown>, names: Names): string {
  if ("perpetratorId" in c) return `attribution: ${names.get(String(c.perpetratorId)) ?? c.perpetratorId} (${(ATTRIBUTION_ROLES[c.role as keyof typeof ATTRIBUTION_ROLES] ?? String(c.role)).toLowerCase()})`;
  if ("outcome" in c) {
    const n = c.count ?? (c.low !== null && c.low !== undefined ? `${c.low}${c.high !== null && c.high !== undefined ? `-${c.high}` : "+"}` : "unknown");
    return `casualty figure: ${n} ${(VICTIM_GROUPS[c.victimGroup as keyof typeof VICTIM_GROUPS] ?? String(c.victimGroup)).toLowerCase()} ${c.outcome}${c.counted === false ? " (not counted)" : ""}`;
  }
  return `evidence for ${String(c.supports)}`;
}

function claimChanges<T extends Claim>(before: T[], after: T[], names: Names): Change[] {
  const out: Change[] = [];
  const b = new Map(before.map((c) => [c.id, c]));
  const a = new Map(after.map((c) => [c.id, c]));
  for (const [id, c] of a) {
    const old = b.get(id);
    if (!old) out.push({ kind: "added", what: describeClaim(c, names), quote: c.quote, sourceId: c.sourceId });
    else if (JSON.stringify(old) !== JSON.stringify(c)) out.push({ kind: "changed", what: describeClaim(c, names), before: describeClaim(old, names), after: describeClaim(c, names), quote: c.quote, sourceId: c.sourceId });
  }
  for (const [id, c] of b) if (!a.has(id)) out.push({ kind: "removed", what: describeClaim(c, names), quote: c.quote, sourceId: c.sourceId });
  return out;
}

export function incidentChanges(before: IncidentSnapshot | null, after: IncidentSnapshot | null, names: Names = new Map()): Change[] {
  if (!before && !after) return [];
  if (!before) return [{ kind: "created", what: "incident added to the record" }, ...claimChanges([], after!.casualties, names), ...claimChanges([], after!.attributions, names)];
  if (!after) return [{ kind: "deleted", what: "incident removed from the record" }];
  const out: Change[] = [];
  for (const [key, label] of Object.entries(FIELD_LABELS) as [keyof IncidentSnapshot, string][]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) out.push({ kind: "field", what: label, before: show(before[key]), after: show(after[key]) });
  }
  out.push(...claimChanges(before.casualties, after.casualties, names), ...claimChanges(before.attributions, after.attributions, names), ...claimChanges(before.evidence, after.evidence, names));
  return out;
}

/** One line for a feed entry or a list: "2 casualty figures added, summary changed". */
export function changeSummary(changes: Change[]): string {
  if (changes.some((c) => c.kind === "created")) return "New incident";
  if (changes.some((c) => c.kind === "deleted")) return "Removed";
  const added = changes.filter((c) => c.kind === "added").length;
  const removed = changes.filter((c) => c.kind === "removed").length;
  const fields = changes.filter((c) => c.kind === "field" || c.kind === "changed").map((c) => c.what);
  const parts = [added ? `${added} claim${added === 1 ? "" : "s"} added` : "", removed ? `${removed} removed` : "", fields.length ? `${[...new Set(fields)].slice(0, 3).join(", ")} changed` : ""].filter(Boolean);
  return parts.join("; ") || "No visible change";
}
