// The rules every source record in seed/data/sources*.json keeps (issue 11, "Sources"):
// a news report carries its date unless its note says why it cannot; a mirror, forum or
// blog copy is cited only when the note says the original is unavailable; a title reads
// as a headline, not as a URL slug; a date agrees with the one the URL's path names.
// The files are read directly (not through the loader) so the rules hold for every file
// that will ever match the name, whoever adds it.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

type Source = { id: string; kind: string; title: string; publishedOn: string | null; url: string | null; note: string | null };

const DATA_DIR = join(import.meta.dirname, "data");
const sources: (Source & { file: string })[] = readdirSync(DATA_DIR)
  .filter((f) => /^sources.*\.json$/.test(f))
  .sort()
  .flatMap((file) => (JSON.parse(readFileSync(join(DATA_DIR, file), "utf8")) as Source[]).map((s) => ({ ...s, file })));

/** Hosts that republish other publishers' reports: forums, blogs, scrapers and mirror sites. */
const MIRROR_HOSTS = [
  "blogspot.com", "wordpress.com", "freerepublic.com", "defence.pk", "defenceforumindia.com",
  "pakdiscussion.com", "rantburg.com", "dijitaliptv.com", "odvt.org", "xb824.com", "yuzhongnet.com",
  "ttef.in", "eurasia.ro", "foreignpolicyblogs.com", "substack.com",
];

// A note explains a missing date when it says the page shows none, that no copy dating it
// was found, or that the page's own date is wrong.
const DATE_REASON = /no (publication )?date|date (is )?not shown|shows no date|not dated|undated|wrongly dated/i;
// A note excuses a mirror when it says the original could not be had.
const ORIGINAL_UNAVAILABLE = /\boriginal\b[^;]{0,120}?\b(not available|unavailable|not (been )?found|not identified)\b|no original is available/i;

function hostOf(url: string): string {
  return new URL(url).hostname.toLowerCase().replace(/^www\./, "");
}

