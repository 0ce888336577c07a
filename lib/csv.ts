// RFC 4180 CSV writing, with a guard against formula injection.
//
// Spreadsheets execute a cell that starts with =, +, -, @ (and, in some, a tab or carriage
// return followed by one of those) as a formula, so an attacker-controlled summary such as
// `=HYPERLINK(...)` would run when an analyst opens the export. Such text cells get a
// leading single quote (OWASP's advice): spreadsheets show the text as written, and an
// importer can undo it exactly by dropping a ' that precedes one of these characters.
// Numbers are written as they are: our counts are never negative, so a number never starts
// with "-" and never needs the guard (a guarded "-3" would no longer read as a number).

/** Byte order mark: lets Excel detect UTF-8 (Urdu place names, curly quotes). Written once, first. */
export const CSV_BOM = "\uFEFF";
export const CSV_LINE_END = "\r\n";

export type CsvValue = string | number | null | undefined;

// Text that already starts with ' before a formula character is guarded too, so the importer's
// "drop one ' before =, +, -, @, tab or CR" gives back exactly what was written.
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** Prefixes a ' to text a spreadsheet would read as a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field: unknown (null) is an empty cell, never 0; text is guarded, then quoted when RFC 4180 requires. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} to CSV`);
    return String(value);
  }
  const text = neutraliseFormula(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, with its CRLF line end. */
export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(",") + CSV_LINE_END;
}

/** A whole document (for small outputs and tests; large exports stream rows instead). */
export function csvDocument(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  let out = CSV_BOM + csvRow(header);
  for (const row of rows) out += csvRow(row);
  return out;
}
