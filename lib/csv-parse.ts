// RFC 4180 reading, the inverse of lib/csv.ts: quoted fields with doubled quotes, commas,
// CR/LF inside quotes, CRLF or LF line ends, an optional UTF-8 byte order mark. Each record
// carries the line it starts on, so import errors can name it.

export type CsvRecord = { line: number; fields: string[] };

export class CsvSyntaxError extends Error {
  constructor(readonly line: number, message: string) { super(`line ${line}: ${message}`); }
}

/**
 * Incremental reader: text goes in by chunks (a file read as a stream), complete records come
 * out, so an import holds one chunk and the records of one batch rather than the whole file.
 * A character whose meaning depends on the next one (a quote, a CR) at the end of a chunk is
 * kept until the next chunk or `end()`.
 */
export class CsvReader {
  private carry = "";
  private first = true;
  private line = 1;
  private recordLine = 1;
  private fields: string[] = [];
  private field = "";
  private quoted = false;
  private fieldStarted = false;

  push(chunk: string): CsvRecord[] { return this.run(this.carry + chunk, false); }

  end(): CsvRecord[] {
    const out = this.run(this.carry, true);
    if (this.quoted) throw new CsvSyntaxError(this.recordLine, "a quoted field is never closed");
    if (this.field !== "" || this.fields.length) this.endRecord(out);
    return out;
  }

  private endRecord(out: CsvRecord[]) {
    this.fields.push(this.field); this.field = ""; this.fieldStarted = false;
    if (!(this.fields.length === 1 && this.fields[0] === "")) out.push({ line: this.recordLine, fields: this.fields }); // a blank line is not a record
    this.fields = [];
  }

  private run(text: string, final: boolean): CsvRecord[] {
    const out: CsvRecord[] = [];
    let i = 0;
    if (this.first && text.length) { this.first = false; if (text.charCodeAt(0) === 0xfeff) i = 1; }
    const n = text.length;
    while (i < n) {
      if (this.quoted) {
        // Copy the run up to the next quote in one slice; count the line ends inside it.
        const q = text.indexOf('"', i);
        const stop = q === -1 ? n : q;
        for (let k = text.indexOf("\n", i); k !== -1 && k < stop; k = text.indexOf("\n", k + 1)) this.line++;
        this.field += text.slice(i, stop); i = stop;
        if (q === -1) break;
        if (i + 1 >= n && !final) break; // is it "" or the closing quote? the next chunk says
        if (text[i + 1] === '"') { this.field += '"'; i += 2; continue; }
        this.quoted = false; i++;
        const next = text[i];
        if (next !== undefined && next !== "," && next !== "\r" && next !== "\n") throw new CsvSyntaxError(this.line, "a closing quote must end its field");
        continue;
      }
      const c = text[i];
      if (c === '"') {
        if (this.fieldStarted || this.field !== "") throw new CsvSyntaxError(this.line, "a quote inside an unquoted field (quote the whole field and double its quotes)");
        this.quoted = true; this.fieldStarted = true; i++;
        continue;
      }
      if (c === ",") { this.fields.push(this.field); this.field = ""; this.fieldStarted = false; i++; continue; }
      if (c === "\r" || c === "\n") {
        if (c === "\r" && i + 1 >= n && !final) break; // CR LF split across chunks
        this.endRecord(out);
        i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
        this.line++; this.recordLine = this.line;
        continue;
      }
      let j = i + 1;
      while (j < n) { const d = text.charCodeAt(j); if (d === 44 || d === 34 || d === 13 || d === 10) break; j++; }
      this.field += text.slice(i, j); this.fieldStarted = true; i = j;
    }
    this.carry = text.slice(i);
    return out;
  }
}

export function parseCsv(text: string): CsvRecord[] {
  const reader = new CsvReader();
  const records = reader.push(text);
  for (const r of reader.end()) records.push(r);
  return records;
}

/** Undoes lib/csv.ts's formula guard: one ' before (more ' and then) =, +, -, @, tab or CR was added on export. */
export function unneutraliseFormula(text: string): string {
  return /^'(?='*[=+\-@\t\r])/.test(text) ? text.slice(1) : text;
}
