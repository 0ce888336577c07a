import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_SEEDS_DIR, evaluate, formatEval, TARGETS } from "./evaluate.ts";

describe("the labelled evaluation set", () => {
  const result = evaluate();

  it("reads every report written for it, and the source documents when present", () => {
    expect(result.reports).toBeGreaterThanOrEqual(36);
    if (!existsSync(DEFAULT_SEEDS_DIR)) console.warn(`source documents not found at ${DEFAULT_SEEDS_DIR}: ${result.skipped.length} skipped`);
    else expect(result.skipped).toEqual([]);
  });

  it.each(Object.entries(TARGETS))("%s meets its target", (name, target) => {
    const m = result.metrics.find((x) => x.name === name);
    expect(m, `${name} was not measured`).toBeDefined();
    expect(m!.rate, formatEval(result)).toBeGreaterThanOrEqual(target);
  });
});
