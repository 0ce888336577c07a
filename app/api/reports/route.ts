// POST /api/reports (editors): a report to review, as JSON { text, published, title?, publisher?, url? }
// or multipart/form-data with `file` (.txt, .html, .pdf) and the same fields. Answers 201
// { id, candidates } in the shape `npm run ingest -- --format json` prints. Stores the report only.
import { requireEditor } from "@/lib/auth/guard.ts";
import { db } from "@/lib/server/db.ts";
import { ingestReference } from "@/lib/data/ingest-reference.ts";
import { withApiErrors } from "@/lib/server/api-errors.ts";
import { MAX_UPLOAD_BYTES, ReportInputError, parsePastedReport, parseReportMeta, sniffFormat, type ReportFormat, type ReportMeta } from "@/lib/write/report-input.ts";
import { ReportReaderUnavailableError, ReportUnreadableError, readReportForReview } from "@/lib/write/report-reader.ts";
import { storeReport } from "@/lib/write/reports.ts";
import { BodyTooLargeError, readBodyCapped } from "@/lib/write/request-body.ts";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };
const problem = (status: number, error: string, problems: { field: string; message: string }[]) => Response.json({ error, problems }, { status, headers: noStore });

export const POST = withApiErrors(async (request: Request) => {
  const editor = await requireEditor(request);
  if (editor instanceof Response) return editor;
  try {
    const contentType = request.headers.get("content-type") ?? "";
    const type = contentType.toLowerCase(); // for matching only: the multipart boundary is case-sensitive
    let bytes: Uint8Array;
    let format: ReportFormat;
    let meta: ReportMeta;
    const body = await readBodyCapped(request, MAX_UPLOAD_BYTES + 64 * 1024);
    if (type.startsWith("application/json")) {
      let json: unknown;
      try { json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body)); } catch { return problem(400, "invalid report", [{ field: "body", message: "is not valid JSON" }]); }
      const pasted = parsePastedReport(json);
      const { text, ...rest } = pasted;
      meta = rest;
      bytes = new TextEncoder().encode(text);
      format = "txt";
    } else if (type.startsWith("multipart/form-data")) {
      let form: FormData;
      try { form = await new Response(body as BodyInit, { headers: { "content-type": contentType } }).formData(); } catch { return problem(400, "invalid report", [{ field: "body", message: "is not a readable multipart form" }]); }
      const file = form.get("file");
      if (!(file instanceof File)) return problem(400, "invalid report", [{ field: "file", message: "is missing: attach a .txt, .html or .pdf file as `file`" }]);
      const field = (k: string) => { const v = form.get(k); return typeof v === "string" ? v : undefined; };
      meta = parseReportMeta({ published: field("published"), title: field("title"), publisher: field("publisher"), url: field("url") });
      bytes = new Uint8Array(await file.arrayBuffer());
      format = sniffFormat(bytes, file.name);
    } else {
      return problem(415, "unsupported media type", [{ field: "content-type", message: "send application/json or multipart/form-data" }]);
    }
    const read = await readReportForReview({ bytes, format }, meta, await ingestReference(db()));
    const stored = await storeReport(db(), read, meta, format, editor.id);
    return Response.json(stored, { status: 201, headers: { ...noStore, Location: `/review/${stored.id}` } });
  } catch (e) {
    if (e instanceof BodyTooLargeError) return problem(413, "too large", [{ field: "file", message: `is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB` }]);
    if (e instanceof ReportInputError) return problem(e.status, "invalid report", e.problems);
    if (e instanceof ReportUnreadableError) return problem(400, "unreadable report", [{ field: "file", message: e.message }]);
    if (e instanceof ReportReaderUnavailableError) return Response.json({ error: "reader unavailable", message: e.message }, { status: 503, headers: { ...noStore, "Retry-After": "3600" } });
    throw e;
  }
});
