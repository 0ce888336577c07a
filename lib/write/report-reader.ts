// The one place the editors' side calls the report reader (lib/ingest, issue 13). Kept to a
// single function so the reader can be swapped in or out without touching the routes or pages.
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { Candidate } from "./candidate.ts";
import type { ReportFormat, ReportMeta } from "./report-input.ts";

/** The reader is not part of this build: answer 503, store nothing. */
export class ReportReaderUnavailableError extends Error {
  constructor() {
    super("The report reader (lib/ingest, issue 13) is not part of this build, so reports cannot be read yet. Nothing was stored.");
  }
}

/** A problem with the file itself that the reader found (unreadable PDF, over its limits): 400. */
export class ReportUnreadableError extends Error {}

export type ReadReport = { text: string; sha256: string; candidates: Candidate[] };

/**
 * Extracts the text of an uploaded or pasted report and proposes its candidates against the
 * record. Offsets in the candidates refer to the returned text.
 */
export async function readReportForReview(_prisma: PrismaClient, _input: { bytes: Uint8Array; format: ReportFormat }, _meta: ReportMeta): Promise<ReadReport> {
  throw new ReportReaderUnavailableError();
}
