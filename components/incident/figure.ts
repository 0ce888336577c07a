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

/** "Sources disagree: 3–4 (counted: 3)", "5 (2 sources agree)" or "unknown". */
export function lineVerdict(l: CasualtyLine): string {
  if (l.counted === null) return l.uncounted ? "unknown (no counted figure)" : "unknown";
  if (l.disagree) return `Sources disagree: ${l.range!.low}–${l.range!.high} (counted: ${l.counted})`;
  const agreeing = l.figures.filter((f) => f.counted).length;
  return agreeing > 1 ? `${l.counted} (${agreeing} sources agree)` : String(l.counted);
}
