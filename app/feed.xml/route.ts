// GET /feed.xml?<filters>: an Atom feed of the incidents added or changed most recently, under
// the same query parameters as every page (parsed by lib/filters.ts), each entry linking to
// its incident. A bad parameter is a 400 naming it, as on the JSON API.
import { parseFilters } from "@/lib/filters.ts";
import { filtersToSearchParams } from "@/lib/incident-model.ts";
import { knownSlugs } from "@/lib/data/known-slugs.ts";
import { feedEntries } from "@/lib/data/feed.ts";
import { formatIncidentDate } from "@/lib/format.ts";
import { withApiErrors } from "@/lib/server/api-errors.ts";
import { ATTACK_TYPES, PROVINCES } from "@/lib/vocab.ts";
import { atomDocument } from "./atom.ts";

export const dynamic = "force-dynamic";

export const GET = withApiErrors(async (request: Request) => {
  const url = new URL(request.url);
  const { filters, problems } = parseFilters(url.searchParams, await knownSlugs());
  if (problems.length) return Response.json({ error: "invalid query", problems }, { status: 400 });
  // The address readers reach this site by: BETTER_AUTH_URL when set, else the request's own
  // Host (Next reports request.url on its bind address, which may be "localhost").
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const proto = request.headers.get("x-forwarded-proto") ?? url.protocol.replace(":", "");
  const base = (process.env.BETTER_AUTH_URL || (host && /^[\w.:[\]-]+$/.test(host) ? `${proto === "https" ? "https" : "http"}://${host}` : url.origin)).replace(/\/+$/, "");
  const query = filtersToSearchParams(filters).toString();
  const entries = await feedEntries(filters);
  const xml = atomDocument({
    id: `${base}/feed.xml${query ? `?${query}` : ""}`,
    title: `Corridor Watch: new and changed incidents${query ? " (filtered)" : ""}`,
    subtitle: "Attacks on Chinese nationals and Chinese-linked interests in Pakistan, every figure traced to its sources.",
    selfLink: `${base}/feed.xml${query ? `?${query}` : ""}`,
    alternateLink: `${base}/changes`,
    updated: entries.reduce((d, e) => (e.updated > d ? e.updated : d), new Date(0)),
    author: "Corridor Watch",
    entries: entries.map((e) => {
      const place = e.city ? `${e.city}, ${PROVINCES[e.province as keyof typeof PROVINCES]}` : PROVINCES[e.province as keyof typeof PROVINCES];
      return {
        id: `${base}/incidents/${e.id}`,
        title: `${ATTACK_TYPES[e.attackType as keyof typeof ATTACK_TYPES]}, ${place}, ${formatIncidentDate(e.date, e.datePrecision)}`,
        link: `${base}/incidents/${e.id}`,
        updated: e.updated,
        published: e.published,
        author: e.actor,
        categories: [e.province, e.attackType],
        summary: `${e.change}. ${e.summary}`,
      };
    }),
  });
  return new Response(xml, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "no-store" } });
});
