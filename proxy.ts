// Runs before every page and API request: a fresh nonce per request for a strict
// Content-Security-Policy. Next.js reads the policy from the request headers and puts the
// nonce on its own scripts, so only scripts the server rendered can run; injected markup
// (a malicious summary in the data, say) cannot execute even if it ever escaped React's escaping.
import { NextResponse, type NextRequest } from "next/server";
import { fromHttpCache, internalNonce } from "./lib/server/http-cache.ts";

export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Charts set inline style attributes on SVG; styles cannot run code, so they are allowed.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** True when the path's percent-encoding does not decode (%zz, a truncated %E0%A4%A, %). */
export function malformedPath(pathname: string): boolean {
  try { decodeURIComponent(pathname); return false; } catch { return true; }
}

export async function proxy(request: NextRequest) {
  // Next.js decodes a dynamic segment (/incidents/[id]) after this proxy and answers a bad
  // encoding with a bare 500; refuse such an address here as the client's error it is.
  if (malformedPath(request.nextUrl.pathname)) {
    const message = "The address is not valid: its percent-encoding (%xx) is malformed.";
    return request.nextUrl.pathname.startsWith("/api/")
      ? Response.json({ error: "invalid path", message }, { status: 400, headers: { "Cache-Control": "no-store" } })
      : new Response(message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
  const dev = process.env.NODE_ENV === "development";
  const nonce = internalNonce(request) ?? Buffer.from(crypto.randomUUID()).toString("base64");
  // HTTP cache (lib/server/http-cache.ts): 304s and stored answers, each with a fresh nonce.
  const cached = dev ? { kind: "pass" as const } : await fromHttpCache(request, nonce, (n) => contentSecurityPolicy(n, false));
  if (cached.kind === "response") return cached.response;
  const policy = contentSecurityPolicy(nonce, dev);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (cached.cacheControl) response.headers.set("Cache-Control", cached.cacheControl);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|icon.svg).*)" }],
};
