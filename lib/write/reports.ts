// Storing a report handed in for review: its text exactly as extracted, sha256, who and when,
// and the candidates the reader proposed. This is the editors' workspace, not the record:
// nothing here is shown to readers, and nothing enters the record before an accept.
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { candidatesSchema, type Candidate } from "./candidate.ts";
import type { ReportFormat, ReportMeta } from "./report-input.ts";
import type { ReadReport } from "./report-reader.ts";

export async function storeReport(prisma: PrismaClient, read: ReadReport, meta: ReportMeta, format: ReportFormat, userId: string | null): Promise<{ id: string; candidates: Candidate[] }> {
  const candidates = candidatesSchema.parse(read.candidates);
  const id = randomBytes(6).toString("hex");
  await prisma.report.create({
    data: {
      id, sha256: read.sha256, text: read.text, format, title: meta.title ?? null, publisher: meta.publisher ?? null, url: meta.url ?? null,
      publishedOn: meta.published, candidates, userId,
    },
  });
  return { id, candidates };
}
