// Reading a report: sentences -> facts (dates, places, figures, groups, attack type,
// project) -> events (the facts about one attack) -> candidates (main or mentioned), each
// matched to the record. Deterministic and offline.
import { coordinatesOf, findPlaces, type PlaceMention } from "../geo/gazetteer.ts";
import type { Province } from "../vocab.ts";
import { ATTACK_CUE, CHINESE_CUE, FOILED, FOREIGN_PLACE, attackTypeOf, projectMatcher, type ProjectMention } from "./classify.ts";
import { findDates, type FoundDate } from "./dates.ts";
import { findFigures } from "./figures.ts";
import { findAttributions, groupMatcher, type GroupMention } from "./groups.ts";
import { matchIncident } from "./match.ts";
import { bodyEnd, splitSentences, type Sentence } from "./sentences.ts";
import type { Attribution, Candidate, DocumentMeta, Evidence, Figure, IngestResult, Reference } from "./types.ts";
import { IngestInputError, sha256 } from "./input.ts";

interface SentenceFacts {
  s: Sentence;
  attack: boolean;
  foiled: boolean;
  chinese: boolean;
  foreign: boolean;
  aggregate: boolean;
  background: boolean;
  dates: FoundDate[];
  places: PlaceMention[];
  figures: Figure[];
  attributions: Attribution[];
  projects: ProjectMention[];
}

interface Event { facts: SentenceFacts[] }

// How far back a date may lie for its event to be the report's own news rather than an
// earlier incident the report recalls.
const RECENT_DAYS = 45;

// A sentence that recalls an earlier event rather than reporting this one.
const BACKGROUND = /^\s*(?:In (?:(?:early|late|mid-?)\s*)?(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(?:19|20)\d\d\b|Earlier(?:,| this| in| last)|Last (?:year|month)|Previously|Prior to this|In a similar|In (?:an|another) (?:earlier|similar|previous)|(?:Two|Three|Four|Five|Six) (?:years|months) ago|The (?:attack|bombing|incident) (?:came|comes) (?:after|days|weeks|months)|It (?:was|is) the (?:latest|second|third|deadliest|first))/i;

// A reference-list entry or link line: a cited headline is not the report's own account.
const CITATION = /^\s*\[\d{1,3}\]|https?:\/\/|\bRetrieved from\b|\bdoi:/i;

// Security operations against militants are not attacks on Chinese interests.
const OPERATION = /\b(?:operations?|offensives?|raids?|counter-?(?:terrorism|insurgency) (?:operation|drive|campaign)|intelligence-based)\b/i;

// Totals over many attacks ("20 Chinese killed since 2021 in 14 attacks") are not an event.
const AGGREGATE = /\bsince (?:19|20)\d\d\b|\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozens of|hundreds of|several|numerous|multiple|a series of|repeated) (?:terrorist |militant |separate |fatal |major |high-profile |deadly )?(?:attacks|incidents|assaults|operations|offensives|raids)\b|\b(?:many|most|some) of (?:these|the|its) attacks\b|\bsuch attacks\b|\bso far this year\b|\bin total\b|\bover the (?:past|last) (?:\w+ )?(?:years?|decades?)\b|\bsince \w+ (?:19|20)\d\d\b/i;

