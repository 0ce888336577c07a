// Cross-site request refusal for every write. Browsers send Origin on every cross-origin POST
// (and Sec-Fetch-Site on all of them), so a form or script on another site is recognised
// and refused even before the SameSite=Lax cookie would be withheld. A request with neither
// header comes from a script (curl), which must carry the session cookie all the same.

/** The origins this server answers as: its own Host (and the forwarded one), plus BETTER_AUTH_URL. */
export function allowedOrigins(headers: Headers, requestUrl: string, publicUrl: string | undefined = process.env.BETTER_AUTH_URL): Set<string> {
  const out = new Set<string>();
  try { out.add(new URL(requestUrl).origin); } catch { /* a relative URL has no origin */ }
  const host = headers.get("host");
  if (host) { out.add(`http://${host}`); out.add(`https://${host}`); }
  if (publicUrl) { try { out.add(new URL(publicUrl).origin); } catch { /* checked at start-up */ } }
  return out;
}

/** Null when the request may write; otherwise why not. */
export function crossSiteProblem(headers: Headers, requestUrl: string, publicUrl?: string): string | null {
  const site = headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return `cross-site request refused (Sec-Fetch-Site: ${site})`;
  const origin = headers.get("origin");
  if (origin === null) return null;
  if (origin === "null" || !allowedOrigins(headers, requestUrl, publicUrl).has(origin)) return `cross-site request refused (Origin ${origin} is not this site)`;
  return null;
}
