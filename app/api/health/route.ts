// GET /api/health: the process is up and serving (liveness). Touches nothing else, so a
// database outage does not get healthy instances restarted; /api/ready covers the database.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
