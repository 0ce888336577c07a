import { describe, expect, it } from "vitest";
import { csvDocument } from "./csv.ts";
import { CsvSyntaxError, parseCsv, unneutraliseFormula } from "./csv-parse.ts";

describe("parseCsv", () => {
  it("reads what lib/csv.ts writes, including quotes, commas, newlines and the BOM", () => {
    const rows = [["a", 'say "hi", then', "two\r\nlines"], ["", "=SUM(A1)", "x"]];
    const parsed = parseCsv(csvDocument(["h1", "h2", "h3"], rows));
    expect(parsed.map((r) => r.fields.map(unneutraliseFormula))).toEqual([["h1", "h2", "h3"], ...rows]);
  });

  it("numbers each record by the line it starts on", () => {
    expect(parseCsv('a,b\n"x\ny",1\n\nz,2\n').map((r) => r.line)).toEqual([1, 2, 5]);
  });

  it("rejects a stray quote and an unclosed quote, naming the line", () => {
    expect(() => parseCsv('a,b\nx"y,1\n')).toThrow(new CsvSyntaxError(2, "a quote inside an unquoted field (quote the whole field and double its quotes)"));
    expect(() => parseCsv('a,b\n"open,1\n')).toThrow(/line 2: a quoted field is never closed/);
  });
});
