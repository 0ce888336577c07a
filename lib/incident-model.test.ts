import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { CSV_HEADER, DEFAULT_FILTERS, FILTER_KEYS, SORT_KEYS, TABLE_COLUMNS, filtersToSearchParams } from "./incident-model.ts";
import { filterSchema, parseFilters } from "./filters.ts";

describe("the client-side half of the URL contract", () => {
  it("has the defaults the schema gives an empty query", () => {
    expect(DEFAULT_FILTERS).toEqual(parseFilters({}).filters);
  });

  it("writes the defaults as an empty query, and a filter set as one that parses back to it", () => {
    expect(filtersToSearchParams(DEFAULT_FILTERS).toString()).toBe("");
    const { filters } = parseFilters(new URLSearchParams("province=sindh&province=balochistan&group=bla&from=2015&to=2024-06-30&sort=chinese_killed&dir=asc&page=3&pageSize=50"));
    expect(parseFilters(filtersToSearchParams(filters)).filters).toStrictEqual(filters);
  });

  it("imports nothing at run time but the vocabularies, so the filter bar does not pull zod into the browser", () => {
    const imports = readFileSync(new URL("./incident-model.ts", import.meta.url), "utf8").match(/^import .*$/gm) ?? [];
    expect(imports.every((line) => line.startsWith("import type ") || line.endsWith('from "./vocab.ts";'))).toBe(true);
    const vocab = readFileSync(new URL("./vocab.ts", import.meta.url), "utf8").match(/^import .*$/gm) ?? [];
    expect(vocab).toEqual([]);
  });
});

describe("the incident model", () => {
  it("gives the URL schema exactly the declared parameters", () => {
    expect(Object.keys(filterSchema.shape)).toEqual(FILTER_KEYS);
  });

  it("keeps today's CSV header, in order (new columns are appended)", () => {
    expect(CSV_HEADER.slice(0, 18)).toEqual([
      "id", "date", "date_precision", "province", "district", "city", "attack_type", "target", "project",
      "perpetrators", "attribution", "chinese_killed", "chinese_injured", "total_killed", "total_injured",
      "attackers_killed", "summary", "source_urls",
    ]);
  });

  it("lets every sortable table column sort by a declared key, and every key but none be reachable from a column", () => {
    const sorts = TABLE_COLUMNS.flatMap((c) => ("sort" in c ? [c.sort] : []));
    expect([...sorts].sort()).toEqual([...SORT_KEYS].sort());
  });
});
