// Display helpers shared by pages, tables and the CSV export.

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** A date shown only as precisely as it is known: "6 October 2024", "October 2024" or "2024". */
export function formatIncidentDate(date: Date, precision: "day" | "month" | "year"): string {
  const y = date.getUTCFullYear();
  if (precision === "year") return String(y);
  const m = MONTHS[date.getUTCMonth()];
  return precision === "month" ? `${m} ${y}` : `${date.getUTCDate()} ${m} ${y}`;
}

/** The ISO form at the stated precision: 2024-10-06, 2024-10 or 2024. */
export function isoPartialDate(date: Date, precision: "day" | "month" | "year"): string {
  return date.toISOString().slice(0, { day: 10, month: 7, year: 4 }[precision]);
}

/** Unknown stays visibly unknown: never shown as 0. */
export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? "unknown" : n.toLocaleString("en-GB");
}
