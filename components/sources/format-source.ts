// How a source is named in a citation, shared by every page that cites one.
import { formatIncidentDate } from "@/lib/format.ts";

/** "2024-05", as a source gives it, shown as "May 2024". */
export function formatPublished(publishedOn: string | null): string | null {
  if (!publishedOn) return null;
  const precision = publishedOn.length === 4 ? "year" : publishedOn.length === 7 ? "month" : "day";
  const [y, m = "01", d = "01"] = publishedOn.split("-");
  return formatIncidentDate(new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))), precision);
}

/** The short name a citation shows: the publisher and date, or the title when there is no publisher. */
export function citationLabel(s: { title: string; publisher: string | null; publishedOn: string | null }): string {
  const who = s.publisher ?? s.title;
  const when = formatPublished(s.publishedOn);
  return when ? `${who}, ${when}` : who;
}
