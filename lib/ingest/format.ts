// The reader's result for a person to read (the command without --format json).
import { ATTACK_TYPES, ATTRIBUTION_ROLES, CASUALTY_OUTCOMES, PROVINCES, VICTIM_GROUPS } from "../vocab.ts";
import type { IngestResult } from "./types.ts";

const QUAL = { exact: "", at_least: "at least ", approximately: "about ", more_than: "more than " } as const;
const clip = (s: string, n = 110) => (s.length > n ? `${s.slice(0, n - 1)}…` : s).replace(/\s+/g, " ");

export function formatResult(r: IngestResult): string {
  const lines = [`Document sha256 ${r.document.sha256}, ${r.document.chars} characters: ${r.candidates.length} candidate incident${r.candidates.length === 1 ? "" : "s"}.`];
  if (r.candidates.length === 0) lines.push("No attack on Chinese nationals or Chinese-linked interests in Pakistan found.");
  for (const [n, c] of r.candidates.entries()) {
    lines.push("");
    lines.push(`${n + 1}. ${c.kind === "main" ? "Main incident" : "Mentioned earlier incident"} (confidence ${c.confidence.toFixed(2)})`);
    lines.push(`   Date:     ${c.date ?? "unknown"}${c.datePrecision && c.datePrecision !== "day" ? ` (${c.datePrecision} only)` : ""}`);
    lines.push(`   Place:    ${[c.city, c.province ? PROVINCES[c.province] : null].filter(Boolean).join(", ") || "unknown"}${c.latitude != null ? ` (${c.latitude.toFixed(3)}, ${c.longitude!.toFixed(3)})` : ""}`);
    lines.push(`   Attack:   ${c.attackType ? ATTACK_TYPES[c.attackType] : "unknown"}${c.project ? `; project ${c.project}` : ""}`);
    for (const f of c.figures) lines.push(`   ${CASUALTY_OUTCOMES[f.outcome]}: ${QUAL[f.qualifier]}${f.count} ${VICTIM_GROUPS[f.victims].toLowerCase()}  «${clip(f.evidence.quote)}» @${f.evidence.start}`);
    for (const a of c.attributions) lines.push(`   Group:    ${a.name}${a.group ? ` [${a.group}]` : " [not in the record]"}, ${ATTRIBUTION_ROLES[a.role].toLowerCase()}  «${clip(a.evidence.quote)}» @${a.evidence.start}`);
    for (const e of c.evidence) lines.push(`   Evidence: «${clip(e.quote)}» @${e.start}-${e.end}`);
    lines.push(`   Record:   ${c.match ? `${c.match.incidentId} (score ${c.match.score.toFixed(2)})` : "no match: a new incident?"}`);
  }
  return lines.join("\n");
}
