// Dates in a report, resolved against its publication date, with their precision.
import * as chrono from "chrono-node";
import type { DatePrecision, Evidence } from "./types.ts";

export interface FoundDate {
  date: string; // "2024-03-26" | "2024-03" | "2024"
  precision: DatePrecision;
  /** Days before publication (by the earliest day the date can denote); negative for the future. */
  ageDays: number;
  /** A relative expression ("on Tuesday", "yesterday") rather than a written date. */
  relative: boolean;
  evidence: Evidence;
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const pad = (n: number) => String(n).padStart(2, "0");

function parsePublished(published: string): { y: number; m: number; d: number; instant: Date } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(published);
  if (!m) throw new Error(`published must be YYYY-MM-DD, got ${published}`);
  return { y: +m[1], m: +m[2], d: +m[3], instant: new Date(`${published}T12:00:00Z`) };
}

const dayNumber = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000;

/** Every date expression in text[from, to), in order. */
export function findDates(text: string, published: string, from = 0, to = text.length): FoundDate[] {
  const pub = parsePublished(published);
  const pubDay = dayNumber(pub.y, pub.m, pub.d);
  const out: FoundDate[] = [];
  const taken: [number, number][] = [];
  const add = (start: number, end: number, y: number, m: number | null, d: number | null, relative: boolean) => {
    if (taken.some(([s, e]) => start < e && end > s)) return;
    // A month or weekday with no year that lands after publication means last year's (last week's).
    if (d != null && m != null && dayNumber(y, m, d) > pubDay && !relative && !/\d{4}/.test(text.slice(start, end))) y -= 1;
    if (m != null && d == null && (y > pub.y || (y === pub.y && m > pub.m)) && !/\d{4}/.test(text.slice(start, end))) y -= 1;
    const precision: DatePrecision = d != null ? "day" : m != null ? "month" : "year";
    const date = precision === "day" ? `${y}-${pad(m!)}-${pad(d!)}` : precision === "month" ? `${y}-${pad(m!)}` : `${y}`;
    const ageDays = pubDay - dayNumber(y, m ?? 1, d ?? 1);
    taken.push([start, end]);
    out.push({ date, precision, ageDays, relative, evidence: { start, end, quote: text.slice(start, end) } });
  };

  const slice = text.slice(from, to);
  // chrono reads "in October of last year" as this October: read it first.
  for (const m of slice.matchAll(/\b(?:in|last|during)\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+(?:of\s+)?(last|this)\s+year\b/gi)) {
    const y = m[2].toLowerCase() === "last" ? pub.y - 1 : pub.y;
    add(from + m.index, from + m.index + m[0].length, y, MONTHS.indexOf(m[1].toLowerCase()) + 1, null, true);
  }
  // chrono costs about a millisecond a sentence: only sentences that could hold a date go to it.
  const maybe = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b|\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b|\b(?:yesterday|today|tonight|ago|last|this|earlier|week|weekend|month|year)\b|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}/i.test(slice);
  for (const r of maybe ? chrono.parse(slice, { instant: pub.instant, timezone: 0 }, { forwardDate: false }) : []) {
    // The public isCertain() tells a written day from one chrono filled in.
    const c = (k: "year" | "month" | "day" | "weekday") => (r.start.isCertain(k) ? 1 : null);
    const known = { year: c("year"), month: c("month"), day: c("day"), weekday: c("weekday") };
    const t = r.text.replace(/[\s,;:.]+$/, "");
    if (/^\d+$/.test(t.trim())) continue;
    // Times of day alone ("at 8:40 am", "late on") say nothing of the date.
    if (known.year == null && known.month == null && known.day == null && known.weekday == null) continue;
    // "may" the verb, "march" the verb: months in lower case are not dates.
    if (/^(?:may|march)$/.test(t.trim())) continue;
    // "the next day", "the following week": a sequence within the story, not a date.
    if (/\b(?:next|following|tomorrow|coming|later)\b/i.test(t)) continue;
    const start = from + r.index;
    const end = start + t.length;
    const relative = known.day == null && known.month == null && known.year == null || /\b(?:yesterday|today|tonight|last|this|ago|earlier)\b/i.test(t) || known.weekday != null && known.day == null;
    let y = r.start.get("year")!, m: number | null = r.start.get("month")!, d: number | null = r.start.get("day")!;
    if (known.weekday != null && known.day == null) {
      // "on Tuesday" in a report is the Tuesday before publication, or publication day itself.
      const diff = dayNumber(y, m, d) - pubDay;
      if (diff > 0) { const back = new Date(Date.UTC(y, m - 1, d - 7)); y = back.getUTCFullYear(); m = back.getUTCMonth() + 1; d = back.getUTCDate(); }
    } else if (/\blast year\b/i.test(t) && known.month == null) { m = null; d = null; }
    else if (/\blast month\b/i.test(t) && known.day == null) { d = null; }
    else if (known.day == null && known.weekday == null) {
      d = null;
      if (known.month == null) m = null;
    }
    add(start, end, y, m, d, relative);
  }
  // chrono does not read a bare year ("in 2021", "since 2017").
  for (const m of slice.matchAll(/\b(?:in|during|of|since|from|by|early|late|mid-?)\s*((?:19|20)\d\d)\b(?!\s*(?:-|–)\s*\d)/gi)) {
    const s = from + m.index + m[0].indexOf(m[1]);
    add(s, s + 4, +m[1], null, null, false);
  }
  return out.sort((a, b) => a.evidence.start - b.evidence.start);
}
