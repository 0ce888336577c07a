// The report reader (issue 13): read a report, propose the incidents it describes, every
// fact tied to the span of text that states it. No UI or framework dependency; offline.
import { extractText, type InputType } from "./input.ts";
import { readReport } from "./read.ts";
import type { DocumentMeta, IngestResult, Reference } from "./types.ts";

export { extractText, inputTypeOf, IngestInputError, MAX_INPUT_BYTES, MAX_TEXT_CHARS, PDF_TIME_LIMIT_MS, type InputType } from "./input.ts";
export { readReport } from "./read.ts";
export type * from "./types.ts";

/** Extract the text of a file's bytes and read it; offsets refer to the extracted text, returned too. */
export async function ingest(bytes: Uint8Array, type: InputType, meta: DocumentMeta, ref: Reference): Promise<IngestResult & { text: string }> {
  const text = await extractText(bytes, type);
  return { ...readReport(text, meta, ref), text };
}
