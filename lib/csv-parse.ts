// RFC 4180 reading, the inverse of lib/csv.ts: quoted fields with doubled quotes, commas,
// CR/LF inside quotes, CRLF or LF line ends, an optional UTF-8 byte order mark. Each record
// carries the line it starts on, so import errors can name it.

export type CsvRecord = { line: number; fields: string[] };

export class CsvSyntaxError extends Error {
  constructor(readonly line: number, message: string) { super(`line ${line}: ${message}`); }
}

export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let fields: string[] = [];
  let field = "";
  let recordLine = 1;
  let quoted = false;
  let fieldStarted = false;
  const endField = () => { fields.push(field); field = ""; fieldStarted = false; };
  const endRecord = () => {
    endField();
    if (!(fields.length === 1 && fields[0] === "")) records.push({ line: recordLine, fields }); // a blank line is not a record
    fields = [];
  };
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
        quoted = false; i++;
        const next = text[i];
        if (next !== undefined && next !== "," && next !== "\r" && next !== "\n") throw new CsvSyntaxError(line, "a closing quote must end its field");
        continue;
      }
      if (c === "\n") line++;
      field += c; i++;
      continue;
    }
    if (c === '"') {
      if (fieldStarted || field !== "") throw new CsvSyntaxError(line, "a quote inside an unquoted field (quote the whole field and double its quotes)");
      quoted = true; fieldStarted = true; i++;
      continue;
    }
    if (c === ",") { endField(); i++; continue; }
    if (c === "\r" || c === "\n") {
      endRecord();
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++; recordLine = line;
      continue;
    }
    field += c; fieldStarted = true; i++;
  }
  if (quoted) throw new CsvSyntaxError(recordLine, "a quoted field is never closed");
  if (field !== "" || fields.length) endRecord();
  return records;
}

/** Undoes lib/csv.ts's formula guard: one ' before (more ' and then) =, +, -, @, tab or CR was added on export. */
export function unneutraliseFormula(text: string): string {
  return /^'(?='*[=+\-@\t\r])/.test(text) ? text.slice(1) : text;
}
