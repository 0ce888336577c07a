// Words for casualty figures as sources give them: an exact count, a range, or a bound.
import type { CasualtyFigure, CasualtyLine } from "@/lib/data/incident-detail.ts";
import { CASUALTY_OUTCOMES, VICTIM_GROUPS } from "@/lib/vocab.ts";

export function formatFigure(f: Pick<CasualtyFigure, "count" | "low" | "high">): string {
  if (f.count !== null) return String(f.count);
  if (f.low !== null && f.high !== null) return `${f.low}–${f.high}`;
  if (f.low !== null) return `at least ${f.low}`;
  if (f.high !== null) return `up to ${f.high}`;
  return "unknown";
}

export function lineLabel(l: Pick<CasualtyLine, "outcome" | "victimGroup">): string {
  return `${VICTIM_GROUPS[l.victimGroup]} ${CASUALTY_OUTCOMES[l.outcome].toLowerCase()}`;
}

/** "best 5 (sources give 3–5)", "5 (2 sources agree)", "2 (preliminary only)" or "unknown". */
export function lineVerdict(l: CasualtyLine): string {
  if (l.counted === null) return l.uncounted || l.revised ? "unknown (no counted figure)" : "unknown";
  const tail = l.preliminaryOnly ? " (only preliminary reports)" : "";
  if (l.disagree) return `best ${l.counted}; sources give ${l.range!.low}–${l.range!.high}${tail}`;
  const agreeing = l.figures.filter((f) => f.counted && f.status === (l.preliminaryOnly ? "preliminary" : "current")).length;
  return (agreeing > 1 ? `${l.counted} (${agreeing} sources agree)` : String(l.counted)) + tail;
}

/** The words for a figure left out of the best figure and its range. */
export function statusLabel(f: Pick<CasualtyFigure, "counted" | "status">): string | null {
  if (!f.counted) return "not counted";
  if (f.status === "preliminary") return "preliminary";
  if (f.status === "superseded") return "superseded";
  return null;
}
