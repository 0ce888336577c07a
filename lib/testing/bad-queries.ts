// fast-check generators of hostile query strings, shared by the parseFilters property test
// (lib/filters.property.test.ts) and the HTTP fuzz test against the built server
// (e2e/bad-urls.spec.ts), so both layers see the same kinds of input.
//
// Every generated string is a raw query (no leading "?") made only of characters an HTTP
// request line may carry: anything else is percent-encoded, but percent-encoding itself is
// deliberately broken in some values (%, %%, %E0%A4%A, %zz) because that is what a
// hand-edited or truncated link looks like.
import fc from "fast-check";
import { PAGE_SIZES, SORT_KEYS } from "../incident-model.ts";
import { ATTACK_TYPES, PROJECT_SECTORS, PROVINCES } from "../vocab.ts";

export const FILTER_PARAMS = ["from", "to", "province", "group", "type", "project", "sector", "victims", "links", "q", "sort", "dir", "page", "pageSize"] as const;

/** Percent-encodes everything but unreserved characters, as a browser would. */
const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const VALID: Record<(typeof FILTER_PARAMS)[number], string[]> = {
  from: ["2004", "2015", "2021-03-01", "2024-12-31"],
  to: ["2010", "2024", "2022-06-30"],
  province: Object.keys(PROVINCES),
  group: ["bla", "ttp", "bla-majeed-brigade", "etim", "no-such-group"],
  type: Object.keys(ATTACK_TYPES),
  project: ["gwadar-port", "dasu-hydropower", "no-such-project"],
  sector: Object.keys(PROJECT_SECTORS),
  victims: ["all", "chinese"],
  links: ["direct", "all"],
  q: ["karachi", "convoy", "Dasu"],
  sort: [...SORT_KEYS],
  dir: ["asc", "desc"],
  page: ["1", "2", "40"],
  pageSize: PAGE_SIZES.map(String),
};

/** Already-encoded values that break things in the wild. */
const RAW_NASTY = [
  "", "%", "%%", "%E0%A4%A", "%zz", "%C0%AF", "%FF%FE", "%00", "a%00b", "%ED%A0%80", "%F0%9F%98", "%25", "%2", "+", "%20%20",
  enc("'; DROP TABLE \"Incident\"; --"), enc("1 OR 1=1"), enc("' UNION SELECT * FROM pg_user --"), enc("<script>alert(1)</script>"),
  enc("\"><img src=x onerror=alert(1)>"), enc("=HYPERLINK(\"http://evil\")"), enc("{{7*7}}"), enc("${7*7}"), enc("../../etc/passwd"),
  "1e308", "-1", "0", "-0", "1.5", "NaN", "Infinity", "0x10", "9".repeat(400), "1e-7", "%201", enc("١٢"), enc("2025-02-30"), enc("2021-13-01"),
  "99999", "1899", "2101", "2021-1-1", "20210101", enc("2021-03-01T00:00:00Z"), "true", "null", "undefined", "[]", enc("{}"), enc("__proto__"),
  enc("constructor"), enc("toString"), enc("hasOwnProperty"), "x".repeat(5000), enc("ñ".repeat(300)), enc("😀"), enc("\u202e"), enc("\r\n"),
];

const anyText = fc.string({ unit: "grapheme", maxLength: 60 }).map(enc);
const anyBinaryish = fc.string({ unit: "binary", maxLength: 40 }).map((s) => {
  // Lone surrogates cannot be percent-encoded as UTF-8: emit what a broken client would.
  try { return enc(s); } catch { return "%ED%A0%80"; }
});
const huge = fc.integer({ min: 200, max: 20_000 }).map((n) => "a".repeat(n));

const value = (param: string) => fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...(Object.hasOwn(VALID, param) ? VALID[param as keyof typeof VALID] : ["x"])) },
  { weight: 3, arbitrary: fc.constantFrom(...RAW_NASTY) },
  { weight: 2, arbitrary: anyText },
  { weight: 1, arbitrary: anyBinaryish },
  { weight: 1, arbitrary: huge },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: false })).map((n) => enc(String(n))) },
);

const knownKey = fc.constantFrom(...FILTER_PARAMS);
const key = fc.oneof(
  { weight: 8, arbitrary: knownKey },
  { weight: 1, arbitrary: fc.constantFrom("PROVINCE", "province[]", "page%5B%5D", "%70age", "from%", "%", "", "utm_source", "__proto__", "constructor", "_rsc", "q%00") },
  { weight: 1, arbitrary: anyText },
);

const pair = key.chain((k) => value(k).map((v) => `${k}=${v}`));
const bareKey = key; // "?province" with no "="
const repeated = fc.tuple(knownKey, fc.integer({ min: 2, max: 200 })).chain(([k, n]) =>
  fc.array(value(k), { minLength: n, maxLength: n }).map((vs) => vs.map((v) => `${k}=${v}`).join("&")));

const piece = fc.oneof(
  { weight: 10, arbitrary: pair },
  { weight: 1, arbitrary: bareKey },
  { weight: 1, arbitrary: repeated },
  { weight: 1, arbitrary: fc.constantFrom("&", "&&", "=", "==", "%26", "a=b=c", "from=2025&to=2020", "from=2024-06-01&to=2024-05-31", "page=1e308", "pageSize=-1") },
);

/** Anything outside printable ASCII cannot go on an HTTP request line as it is. */
const printable = (s: string) => s.replace(/[^\x21-\x7e]/g, (c) => { try { return enc(c); } catch { return "%3F"; } });

/** A whole raw query string (without "?"). */
export const badQuery: fc.Arbitrary<string> = fc.array(piece, { minLength: 0, maxLength: 8 }).map((ps) => printable(ps.join("&")));

/** A path segment for /incidents/[id] and /groups/[slug]: real-looking, unknown, or hostile. */
export const badSegment = (real: string[]): fc.Arbitrary<string> => fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...real) },
  { weight: 2, arbitrary: fc.constantFrom(...RAW_NASTY.filter((s) => s !== "" && !s.includes("/"))) },
  { weight: 2, arbitrary: anyText.filter((s) => s.length > 0) },
  { weight: 1, arbitrary: huge },
).map(printable);

/** Hand-picked cases every run includes, whatever the random seed. */
export const FIXED_QUERIES = [
  "", "%E0%A4%A", "%", "%%", "province=%E0%A4%A", "q=%", "q=%%", `q=${"x".repeat(20_000)}`, "q=%00", "q=a%00b", "from=2025&to=2020",
  "page=1e308", "pageSize=-1", "page=-1", "page=0", "page=1.5", "page=NaN", "pageSize=1e308", `q=${enc("'; DROP TABLE \"Incident\"; --")}`,
  `q=${enc("<script>alert(1)</script>")}`, `province=${Array.from({ length: 200 }, () => "sindh").join("&province=")}`,
  Array.from({ length: 200 }, (_, i) => `group=g${i}`).join("&"), "group=no-such-group", "project=no-such-project", "from=2021-02-30",
  "to=1899", "from=&to=&province=&group=", "sort=__proto__", "dir=sideways", "victims=everyone", "links=none", "page=2&page=3",
  "from=2020&from=2021", `q=${enc("😀".repeat(60))}`, "q=%ED%A0%80", "q=%C0%AF", "%70age=2", "a=b=c&&&==", `q=${enc("é".repeat(150))}`, "province=constructor", "type=toString", "sector=hasOwnProperty", "province=__proto__",
].map(printable);
