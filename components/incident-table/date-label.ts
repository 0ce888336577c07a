// A date no more precise than it is known: "6 Oct 2024", "October 2024" or "2024". A month
// written in full marks a month-only date at a glance, beside the short form of exact days.
const SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const LONG = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** From the ISO partial date the data layer gives (2024-10-06, 2024-10 or 2024). */
export function dateLabel(iso: string, precision: "day" | "month" | "year"): string {
  const [y, m, d] = iso.split("-").map(Number);
  if (precision === "year" || !m) return String(y);
  if (precision === "month" || !d) return `${LONG[m - 1]} ${y}`;
  return `${d} ${SHORT[m - 1]} ${y}`;
}