/** Why a record breaks a rule, or null when it keeps them all. */
function problemsOf(s: Source): string[] {
  const out: string[] = [];
  if (s.kind === "news" && !s.publishedOn && !DATE_REASON.test(s.note ?? "")) {
    out.push("news source without a date, and its note does not say why");
  }
  if (s.url) {
    const host = hostOf(s.url);
    const mirror = MIRROR_HOSTS.find((m) => host === m || host.endsWith(`.${m}`));
    if (mirror && !ORIGINAL_UNAVAILABLE.test(s.note ?? "")) {
      out.push(`cites ${mirror}, a mirror or forum host, and its note does not say the original is unavailable`);
    }
  }
  if (looksLikeSlug(s.title)) out.push(`title "${s.title}" looks like a URL slug`);
  const inUrl = s.url ? dateInUrl(s.url) : null;
  if (inUrl && s.publishedOn && !inUrl.startsWith(s.publishedOn) && !/wrongly dated/i.test(s.note ?? "")) {
    out.push(`publishedOn ${s.publishedOn} disagrees with the date ${inUrl} in its URL`);
  }
  return out;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
/** The day a URL's path names (/2012/07/23/, /2004-05/04/, /15-Dec-2020/), if it names one. */
function dateInUrl(url: string): string | null {
  const path = new URL(url).pathname;
  const ymd = /\/((?:19|20)\d\d)[/-](\d\d)\/(\d\d)\//.exec(path);
  if (ymd) return `${ymd[1]}-${ymd[2]}-${ymd[3]}`;
  const dmy = /\/(\d\d)-([A-Za-z]{3})-((?:19|20)\d\d)\//.exec(path);
  const month = dmy ? MONTHS.indexOf(dmy[2].toLowerCase()) + 1 : 0;
  return dmy && month ? `${dmy[3]}-${String(month).padStart(2, "0")}-${dmy[1]}` : null;
}

function looksLikeSlug(title: string): boolean {
  const t = title.trim();
  if (!/\s/.test(t) && /[-_]/.test(t)) return true; // one hyphen- or underscore-joined word
  if (/%[0-9a-f]{2}/i.test(t) || /\.(html?|aspx?|php|stm)\b/i.test(t)) return true; // escapes, file endings
  if (/\b[a-z0-9]+(?:[-_][a-z0-9]+){3,}\b/i.test(t)) return true; // four or more words joined by hyphens
  // A headline has capitals somewhere; a slug turned back into words has none.
  return /[a-z]/.test(t) && t === t.toLowerCase() && t.split(/\s+/).length >= 3;
}

describe("the source rules", () => {
  const base: Source = {
    id: "x", kind: "news", title: "Chinese engineers attacked in Gwadar", publishedOn: "2023-08-13",
    url: "https://www.dawn.com/news/1", note: null,
  };

  it("accept a dated news report from its publisher", () => {
    expect(problemsOf(base)).toEqual([]);
  });

  it("reject a news report without a date unless the note says why", () => {
    expect(problemsOf({ ...base, publishedOn: null })).toHaveLength(1);
    expect(problemsOf({ ...base, publishedOn: null, note: "The stored copy of the page shows no publication date." })).toEqual([]);
    expect(problemsOf({ ...base, kind: "report", publishedOn: null })).toEqual([]);
  });

  it("reject a mirror or forum copy unless the note says the original is unavailable", () => {
    for (const url of ["http://www.dijitaliptv.com/node/2613399/amp", "https://ateosis.blogspot.com/2007/07/x.html", "https://pdf.defence.pk/threads/x.1/"]) {
      expect(problemsOf({ ...base, url })).toHaveLength(1);
      expect(problemsOf({ ...base, url, note: "Forum repost; the original page is not available in the search corpus." })).toEqual([]);
    }
    // A host that merely ends in the same letters is not the mirror.
    expect(problemsOf({ ...base, url: "https://notdefence.pk/news/1" })).toEqual([]);
  });

  it("reject a date that disagrees with the one in the URL, unless the page is known to be wrongly dated", () => {
    const url = "https://www.pakistantoday.com.pk/2014/05/20/ttp-claims-abduction/";
    expect(problemsOf({ ...base, url, publishedOn: "2014-05-20" })).toEqual([]);
    expect(problemsOf({ ...base, url, publishedOn: "2014-05" })).toEqual([]);
    expect(problemsOf({ ...base, url, publishedOn: "2014-06-20" })).toHaveLength(1);
    expect(problemsOf({ ...base, url: "https://en.dailypakistan.com.pk/15-Dec-2020/bomb-defused", publishedOn: "2020-12-16" })).toHaveLength(1);
    expect(problemsOf({ ...base, url, publishedOn: "2007-07", note: "The page is wrongly dated." })).toEqual([]);
  });

  it("reject titles that look like URL slugs", () => {
    for (const title of ["taliban-claim-kidnap-of-two-chinese", "pakistan_blast_kills", "story_3871898.asp", "car bomb kills three chinese in pakistan", "2-chinese-nationals-shot-at-by-pak-guard"]) {
      expect(looksLikeSlug(title)).toBe(true);
    }
    for (const title of ["Lashkar-e-Balochistan claims responsibility of Karachi blast", "Remote-controlled explosion targets Chinese engineer in Karachi's Gulshan-i-Hadeed", "دالبندین ،چینی انجینیئرز کی بس پر خود کش حملہ", "Pak kidnappers borrow Iraq hostage tactic"]) {
      expect(looksLikeSlug(title)).toBe(false);
    }
  });
});

describe("every source record", () => {
  it("is there to check", () => {
    expect(sources.length).toBeGreaterThan(150);
  });

  it("keeps the rules", () => {
    const broken = sources.flatMap((s) => problemsOf(s).map((p) => `${s.file} ${s.id}: ${p}`));
    expect(broken).toEqual([]);
  });

  it("cites a mirror only where its note says so, and the mirrors replaced stay replaced", () => {
    const onMirrors = sources.filter((s) => s.url && MIRROR_HOSTS.some((m) => hostOf(s.url!) === m || hostOf(s.url!).endsWith(`.${m}`)));
    // The Arab News and DW reports were cited through dijitaliptv.com and odvt.org until the originals were found.
    expect(onMirrors.map((s) => hostOf(s.url!))).not.toContain("dijitaliptv.com");
    expect(onMirrors.map((s) => hostOf(s.url!))).not.toContain("odvt.org");
    expect(onMirrors.filter((s) => !ORIGINAL_UNAVAILABLE.test(s.note ?? "")).map((s) => s.id)).toEqual([]);
  });

  it("has a unique id", () => {
    const ids = sources.map((s) => s.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});
