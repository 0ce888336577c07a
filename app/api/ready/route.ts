import { db } from "@/lib/server/db.ts";
import { readiness } from "@/lib/server/readiness.ts";

// GET /api/ready: 200 when the database answers and has every migration of this build, 503
// otherwise (never migrated, migrations pending, unreachable, shutting down), for load balancers.
export const dynamic = "force-dynamic";

export async function GET() {
  const r = await readiness(db());
  return Response.json({ status: r.ready ? "ready" : "not ready", ...r }, { status: r.ready ? 200 : 503, headers: { "Cache-Control": "no-store", ...(r.ready ? {} : { "Retry-After": "5" }) } });
}