export function readReport(text: string, meta: DocumentMeta, ref: Reference): IngestResult {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(meta.published) || Number.isNaN(Date.parse(`${meta.published}T00:00:00Z`)) || new Date(`${meta.published}T00:00:00Z`).toISOString().slice(0, 10) !== meta.published) {
    throw new IngestInputError(`the publication date must be a real date in the form YYYY-MM-DD, got "${meta.published}"`);
  }
  const groups = groupMatcher(ref.perpetrators);
  const projects = projectMatcher(ref.projects);
  const end = bodyEnd(text);
  const sentences = splitSentences(text, end);

  let lastGroup: GroupMention | null = null;
  const facts: SentenceFacts[] = sentences.map((s) => {
    const attack = ATTACK_CUE.test(s.text);
    const groupSpans = groups.find(text, s.start, s.end);
    // Place names inside group names ("Balochistan Liberation Army") are not places.
    const places = findPlaces(s.text)
      .map((p) => ({ ...p, start: p.start + s.start, end: p.end + s.start }))
      .filter((p) => !groupSpans.some((g) => p.start >= g.start && p.end <= g.end));
    const dates = findDates(text, meta.published, s.start, s.end);
    const figures = findFigures(text, s.start, s.end);
    const a = findAttributions(text, s.start, s.end, groups, lastGroup, attack);
    lastGroup = a.last;
    const aggregate = AGGREGATE.test(s.text) || CITATION.test(s.text)
      || /\battacks\b/i.test(s.text) && figures.length === 0 && !dates.some((d) => d.precision !== "year");
    return {
      s, attack, places, dates, attributions: a.attributions, aggregate,
      // Totals over many attacks are never one event's figures.
      figures: aggregate ? [] : figures,
      foiled: FOILED.test(s.text),
      chinese: CHINESE_CUE.test(s.text),
      foreign: FOREIGN_PLACE.test(s.text),
      background: BACKGROUND.test(s.text),
      projects: projects(text, s.start, s.end),
    };
  });

  const events = groupEvents(facts);
  const found: { c: Candidate; ageDays: number | null; background: boolean }[] = [];
  for (const e of events) {
    const c = toCandidate(e, text);
    if (c) found.push({ c, ageDays: eventDate(e.facts)?.ageDays ?? null, background: e.facts[0].background });
  }
  assignKinds(found);
  const candidates = found.map((x) => x.c);
  for (const c of candidates) c.match = matchIncident(c, ref.incidents);
  return { document: { sha256: sha256(text), chars: text.length }, candidates };
}

