// better-auth's own endpoints, among them POST /api/auth/sign-in/email ({ email, password }),
// which sets the session cookie. Sign-up is disabled in lib/auth/auth.ts.
import { serverAuth } from "@/lib/auth/server.ts";
import { crossSiteProblem } from "@/lib/auth/origin.ts";

export const dynamic = "force-dynamic";

async function handle(request: Request): Promise<Response> {
  // better-auth checks Origin on its own cookie-carrying POSTs; this also covers the ones it lets through.
  if (request.method !== "GET") {
    const problem = crossSiteProblem(request.headers, request.url);
    if (problem) return Response.json({ error: "forbidden", message: problem }, { status: 403 });
  }
  return (await serverAuth()).handler(request);
}

export const GET = handle;
export const POST = handle;
