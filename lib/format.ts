// Display helpers shared by pages, tables and the CSV export.
import { MONTHS, MONTHS_SHORT, type DatePrecision } from "./vocab.ts";

/**
 * A date shown only as precisely as it is known: "6 October 2024", "October 2024" or "2024";
 * short: "6 Oct 2024" for an exact day (a month written in full then marks a month-only date
 * at a glance). Takes a Date or the ISO partial date the data layer gives (2024-10-06, 2024-10, 2024).
 */
export function formatIncidentDate(date: Date | string, precision: DatePrecision, { short = false }: { short?: boolean } = {}): string {
  const [y, m, d] = typeof date === "string"
    ? date.split("-").map(Number)
    : [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  if (precision === "year" || !m) return String(y);
  if (precision === "month" || !d) return `${MONTHS[m - 1]} ${y}`;
  return `${d} ${(short ? MONTHS_SHORT : MONTHS)[m - 1]} ${y}`;
}

/** The ISO form at the stated precision: 2024-10-06, 2024-10 or 2024. */
export function isoPartialDate(date: Date, precision: DatePrecision): string {
  return date.toISOString().slice(0, { day: 10, month: 7, year: 4 }[precision]);
}

/** A range boundary that is a whole year's first day (or, for an end, its last): written as a bare year. */
export function isWholeYearBoundary(d: Date, end: boolean): boolean {
  return end ? d.getUTCMonth() === 11 && d.getUTCDate() === 31 : d.getUTCMonth() === 0 && d.getUTCDate() === 1;
}

/** Unknown stays visibly unknown: never shown as 0. */
export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? "unknown" : n.toLocaleString("en-GB");
}