function eventDate(facts: SentenceFacts[]): FoundDate | null {
  for (const f of facts) {
    for (const d of f.dates) {
      if (d.ageDays < 0) continue; // a future date (a trial, a deadline) is not when it happened
      const before = f.s.text.slice(0, d.evidence.start - f.s.start);
      const after = f.s.text.slice(d.evidence.end - f.s.start, d.evidence.end - f.s.start + 20);
      if (/\b(?:since|until|by|from)\s*$/i.test(before)) continue;
      // "the April 2022 suicide bombing": a date that names the attack beats the day of a hearing.
      const named = f.dates.find((o) => o.ageDays >= 0 && /^\s*(?:suicide\s+)?(?:attack|bombing|blast|assault|shooting|kidnapping|abduction|explosion|raid|ambush)\b/i.test(f.s.text.slice(o.evidence.end - f.s.start)));
      if (named && named !== d) return named;
      // A dateline ("KARACHI, Oct 7 (Wire) -") dates the report, not the attack.
      if (/^\s*[A-Z][A-Z .]+,\s*$/.test(before) && /^\s*(?:\(|[-–—:])/.test(f.s.text.slice(d.evidence.end - f.s.start)) && f.dates.length > 1) continue;
      // "officials said on Thursday that the blast last month...": the day it was said.
      if (/\b(?:said|told|announced|stated|confirmed|added|reported|briefed|claimed)\s*$/i.test(before) || /^\s*(?:said|told|announced|that)\b/i.test(after)) {
        if (f.dates.some((o) => o !== d && o.ageDays >= 0)) continue;
      }
      return d;
    }
  }
  return null;
}

function conflicts(a: FoundDate | null, b: FoundDate | null): boolean {
  if (!a || !b) return false;
  const n = Math.min(a.date.length, b.date.length);
  if (a.precision === "day" && b.precision === "day") return Math.abs(a.ageDays - b.ageDays) > 2;
  return a.date.slice(0, n) !== b.date.slice(0, n);
}

function groupEvents(facts: SentenceFacts[]): Event[] {
  const events: Event[] = [];
  let cur: Event | null = null;
  let lastIdx = -10;
  for (const [i, f] of facts.entries()) {
    const anchor = f.attack && !f.aggregate && (f.dates.length > 0 || f.places.length > 0 || f.figures.length > 0 || f.chinese);
    if (anchor) {
      const d = eventDate([f]);
      const startNew = !cur
        || i - lastIdx > 3
        || (d && eventDate(cur.facts) && f.s.paragraph !== cur.facts[cur.facts.length - 1].s.paragraph && d.precision !== "year")
        || (d && conflicts(eventDate(cur.facts), d))
        || (f.background && d && !cur.facts.some((x) => x.dates.some((y) => y.date === d.date)))
        || (d && f.figures.length > 0 && provinceOf(f) && eventProvince(cur) && provinceOf(f) !== eventProvince(cur));
      if (startNew) { cur = { facts: [] }; events.push(cur); }
      cur!.facts.push(f);
      lastIdx = i;
    } else if (cur && i - lastIdx <= 3 && f.s.paragraph - cur.facts[cur.facts.length - 1].s.paragraph <= 1 && (!f.aggregate || f.attributions.length > 0) && !(f.background && f.dates.length)) {
      // Follow-up sentences (claims, who the victims were, where it happened, how the
      // attack unfolded) join the event.
      if (f.attributions.length || f.figures.length || f.places.length || f.chinese || f.projects.length || f.attack) { cur.facts.push(f); lastIdx = i; }
    } else if (f.aggregate || f.background) {
      cur = null;
    }
  }
  return events;
}

function provinceOf(f: SentenceFacts): Province | null {
  return f.places.find((p) => p.province && p.kind !== "province")?.province ?? f.places.find((p) => p.province)?.province ?? null;
}
function eventProvince(e: Event): Province | null {
  for (const f of e.facts) { const p = provinceOf(f); if (p) return p; }
  return null;
}

const KIND_SCORE = { site: 4, town: 3, city: 3, district: 2, province: 1 } as const;

function bestPlace(e: Event, text: string): PlaceMention | null {
  let best: { p: PlaceMention; score: number } | null = null;
  for (const [n, f] of e.facts.entries()) {
    for (const p of f.places) {
      const before = text.slice(Math.max(0, p.start - 14), p.start);
      let score = KIND_SCORE[p.kind];
      if (/\b(?:from|left|leaving)\s+(?:the\s+)?$/i.test(before)) score -= 3;
      if (/\b(?:to|towards|for|bound for)\s+(?:the\s+)?$/i.test(before)) score -= 2;
      if (/\b(?:in|at|near|outside|on|of)\s+(?:the\s+)?$/i.test(before)) score += 1;
      if (inDateline(f.s.text, p.end - f.s.start)) score -= 1.5; // dateline: where the report was filed, not where it happened
      if (!f.attack) score -= 1;
      score -= n * 0.1;
      if (!p.province) score -= 5;
      if (!best || score > best.score) best = { p, score };
    }
  }
  return best?.p ?? null;
}

// "KARACHI:", "ISLAMABAD/PESHAWAR (Wire) -", "KARACHI, Oct 7 (Reuters) -" at the start of a sentence.
const DATELINE = /^((?:[A-Z][A-Z.'-]+)(?:[\s/,]+[A-Z][A-Z.'-]+)*)(?:,\s+[A-Z][a-z]{2,8}\.? \d{1,2})?\s*(?:\([^)]{1,30}\))?\s*[:—–-]/;
function inDateline(sentence: string, end: number): boolean {
  const m = DATELINE.exec(sentence);
  return !!m && end <= m[1].length;
}

