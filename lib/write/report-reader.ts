// The one place the editors' side calls the report reader (lib/ingest, issue 13), so the
// routes and pages do not depend on its internals.
import { ingest, IngestInputError, type Reference } from "../ingest/index.ts";
import { candidatesSchema, type Candidate } from "./candidate.ts";
import type { ReportFormat, ReportMeta } from "./report-input.ts";

/** The reader cannot run in this build: answer 503, store nothing. */
export class ReportReaderUnavailableError extends Error {
  constructor(detail: string) {
    super(`The report reader (lib/ingest) could not run, so the report was not read: ${detail}. Nothing was stored.`);
  }
}

/** A problem with the report itself that the reader found (no text layer, over its limits, a bad date): 400. */
export class ReportUnreadableError extends Error {}

export type ReadReport = { text: string; sha256: string; candidates: Candidate[] };

/**
 * Extracts the text of an uploaded or pasted report and proposes its candidates against the
 * record (`reference`, from lib/data/ingest-reference.ts). Offsets refer to the returned text.
 */
export async function readReportForReview(input: { bytes: Uint8Array; format: ReportFormat }, meta: ReportMeta, reference: Reference): Promise<ReadReport> {
  let result: Awaited<ReturnType<typeof ingest>>;
  try {
    result = await ingest(input.bytes, input.format, { published: meta.published, title: meta.title, publisher: meta.publisher, url: meta.url }, reference);
  } catch (e) {
    if (e instanceof IngestInputError) throw new ReportUnreadableError(e.message);
    throw new ReportReaderUnavailableError((e as Error).message.split("\n")[0]);
  }
  // The reader's output is checked against the shape the accept expects before it is stored.
  const candidates = candidatesSchema.safeParse(result.candidates);
  if (!candidates.success) throw new ReportReaderUnavailableError(`its candidates are not in the expected shape (${candidates.error.issues[0]?.path.join(".")}: ${candidates.error.issues[0]?.message})`);
  return { text: result.text, sha256: result.document.sha256, candidates: candidates.data };
}
