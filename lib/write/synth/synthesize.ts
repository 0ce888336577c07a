// One call that turns a target into a ready synthetic database: open, migrate, refuse real
// data, load (or reuse an identical earlier load), close. Shared by `npm run db:synth` and
// the benchmark harness.
import { loadDataset } from "../../records/load.ts";
import { loadSynthetic, type LoadResult, type PerpetratorRow, type ProjectRow } from "./load.ts";
import { openTarget, type TargetSpec } from "./target.ts";

/** The real perpetrator and project vocabularies (no evidence, no incidents), so filters on synthetic data use real slugs. */
export function realVocabularies(): { perpetrators: PerpetratorRow[]; projects: ProjectRow[] } {
  const d = loadDataset();
  return {
    perpetrators: d.perpetrators.map((p) => ({ id: p.id, name: p.name, shortName: p.shortName, aliases: p.aliases, kind: p.kind, description: p.description })),
    projects: d.projects.map((p) => ({ id: p.id, name: p.name, sector: p.sector, province: p.province, location: p.location, operator: p.operator, isCpec: p.isCpec, description: p.description })),
  };
}

export type SynthesizeOptions = { incidents: number; seed?: number; batchSize?: number; replace?: boolean; log?: (line: string) => void };

export async function synthesize(spec: TargetSpec, o: SynthesizeOptions): Promise<LoadResult & { label: string }> {
  const log = o.log ?? (() => {});
  const target = await openTarget(spec);
  try {
    const applied = await target.migrate();
    if (applied.length) log(`[${target.label}] migrated: ${applied.join(", ")}`);
    let lastReport = 0;
    const result = await loadSynthetic(target.sql, {
      ...realVocabularies(), incidents: o.incidents, seed: o.seed, batchSize: o.batchSize, replace: o.replace, label: target.label,
      onProgress: (done, total) => {
        const now = performance.now();
        if (now - lastReport > 5000 || done === total) { lastReport = now; log(`[${target.label}] ${done.toLocaleString("en")} / ${total.toLocaleString("en")} incidents`); }
      },
    });
    return { ...result, label: target.label };
  } finally { await target.close(); }
}
