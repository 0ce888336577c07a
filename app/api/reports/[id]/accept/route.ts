// POST /api/reports/<id>/accept (editors): { candidate, incidentId | null, facts: { figures, attributions },
// corrections?, incident?, revision?, source? } -> 200 { incidentId, revision }. One transaction;
// 400 naming each problem, 404 for an unknown report or incident, 409 when the incident changed
// since the editor's review (revision) or a fact was accepted already. A failure writes nothing.
import { requireEditor } from "@/lib/auth/guard.ts";
import { db } from "@/lib/server/db.ts";
import { withApiErrors } from "@/lib/server/api-errors.ts";
import { AcceptError, acceptCandidate, parseAcceptRequest } from "@/lib/write/accept.ts";
import { BodyTooLargeError, readBodyCapped } from "@/lib/write/request-body.ts";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };

export const POST = withApiErrors(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const editor = await requireEditor(request);
  if (editor instanceof Response) return editor;
  const { id } = await params;
  try {
    if (!/^[0-9a-f]{12}$/.test(id)) throw new AcceptError(404, [{ field: "report", message: `no report ${id}` }]);
    if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json")) {
      throw new AcceptError(400, [{ field: "content-type", message: "send application/json" }]);
    }
    let body: unknown;
    try { body = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(await readBodyCapped(request, 256 * 1024))); } catch (e) {
      if (e instanceof BodyTooLargeError) throw new AcceptError(400, [{ field: "body", message: e.message }]);
      throw new AcceptError(400, [{ field: "body", message: "is not valid JSON" }]);
    }
    const { incidentId, revision } = await acceptCandidate(db(), id, parseAcceptRequest(body), editor);
    return Response.json({ incidentId, revision }, { headers: noStore });
  } catch (e) {
    if (e instanceof AcceptError) {
      const error = { 400: "invalid accept", 404: "not found", 409: "conflict" }[e.status];
      return Response.json({ error, problems: e.problems }, { status: e.status, headers: noStore });
    }
    throw e;
  }
});