function toCandidate(e: Event, text: string): Candidate | null {
  const f = e.facts;
  const chinese = f.some((x) => x.chinese || x.projects.some((p) => p.project !== "karakoram-highway"));
  const pakistan = f.some((x) => x.places.some((p) => p.province));
  const foreign = f.some((x) => x.foreign);
  if (!chinese) return null; // an attack with no Chinese nationals or interests in it
  if (foreign && !pakistan) return null; // Chinese nationals attacked in another country
  const happened = f.some((x) => x.figures.some((g) => g.count > 0) || /\b(?:exploded|blew up|killed|injured|wounded|stormed|opened fire|abducted|kidnapped|attacked|shot|stuck|planted|hurled|fired|failed to (?:go off|explode|detonate))\b/i.test(x.s.text) && !x.foiled);
  if (!happened) return null; // a foiled plot or a threat
  const allFigures = f.flatMap((x) => x.figures);
  if (allFigures.length > 0 && allFigures.every((g) => g.victims === "attackers") && f.some((x) => OPERATION.test(x.s.text))) return null;

  const place = bestPlace(e, text);
  const date = eventDate(f);
  const coords = place ? coordinatesOf(place) : null;
  const typeFacts = f.filter((x) => x.attack);
  let attack: ReturnType<typeof attackTypeOf> = null;
  for (const x of typeFacts) {
    const t = attackTypeOf(text, x.s.start, x.s.end);
    if (t && (!attack || rank(t.type) < rank(attack.type))) attack = t;
  }
  const proj = pickProject(f);
  const figures: Figure[] = [];
  for (const x of f) for (const g of x.figures) if (!figures.some((o) => o.outcome === g.outcome && o.victims === g.victims)) figures.push(g);
  const attributions: Attribution[] = [];
  for (const x of f) for (const a of x.attributions) if (!attributions.some((o) => o.group === a.group && o.role === a.role)) attributions.push(a);

  const evidence: Evidence[] = [];
  if (date) evidence.push(date.evidence);
  if (place) evidence.push({ start: place.start, end: place.end, quote: place.matched });
  if (attack) evidence.push(attack.evidence);
  if (proj) evidence.push({ start: proj.start, end: proj.end, quote: text.slice(proj.start, proj.end) });
  let confidence = 0.3 + (date ? 0.15 : 0) + (place ? 0.15 : 0) + (figures.length ? 0.1 : 0) + (attributions.length ? 0.1 : 0) + (attack ? 0.1 : 0) + (f.some((x) => x.chinese) ? 0.1 : 0);
  confidence = Math.min(1, Math.round(confidence * 100) / 100);
  return {
    kind: "main",
    date: date?.date ?? null,
    datePrecision: date?.precision ?? null,
    province: place?.province ?? null,
    city: place ? (place.kind === "city" || place.kind === "town" ? place.name : place.kind === "site" ? place.city : null) : null,
    latitude: coords?.latitude ?? null,
    longitude: coords?.longitude ?? null,
    attackType: attack?.type ?? null,
    project: proj?.project ?? null,
    figures, attributions, evidence,
    match: null,
    confidence,
  };
}

const ORDER = ["kidnapping", "suicide_bombing", "complex_attack", "bombing", "targeted_shooting", "armed_assault", "other"];
const rank = (t: string) => ORDER.indexOf(t);

function pickProject(f: SentenceFacts[]): ProjectMention | null {
  const all = f.flatMap((x) => x.projects);
  return all.find((p) => p.project !== "karakoram-highway") ?? all[0] ?? null;
}

/**
 * The report's own event is main; earlier incidents it recalls are mentioned. An event is
 * recalled when its first sentence says so ("In 2021, ...", "Earlier this year") or its date
 * lies well before publication.
 */
function assignKinds(cands: { c: Candidate; ageDays: number | null; background: boolean }[]) {
  let mainFound = false;
  for (const x of cands) {
    const recent = x.ageDays == null || x.ageDays <= RECENT_DAYS;
    if (!mainFound && recent && !x.background) { x.c.kind = "main"; mainFound = true; }
    else {
      x.c.kind = "mentioned";
      x.c.confidence = Math.round(x.c.confidence * 0.85 * 100) / 100;
    }
  }
}
