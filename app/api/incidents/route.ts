import { withApiErrors } from "@/lib/server/api-errors.ts";
import { parseFilters } from "@/lib/filters.ts";
import { knownSlugs } from "@/lib/data/known-slugs.ts";
import { incidentTablePage } from "@/lib/data/incident-table.ts";

// Reads the database on every request, never at build time.
export const dynamic = "force-dynamic";

/**
 * GET /api/incidents?<filters>: one page of the table's rows as JSON. Takes the same query
 * parameters as /incidents. Where the page shows a notice and ignores a bad parameter, an API
 * client is better served by a 400 naming it than by an answer to a question it did not ask.
 */
export const GET = withApiErrors(async (request: Request) => {
  const { filters, problems } = parseFilters(new URL(request.url).searchParams, await knownSlugs());
  if (problems.length) return Response.json({ error: "invalid query", problems }, { status: 400 });
  const { total, page, pageSize, incidents } = await incidentTablePage(filters);
  return Response.json({ total, page, pageSize, incidents }, { headers: { "Cache-Control": "no-store" } });
});
