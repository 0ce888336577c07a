import "server-only";
// Who may write. Every write endpoint calls requireEditor first: a cross-site request is
// refused (403), no session is 401, a session without an editing role 403, and nothing is
// read from the body before that. Editor pages call editorPageUser and send anyone else to sign in.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { canEdit, type Role } from "./roles.ts";
import { crossSiteProblem } from "./origin.ts";
import { serverAuth } from "./server.ts";

export type Editor = { id: string; email: string; name: string; role: Role };

async function sessionUser(h: Headers): Promise<(Editor & { banned?: boolean | null }) | null> {
  const auth = await serverAuth();
  const session = await auth.api.getSession({ headers: h });
  if (!session) return null;
  const u = session.user as typeof session.user & { role?: string | null; banned?: boolean | null };
  return { id: u.id, email: u.email, name: u.name, role: (u.role ?? "editor") as Role, banned: u.banned };
}

const refuse = (status: 401 | 403, error: string, message: string) =>
  Response.json({ error, message }, { status, headers: { "Cache-Control": "no-store" } });

/** The editor behind a write request, or the response refusing it. */
export async function requireEditor(request: Request): Promise<Editor | Response> {
  const crossSite = crossSiteProblem(request.headers, request.url);
  if (crossSite) return refuse(403, "forbidden", crossSite);
  const user = await sessionUser(request.headers);
  if (!user) return refuse(401, "unauthorized", "Sign in as an editor: POST /api/auth/sign-in/email with {\"email\", \"password\"}.");
  if (!canEdit(user)) return refuse(403, "forbidden", "This account may not change the record.");
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** The signed-in editor for a page, or a redirect to the sign-in page that comes back here. */
export async function editorPageUser(returnTo: string): Promise<Editor> {
  const user = await sessionUser(await headers());
  if (!user || !canEdit(user)) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** The signed-in editor if any (for showing "signed in as" in pages readers also see). */
export async function currentEditor(): Promise<Editor | null> {
  const user = await sessionUser(await headers());
  return user && canEdit(user) ? { id: user.id, email: user.email, name: user.name, role: user.role } : null;
}
