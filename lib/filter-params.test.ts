import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { DEFAULT_FILTERS, filtersToSearchParams } from "./filter-params.ts";
import { parseFilters } from "./filters.ts";

describe("the client-side half of the URL contract", () => {
  it("has the defaults the schema gives an empty query", () => {
    expect(DEFAULT_FILTERS).toEqual(parseFilters({}).filters);
  });

  it("writes the defaults as an empty query, and a filter set as one that parses back to it", () => {
    expect(filtersToSearchParams(DEFAULT_FILTERS).toString()).toBe("");
    const { filters } = parseFilters(new URLSearchParams("province=sindh&province=balochistan&group=bla&from=2015&to=2024-06-30&sort=chinese_killed&dir=asc&page=3&pageSize=50"));
    expect(parseFilters(filtersToSearchParams(filters)).filters).toStrictEqual(filters);
  });

  it("imports nothing at run time, so the filter bar does not pull zod into the browser", () => {
    const imports = readFileSync(new URL("./filter-params.ts", import.meta.url), "utf8").match(/^import .*$/gm) ?? [];
    expect(imports.every((line) => line.startsWith("import type "))).toBe(true);
  });
});
