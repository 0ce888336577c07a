// The URL contract under hostile input: whatever the query string, parseFilters returns a
// usable filter set, names only real parameters in its problems, and what it returns
// serialises to a canonical query that parses cleanly to the same filters.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { filterSchema, parseFilters, type KnownSlugs } from "./filters.ts";
import { filtersToSearchParams } from "./incident-model.ts";
import { ATTACK_TYPES, PROJECT_SECTORS, PROVINCES } from "./vocab.ts";
import { FILTER_PARAMS, FIXED_QUERIES, badQuery } from "./testing/bad-queries.ts";

const PARAMS = new Set(Object.keys(filterSchema.shape));
const KNOWN: KnownSlugs = { groups: new Set(["bla", "ttp", "bla-majeed-brigade"]), projects: new Set(["gwadar-port"]) };

/** Next.js hands pages their query as a record of string | string[]. */
function asRecord(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const k of new Set(params.keys())) { const all = params.getAll(k); out[k] = all.length === 1 ? all[0] : all; }
  return out;
}

function checkContract(query: string, known?: KnownSlugs) {
  const params = new URLSearchParams(query);
  for (const source of [params, asRecord(params)]) {
    const { filters, problems } = parseFilters(source, known);
    for (const p of problems) {
      expect(PARAMS.has(p.param), `problem names "${p.param}" for ?${query.slice(0, 200)}`).toBe(true);
      expect(p.message.length).toBeGreaterThan(0);
      expect(p.message.length).toBeLessThan(1000); // a 20 KB value is not echoed back whole
    }
    expect(filters.page).toBeGreaterThanOrEqual(1);
    // Whatever reaches the database is a value its enums hold, never an inherited name such as "constructor".
    for (const v of filters.province) expect(Object.hasOwn(PROVINCES, v), v).toBe(true);
    for (const v of filters.type) expect(Object.hasOwn(ATTACK_TYPES, v), v).toBe(true);
    for (const v of filters.sector) expect(Object.hasOwn(PROJECT_SECTORS, v), v).toBe(true);
    if (filters.q) expect(filters.q).not.toMatch(/\u0000/);
    if (filters.from && filters.to) expect(filters.to >= filters.from).toBe(true);
    const canonical = filtersToSearchParams(filters);
    const again = parseFilters(canonical, known);
    expect(again.problems, `?${canonical} re-parsed`).toEqual([]);
    expect(filtersToSearchParams(again.filters).toString()).toBe(canonical.toString());
  }
}

describe("parseFilters on hostile query strings", () => {
  it("handles the hand-picked cases", () => {
    for (const q of FIXED_QUERIES) { checkContract(q); checkContract(q, KNOWN); }
  });

  it("never throws, names real parameters, and re-serialises to a clean query (5,000 random queries)", () => {
    fc.assert(fc.property(badQuery, fc.boolean(), (query, withKnown) => { checkContract(query, withKnown ? KNOWN : undefined); }), { numRuns: 5_000 });
  });

  it("reports each kind of problem under the parameter that caused it", () => {
    const named = (q: string) => parseFilters(new URLSearchParams(q), KNOWN).problems.map((p) => p.param);
    expect(named("from=2025&to=2020")).toEqual(["to"]);
    expect(named("page=1e308")).toEqual(["page"]);
    expect(named("pageSize=-1")).toEqual(["pageSize"]);
    expect(named("page=2&page=3")).toEqual(["page"]);
    expect(named(`q=${"x".repeat(101)}`)).toEqual(["q"]);
    expect(named("group=no-such-group")).toEqual(["group"]);
    expect(named("from=2021-02-30")).toEqual(["from"]);
    expect(named("province=constructor&type=toString&sector=hasOwnProperty")).toEqual(["province", "type", "sector"]);
    expect(named("q=a%00b")).toEqual(["q"]); // PostgreSQL cannot hold NUL: it would fail the query
    for (const p of FILTER_PARAMS) expect(named(`${p}=x&${p}=y`), p).toContain(p);
    expect(named(`province=${Array.from({ length: 51 }, () => "sindh").join("&province=")}`)).toEqual(["province"]);
  });
});
