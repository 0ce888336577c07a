// The reader's measured accuracy on the labelled set (labels.json): main-incident recall and
// precision, per-field accuracy on found incidents, match to the record, and the evidence
// invariant. Used by `npm run ingest:eval` and by the test that holds the issue's targets.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { readReport } from "../read.ts";
import { referenceFromFiles } from "../reference-files.ts";
import type { Candidate, Reference } from "../types.ts";

const HERE = import.meta.dirname;
export const DEFAULT_SEEDS_DIR = process.env.INGEST_SEEDS_DIR ?? path.resolve(HERE, "../../../../shared/seeds");

interface LabelIncident {
  kind: "main" | "mentioned" | "any";
  incidentId: string | null;
  date: string;
  datePrecision: "day" | "month" | "year";
  province: string;
  chineseKilled: number | null;
  chineseInjured: number | null;
  claimed: string[];
}
interface LabelReport { id: string; file?: string; seedFile?: string; published: string; style: string; fictional: boolean; cases: string[]; incidents: LabelIncident[] }

export interface Metric { name: string; right: number; total: number; rate: number; target: number | null }
export interface EvalResult { metrics: Metric[]; problems: string[]; skipped: string[]; reports: number; candidates: number }

export const TARGETS = {
  "main-incident recall": 0.9,
  "main-incident precision": 0.85,
  "date right at its precision": 0.9,
  province: 0.95,
  "Chinese killed exact": 0.85,
  "Chinese injured exact": 0.85,
  "claimed groups": 0.75,
  "match to the record": 0.9,
  "evidence spans exact": 1,
} as const;

const day = (s: string) => Date.parse(`${s.padEnd(10, "-01").slice(0, 10)}T00:00:00Z`) / 86_400_000;

function dateCompatible(c: Candidate, l: LabelIncident): boolean {
  if (!c.date) return false;
  if (c.date.length === 10 && l.date.length === 10) return Math.abs(day(c.date) - day(l.date)) <= 2;
  const n = Math.min(c.date.length, l.date.length);
  return c.date.slice(0, n) === l.date.slice(0, n);
}

/** Whether a candidate is the labelled incident: the same record incident, or the same date and province. */
function corresponds(c: Candidate, l: LabelIncident): boolean {
  if (l.incidentId && c.match?.incidentId === l.incidentId) return true;
  return dateCompatible(c, l) && c.province === l.province;
}

const first = (c: Candidate, outcome: string) => c.figures.find((f) => f.outcome === outcome && f.victims === "chinese")?.count ?? null;
const claimedOf = (c: Candidate) => [...new Set(c.attributions.filter((a) => a.role === "claimed" && a.group).map((a) => a.group!))].sort();

