// npm run ingest:eval: the report reader's measured accuracy on lib/ingest/eval (issue 13).
// Exits non-zero when a target is missed. The five source documents are read from
// ../shared/seeds (or INGEST_SEEDS_DIR) and skipped with a message when absent.
import { evaluate, formatEval } from "../lib/ingest/eval/evaluate.ts";

const r = evaluate();
process.stdout.write(`${formatEval(r)}\n`);
if (r.skipped.length) process.stderr.write(`ingest:eval: ${r.skipped.length} report(s) skipped (source documents not found; set INGEST_SEEDS_DIR)\n`);
process.exit(r.metrics.some((m) => m.target != null && m.rate < m.target) ? 1 : 0);
