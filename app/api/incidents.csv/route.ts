import { withApiErrors } from "@/lib/server/api-errors.ts";
import { parseFilters } from "@/lib/filters.ts";
import { knownSlugs } from "@/lib/data/known-slugs.ts";
import { exportFilename, incidentCsvStream } from "@/lib/data/incident-export.ts";
import { dataStamp } from "@/lib/data/export-info.ts";

// Reads the database on every request, never at build time.
export const dynamic = "force-dynamic";

/**
 * GET /api/incidents.csv?<filters>: every matching incident, all pages, in the requested
 * order, streamed as it is read (see incident-export.ts). page and pageSize are ignored.
 */
export const GET = withApiErrors(async (request: Request) => {
  const { filters, problems } = parseFilters(new URL(request.url).searchParams, await knownSlugs());
  if (problems.length) return Response.json({ error: "invalid query", problems }, { status: 400 });
  const stamp = await dataStamp();
  return new Response(incidentCsvStream(filters), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFilename(filters, new Date(), stamp?.version)}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
