// Which incident on record a candidate describes: a date window by precision, then place,
// attack type and figures. Null when nothing on record fits well enough: a new incident.
import type { Candidate, ReferenceIncident } from "./types.ts";

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** How well the dates agree, 0..1; null when they cannot be the same event. */
function dateScore(c: Candidate, inc: ReferenceIncident): number | null {
  if (!c.date || !c.datePrecision) return 0.3;
  if (c.datePrecision === "year") return inc.date.startsWith(c.date) ? 0.55 : null;
  if (c.datePrecision === "month") return inc.date.startsWith(c.date) ? 0.75 : null;
  const diff = Math.abs(dayNumber(c.date) - dayNumber(inc.date.length === 10 ? inc.date : `${inc.date}-01`.slice(0, 10)));
  // Late-night attacks are dated a day apart by different sources.
  if (inc.datePrecision !== "day") return c.date.startsWith(inc.date) ? 0.7 : null;
  return diff === 0 ? 1 : diff === 1 ? 0.85 : diff <= 3 ? 0.5 : null;
}

export const MATCH_THRESHOLD = 0.6;

export function matchIncident(c: Candidate, incidents: ReferenceIncident[]): { incidentId: string; score: number } | null {
  let best: { incidentId: string; score: number } | null = null;
  for (const inc of incidents) {
    const d = dateScore(c, inc);
    if (d == null) continue;
    if (c.province && inc.province !== c.province) continue;
    let score = d * 0.55;
    let weight = 0.55;
    if (c.province) { score += 0.15; weight += 0.15; }
    if (c.city) { weight += 0.1; if (inc.city && inc.city.toLowerCase() === c.city.toLowerCase() || inc.district && inc.district.toLowerCase() === c.city.toLowerCase()) score += 0.1; }
    if (c.attackType) { weight += 0.08; if (inc.attackType === c.attackType) score += 0.08; }
    if (c.project) { weight += 0.07; if (inc.project === c.project) score += 0.07; }
    const ck = c.figures.find((f) => f.outcome === "killed" && f.victims === "chinese");
    if (ck) {
      weight += 0.08;
      const rec = inc.casualties.filter((x) => x.outcome === "killed" && x.victimGroup === "chinese").map((x) => x.count);
      if (rec.includes(ck.count)) score += 0.08;
      // Chinese deaths the record does not have at all: a different incident.
      else if (ck.count > 0 && !rec.some((n) => n != null && n > 0)) score -= 0.3;
    }
    // Normalised by what the candidate states, so a report with only a date and a place can
    // still match; a candidate with no date needs everything else to agree.
    const s = Math.round((score / weight) * (c.date ? 1 : 0.8) * 100) / 100;
    if (!best || s > best.score) best = { incidentId: inc.id, score: s };
  }
  return best && best.score >= MATCH_THRESHOLD ? best : null;
}
