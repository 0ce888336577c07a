import { describe, expect, it } from "vitest";
import { CSV_BOM, csvCell, csvDocument, csvRow, neutraliseFormula } from "./csv.ts";

describe("csvCell", () => {
  it("leaves plain text and numbers bare", () => {
    expect(csvCell("Karachi")).toBe("Karachi");
    expect(csvCell(0)).toBe("0");
    expect(csvCell(12)).toBe("12");
  });

  it("writes unknown as an empty cell, never 0", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });

  it("quotes a field containing a comma, a quote, CR or LF, doubling quotes", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("line1\nline2")).toBe('"line1\nline2"');
    expect(csvCell("line1\r\nline2")).toBe('"line1\r\nline2"');
    expect(csvCell("a\rb")).toBe('"a\rb"');
  });

  it.each(["=", "+", "-", "@", "\t", "\r"])("neutralises a cell starting with %j", (start) => {
    const cell = csvCell(`${start}cmd|' /C calc'!A0`);
    expect(cell.replace(/^"/, "").startsWith(`'${start}`)).toBe(true);
  });

  it("guards before quoting, so the quote stays outside the guard", () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell("\rboom")).toBe(`"'\rboom"`);
  });

  it("does not touch formula characters later in the text", () => {
    expect(csvCell("Teachers =1+1")).toBe("Teachers =1+1");
    expect(neutraliseFormula("2024-10-06")).toBe("2024-10-06");
  });

  it("refuses non-finite numbers instead of writing NaN", () => {
    expect(() => csvCell(Number.NaN)).toThrow();
  });
});

describe("csvRow and csvDocument", () => {
  it("joins cells with commas and ends each record with CRLF", () => {
    expect(csvRow(["a", null, 3, "x,y"])).toBe('a,,3,"x,y"\r\n');
  });

  it("writes the BOM exactly once, at the start", () => {
    const doc = csvDocument(["id", "n"], [["a", 1], ["b", null]]);
    expect(doc.startsWith(CSV_BOM)).toBe(true);
    expect(doc.split(CSV_BOM).length).toBe(2);
    expect(doc).toBe(`${CSV_BOM}id,n\r\na,1\r\nb,\r\n`);
  });
});
