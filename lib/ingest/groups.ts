// Groups named in a sentence (from the perpetrators' names, short names and aliases) and
// their role as the sentence states it: claimed, attributed by authorities, alleged,
// suspected, denied.
import type { AttributionRole } from "../vocab.ts";
import type { Attribution, ReferencePerpetrator } from "./types.ts";

export interface GroupMention { group: string; name: string; start: number; end: number }

/** Spelling-insensitive key: Tehreek/Tehrik, -e-/-i-, Baloch/Balochistan fold together. */
export function groupKey(s: string): string {
  return s.toLowerCase()
    .replace(/\b(?:tehreek|tehrik|tahrik|tahreek|tehrik)\b/g, "tehrik")
    .replace(/[-‐–]/g, " ")
    .replace(/\b(?:e|i|ul|al)\b/g, " ")
    .replace(/\bbaluch(?:istan)?\b|\bbaloch(?:istan)?\b/g, "baloch")
    .replace(/\bof\b|\bthe\b/g, " ")
    .replace(/['’]s?\b/g, "")
    .replace(/\s+/g, " ").trim();
}

export interface GroupMatcher { find(text: string, from: number, to: number): GroupMention[] }

// Names the reader must not take for a group: catch-all records are not names in text.
const NOT_NAMES = new Set(["unknown", "unknown or unclaimed", "individual", "criminal (private motive)"]);

export function groupMatcher(perpetrators: ReferencePerpetrator[]): GroupMatcher {
  type Form = { group: string; key: string; exact: string | null };
  const forms: Form[] = [];
  for (const p of perpetrators) {
    for (const raw of [p.name, p.shortName ?? "", ...(p.aliases ?? [])]) {
      const name = raw.replace(/\s*\([^)]*\)\s*$/, "").trim(); // "Majeed Brigade (suicide wing)"
      if (!name || NOT_NAMES.has(name.toLowerCase())) continue;
      // Short capitalised forms (BLA, TTP, IS-K) only as written; two letters are too ambiguous.
      if (/^[A-Z][A-Z-]{1,6}$/.test(name)) {
        if (name.replace(/-/g, "").length >= 3) forms.push({ group: p.id, key: name, exact: name });
        continue;
      }
      forms.push({ group: p.id, key: groupKey(name), exact: null });
    }
  }
  const exact = forms.filter((f) => f.exact).map((f) => ({ ...f, re: new RegExp(`(?<![\\p{L}\\d-])${f.exact}(?![\\p{L}\\d]|-[\\p{L}])`, "gu") }));
  const byFirst = new Map<string, Form[]>();
  for (const f of forms.filter((f) => !f.exact)) {
    const first = f.key.split(" ")[0];
    byFirst.set(first, [...(byFirst.get(first) ?? []), f]);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.key.length - a.key.length);
  return {
    find(text, from, to) {
      const out: GroupMention[] = [];
      const slice = text.slice(from, to);
      for (const f of exact) {
        for (const m of slice.matchAll(f.re)) out.push({ group: f.group, name: m[0], start: from + m.index, end: from + m.index + m[0].length });
      }
      // Word runs starting with a capital: try the longest alias that their key starts with.
      for (const m of slice.matchAll(/[\p{Lu}][\p{L}'’-]*(?:\s+(?:of\s+|the\s+|e-|i-)?[\p{L}][\p{L}'’-]*){0,6}/gu)) {
        const words = [...m[0].matchAll(/[\p{L}][\p{L}'’-]*/gu)];
        for (let w = 0; w < words.length; w++) {
          const startIdx = m.index + words[w].index;
          if (!/^\p{Lu}/u.test(words[w][0])) continue;
          // Cheap test first: no alias starts with this word.
          if (!byFirst.has(groupKey(words[w][0]).split(" ")[0] ?? "")) continue;
          const rest = m[0].slice(words[w].index);
          const key = groupKey(rest);
          const cands = byFirst.get(key.split(" ")[0]) ?? [];
          const hit = cands.find((f) => key === f.key || key.startsWith(f.key + " "));
          if (!hit) continue;
          // Find the end: the shortest prefix of rest whose key equals the alias key.
          let end = -1;
          for (const ww of words.slice(w)) {
            const e = m.index + ww.index + ww[0].length;
            if (groupKey(slice.slice(startIdx, e)) === hit.key) { end = e; break; }
          }
          if (end < 0) continue;
          const s = from + startIdx, e = from + end;
          if (!out.some((o) => s < o.end && e > o.start)) out.push({ group: hit.group, name: text.slice(s, e), start: s, end: e });
          break;
        }
      }
      return out.sort((a, b) => a.start - b.start).filter((g, i, all) => !all.some((o, j) => j !== i && o.start <= g.start && o.end >= g.end && o.end - o.start > g.end - g.start));
    },
  };
}

const CUES: { role: AttributionRole; re: RegExp }[] = [
  { role: "denied", re: /\b(?:denied|denies|deny|denying|rejected (?:any )?(?:involvement|responsibility|the claim)|distanced (?:itself|themselves)|disowned)\b/gi },
  { role: "claimed", re: /\b(?:claimed|claims|claiming|claim of) (?:responsibility|the (?:attack|bombing|killing|killings|kidnapping|abduction|blast|assault)|it|credit)\b|\bresponsibility (?:for [^.;]{0,60} )?(?:was )?claimed\b|\b(?:took|accepted|owned) responsibility\b|\bclaimed (?:by|that it)\b|\b(?:said|says) (?:it|they) (?:had )?(?:carried out|was behind|were behind|targeted)\b|\b(?:said|says) (?:its|their) [^.;]{0,40}\b(?:carried out|was behind|were behind)\b|\bclaimed the\b/gi },
  { role: "attributed_by_authorities", re: /\b(?:blamed|blames|blaming|attributed|attributes|held [^.;]{0,40} responsible|accused|pinned [^.;]{0,30} on)\b|\b(?:police|officials|authorities|investigators|the military|the army|ministry|minister|ISPR|CTD|government) (?:said|says|believe|believed|concluded|found|identified)\b[^.;]{0,80}\b(?:behind|responsible|carried out|member|members|belonged)\b/gi },
  { role: "suspected", re: /\b(?:suspected|suspect|suspects|suspicion|believed to (?:be|have)|likely|possibly|may have been|might have been|thought to be)\b/gi },
  { role: "alleged", re: /\b(?:alleged|allegedly|allegations?|according to)\b/gi },
];

// Clause boundaries: a role said in one clause ("While the TTP denied it,") is not the next clause's.
function clauses(text: string, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  let s = from;
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(/;|,\s+(?=but\b|while\b|whereas\b|although\b|though\b)|\s+but\s+|,\s+(?=(?:police|officials|authorities|investigators|the military|the army|pakistani authorities|pakistan's)\b)/gi)) {
    const e = from + m.index;
    out.push([s, e]);
    s = e + m[0].length;
  }
  // "While X denied ..., Y attributed ..." splits at the comma after the while-clause.
  const w = /^\s*(?:While|Although|Though|Whereas)\b[^,]*,/i.exec(text.slice(s, to));
  if (w) { out.push([s, s + w[0].length - 1]); s += w[0].length; }
  out.push([s, to]);
  return out;
}

/**
 * Attributions in one sentence: every named group, with the role its clause states
 * (or "alleged" when the report just says the group did it). "the group" in a clause with a
 * role and no name refers to the last group named before it (in this sentence or `previous`).
 */
export function findAttributions(text: string, from: number, to: number, matcher: GroupMatcher, previous: GroupMention | null, attackContext: boolean): { attributions: Attribution[]; last: GroupMention | null } {
  const mentions = matcher.find(text, from, to);
  const out: Attribution[] = [];
  let last = previous;
  for (const [cs, ce] of clauses(text, from, to)) {
    const inClause = mentions.filter((m) => m.start >= cs && m.end <= ce);
    let cue: { role: AttributionRole; start: number; end: number } | null = null;
    for (const c of CUES) {
      c.re.lastIndex = 0;
      const m = c.re.exec(text.slice(cs, ce));
      if (m) { cue = { role: c.role, start: cs + m.index, end: cs + m.index + m[0].length }; break; }
    }
    // "has not claimed", "no group has yet claimed": a claim denied by the sentence is no claim.
    if (cue && cue.role === "claimed" && /\b(?:not|never|nobody|no one|no group|no organisation|no organization|yet to|neither|nor)\b[^.;]{0,25}$/i.test(text.slice(Math.max(cs, cue.start - 40), cue.start))) {
      for (const g of inClause) last = g;
      continue;
    }
    if (inClause.length === 0 && cue && cue.role === "claimed") {
      // A claimant the record does not know yet: kept with its name as written, group null.
      const named = /\b((?:[A-Z][\p{L}'’-]+\s+){0,4}(?:Army|Front|Brigade|Organisation|Organization|Movement|Group|Lashkar|Jamaat|Taliban|Party|Force|Mujahideen|Tigers))\b/u.exec(text.slice(cs, ce));
      if (named && /^[A-Z]/.test(named[1]) && named[1].split(/\s+/).length >= 2) {
        const ns = cs + named.index, ne = ns + named[1].length;
        const s = Math.min(ns, cue.start), e = Math.max(ne, cue.end);
        out.push({ group: null, name: named[1], role: "claimed", evidence: { start: s, end: e, quote: text.slice(s, e) } });
        continue;
      }
    }
    if (inClause.length === 0) {
      const ana = /\b(?:the (?:group|outfit|organisation|organization|militant group|banned group|separatist group)|the militants)\b/i.exec(text.slice(cs, ce));
      if (cue && ana && last) {
        const as = cs + ana.index, ae = as + ana[0].length;
        const s = Math.min(as, cue.start), e = Math.max(ae, cue.end);
        out.push({ group: last.group, name: last.name, role: cue.role, evidence: { start: s, end: e, quote: text.slice(s, e) } });
      }
      continue;
    }
    for (const g of inClause) {
      last = g;
      if (!cue && !attackContext) continue;
      const role = cue?.role ?? "alleged";
      const s = Math.min(g.start, cue?.start ?? g.start), e = Math.max(g.end, cue?.end ?? g.end);
      if (!out.some((o) => o.group === g.group && o.role === role)) out.push({ group: g.group, name: g.name, role, evidence: { start: s, end: e, quote: text.slice(s, e) } });
    }
  }
  return { attributions: out, last };
}
