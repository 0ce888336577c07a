// npm run ingest:eval: the report reader's measured accuracy on lib/ingest/eval (issue 13).
// Exits non-zero when a target is missed. The five source documents are read from
// ../shared/seeds (or INGEST_SEEDS_DIR) and skipped with a message when absent.
import { evaluate, formatEval } from "../lib/ingest/eval/evaluate.ts";

const r = evaluate();
process.stdout.write(`Labelled set (lib/ingest/eval/labels.json)\n${formatEval(r)}\n`);
const h = evaluate({ set: "held-out" });
const b = evaluate({ set: "blind" });
process.stdout.write(`\nBlind set (lib/ingest/eval/blind.json: longer reports, written after all tuning; not gated)\n${formatEval(b)}\n`);
process.stdout.write(`\nHeld-out set (lib/ingest/eval/held-out.json: written after the rules; first-run scores in its header; not gated)\n${formatEval(h)}\n`);
if (r.skipped.length) process.stderr.write(`ingest:eval: ${r.skipped.length} report(s) skipped (source documents not found; set INGEST_SEEDS_DIR)\n`);
process.exit(r.metrics.some((m) => m.target != null && m.rate < m.target) ? 1 : 0);
