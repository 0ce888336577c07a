import { connection } from "next/server";
import { dataStamp } from "@/lib/data/export-info.ts";
import { formatIncidentDate } from "@/lib/format.ts";

/** "Data version 412, last updated 2 December 2026": on every page, so a reader can tell whether what they see changed. */
export async function DataStampLine() {
  await connection(); // read at request time, never at build time
  let stamp;
  try { stamp = await dataStamp(); } catch { return null; } // an outage is said by the page itself, not the footer
  if (!stamp) return null;
  return (
    <span data-stamp={stamp.version}>
      {" "}Data version {stamp.version}, last updated {formatIncidentDate(stamp.changedAt, "day")}. See <a href="/changes">recent changes</a> or follow them in the <a href="/feed.xml">Atom feed</a>.
    </span>
  );
}