/** set: "labels" (the set the rules were built against) or "held-out" (written afterwards, never tuned on). */
export function evaluate(opts: { seedsDir?: string; reference?: Reference; set?: "labels" | "held-out" | "blind" } = {}): EvalResult {
  const labels = JSON.parse(readFileSync(path.join(HERE, `${opts.set ?? "labels"}.json`), "utf8")) as { reports: LabelReport[] };
  const ref = opts.reference ?? referenceFromFiles();
  const seedsDir = opts.seedsDir ?? DEFAULT_SEEDS_DIR;
  const count: Record<string, [number, number]> = {};
  const tally = (name: string, ok: boolean) => { const t = (count[name] ??= [0, 0]); t[1]++; if (ok) t[0]++; };
  const problems: string[] = [];
  const skipped: string[] = [];
  let reports = 0, candidates = 0;

  for (const r of labels.reports) {
    const file = r.file ? path.join(HERE, r.file) : path.join(seedsDir, r.seedFile!);
    if (!existsSync(file)) { skipped.push(`${r.id}: ${file} not found`); continue; }
    const text = readFileSync(file, "utf8");
    const result = readReport(text, { published: r.published }, ref);
    reports++;
    candidates += result.candidates.length;
    for (const c of result.candidates) {
      for (const e of [...c.evidence, ...c.figures.map((f) => f.evidence), ...c.attributions.map((a) => a.evidence)]) {
        const ok = text.slice(e.start, e.end) === e.quote;
        tally("evidence spans exact", ok);
        if (!ok) problems.push(`${r.id}: evidence ${e.start}-${e.end} does not slice to its quote`);
      }
    }
    const used = new Set<Candidate>();
    for (const l of r.incidents) {
      const pool = result.candidates.filter((c) => !used.has(c) && corresponds(c, l));
      const c = pool.find((x) => l.kind === "any" || x.kind === l.kind) ?? pool[0];
      const label = `${r.id}: ${l.kind} ${l.incidentId ?? "(new)"} ${l.date}`;
      if (l.kind !== "mentioned") tally("main-incident recall", !!c && (l.kind === "any" || c.kind === "main"));
      else tally("mentioned-incident recall", !!c);
      if (!c) { problems.push(`${label}: not found`); continue; }
      used.add(c);
      if (l.kind !== "any" && c.kind !== l.kind) problems.push(`${label}: found as ${c.kind}`);
      tally("kind", l.kind === "any" || c.kind === l.kind);
      const dateOk = !!c.date && c.date.startsWith(l.date) && (c.date.length >= l.date.length);
      tally("date right at its precision", dateOk);
      if (!dateOk) problems.push(`${label}: date ${c.date ?? "null"} (${c.datePrecision ?? "-"})`);
      tally("province", c.province === l.province);
      if (c.province !== l.province) problems.push(`${label}: province ${c.province}`);
      for (const [name, outcome, want] of [["Chinese killed exact", "killed", l.chineseKilled], ["Chinese injured exact", "injured", l.chineseInjured]] as const) {
        const got = first(c, outcome);
        if (want == null && got == null) continue;
        tally(name, got === want);
        if (got !== want) problems.push(`${label}: ${name.toLowerCase().replace(" exact", "")} ${got} (label ${want})`);
      }
      const claimed = claimedOf(c), want = [...l.claimed].sort();
      if (want.length || claimed.length) {
        const ok = JSON.stringify(claimed) === JSON.stringify(want);
        tally("claimed groups", ok);
        if (!ok) problems.push(`${label}: claimed [${claimed}] (label [${want}])`);
      }
      const matchOk = (c.match?.incidentId ?? null) === l.incidentId;
      tally("match to the record", matchOk);
      if (!matchOk) problems.push(`${label}: matched ${c.match?.incidentId ?? "null"}`);
    }
    for (const c of result.candidates) {
      if (c.kind !== "main") {
        if (!used.has(c)) problems.push(`${r.id}: unlabelled mentioned candidate ${c.date ?? "?"} ${c.province ?? "?"} (${c.match?.incidentId ?? "no match"})`);
        continue;
      }
      const ok = used.has(c) || r.incidents.some((l) => corresponds(c, l));
      tally("main-incident precision", ok);
      if (!ok) problems.push(`${r.id}: wrong main candidate ${c.date ?? "?"} ${c.province ?? "?"} ${c.city ?? ""} (${c.match?.incidentId ?? "no match"})`);
    }
  }
  const order = [...Object.keys(TARGETS), "mentioned-incident recall", "kind"];
  const metrics = order.filter((n) => count[n]).map((name) => {
    const [right, total] = count[name];
    return { name, right, total, rate: total ? right / total : 1, target: (TARGETS as Record<string, number>)[name] ?? null };
  });
  return { metrics, problems, skipped, reports, candidates };
}

export function formatEval(r: EvalResult): string {
  const lines = [`Reports read: ${r.reports} (${r.candidates} candidates)${r.skipped.length ? `; skipped ${r.skipped.length}` : ""}`, ""];
  for (const m of r.metrics) {
    const pass = m.target == null ? "" : m.rate >= m.target ? "  ok" : `  BELOW TARGET ${(m.target * 100).toFixed(0)}%`;
    lines.push(`${m.name.padEnd(30)} ${(m.rate * 100).toFixed(1).padStart(5)}%  (${m.right}/${m.total})${pass}`);
  }
  if (r.skipped.length) lines.push("", "Skipped:", ...r.skipped.map((s) => `  ${s}`));
  lines.push("", r.problems.length ? "Wrong or missing:" : "Nothing wrong or missing.", ...r.problems.map((p) => `  ${p}`));
  return lines.join("\n");
}
