// Casualty figures in a sentence: who (victim group), what happened (outcome), how many,
// how sure ("at least"), each tied to the words that say it. Rules, not a model: numbers in
// digits and words, ranges, "a dozen", "including three Chinese", coordinated victims
// ("five Chinese engineers and their Pakistani driver were killed"), the bomber's death,
// and explicit zeros ("no Chinese national was hurt").
import type { CasualtyOutcome, VictimGroup } from "../vocab.ts";
import type { Figure, FigureQualifier } from "./types.ts";

interface Tok { s: number; e: number; w: string; lw: string; punct: boolean }

const TOKEN = /\d[\d,]*(?:\.\d+)?|[\p{L}]+(?:['’-][\p{L}]+)*|[,;:()]/gu;

export function tokenize(text: string, from: number, to: number): Tok[] {
  const out: Tok[] = [];
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(TOKEN)) {
    const s = from + m.index;
    out.push({ s, e: s + m[0].length, w: m[0], lw: m[0].toLowerCase(), punct: /^[,;:()]$/.test(m[0]) });
  }
  return out;
}

const UNITS: Record<string, number> = { zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19 };
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

function wordNumber(lw: string): number | null {
  if (lw in UNITS) return UNITS[lw];
  if (lw in TENS) return TENS[lw];
  const m = /^([a-z]+)-([a-z]+)$/.exec(lw);
  if (m && m[1] in TENS && m[2] in UNITS && UNITS[m[2]] < 10) return TENS[m[1]] + UNITS[m[2]];
  if (/^\d[\d,]*$/.test(lw) && (!lw.includes(",") || /^\d{1,3}(,\d{3})+$/.test(lw))) return Number(lw.replace(/,/g, ""));
  return null;
}

const CHINESE_ADJ = new Set(["chinese", "prc", "china's"]);
const PAKISTANI_ADJ = new Set(["pakistani", "local", "pakistanis"]);
const SECURITY = new Set(["soldier", "soldiers", "troops", "troop", "policeman", "policemen", "police", "constable", "constables", "rangers", "paramilitaries", "paramilitary", "sepoy", "sepoys", "servicemen", "serviceman", "commandos", "commando", "personnel", "officers", "officer", "levies", "scouts", "jawans", "sailors", "airmen", "cops"]);
const ATTACKERS = new Set(["militant", "militants", "attacker", "attackers", "gunman", "gunmen", "terrorist", "terrorists", "assailant", "assailants", "insurgent", "insurgents", "bomber", "bombers", "kidnapper", "kidnappers", "fighters", "fighter", "raiders"]);
const GENERIC = new Set(["people", "persons", "person", "civilians", "civilian", "passers-by", "passersby", "passer-by", "bystanders", "bystander", "children", "child", "women", "woman", "men", "man", "workers", "worker", "labourers", "labourer", "laborers", "laborer", "engineers", "engineer", "nationals", "national", "citizens", "citizen", "staff", "employees", "employee", "technicians", "technician", "teachers", "teacher", "students", "student", "tourists", "tourist", "climbers", "climber", "mountaineers", "mountaineer", "driver", "drivers", "guard", "guards", "passengers", "passenger", "others", "victims", "victim", "individuals", "members", "officials", "official", "executives", "executive", "hostages", "hostage", "interpreter", "interpreters", "colleague", "colleagues", "experts", "expert", "contractors", "fishermen", "villagers", "residents", "pedestrians", "doctors", "dentist", "nurses", "chinese", "pakistanis", "pakistani", "foreigners", "foreigner", "visitors", "shoppers", "patients", "boys", "girls", "brothers", "relatives", "family", "employees", "managers", "manager", "crew", "security"]);
const FILLER = new Set(["other", "more", "foreign", "young", "senior", "junior", "female", "male", "innocent", "unarmed", "armed", "suspected", "private", "security", "police", "army", "frontier", "corps", "fc", "of", "them", "the", "its", "their", "his", "her", "on-duty", "off-duty", "duty", "pakistani", "local", "chinese", "prc", "construction", "project", "company", "road", "dam", "power", "plant", "port", "hydropower", "bus", "van", "car", "nuclear", "site", "mine", "telecom", "visiting", "two-wheeler"]);

const OUTCOME_WORDS: Record<string, CasualtyOutcome> = {
  killed: "killed", killing: "killed", kills: "killed", kill: "killed", dead: "killed", died: "killed", dies: "killed", martyred: "killed", slain: "killed", perished: "killed", murdered: "killed", "shot dead": "killed",
  injured: "injured", injuring: "injured", wounded: "injured", wounding: "injured", hurt: "injured", injures: "injured", wounds: "injured",
  kidnapped: "kidnapped", kidnapping: "kidnapped", abducted: "kidnapped", abducting: "kidnapped", abducts: "kidnapped", kidnaps: "kidnapped",
};
// Verbs that take their victims after them ("killing five Chinese", "abducted two engineers").
const ACTIVE = new Set(["killed", "killing", "kills", "kill", "injuring", "injured", "wounding", "wounded", "injures", "kidnapped", "kidnapping", "abducted", "abducting", "abducts", "kidnaps", "murdered", "left"]);

function victimsOf(words: string[]): VictimGroup | null {
  let nat: "chinese" | "pakistani" | null = null;
  for (const w of words) {
    if (CHINESE_ADJ.has(w)) nat = "chinese";
    else if (PAKISTANI_ADJ.has(w) && nat == null) nat = "pakistani";
  }
  const noun = words[words.length - 1];
  if (ATTACKERS.has(noun) && !words.includes("suspected")) return "attackers";
  if (SECURITY.has(noun) || words.includes("police") && ["officers", "officer", "personnel"].includes(noun) || words.includes("security") && ["personnel", "forces", "officials"].includes(noun) || noun === "forces") return nat === "chinese" ? "chinese" : "security_forces";
  if (nat === "chinese") return "chinese";
  if (nat === "pakistani") return "pakistani_civilians";
  if (["civilians", "civilian", "passers-by", "passersby", "passer-by", "bystanders", "bystander", "children", "child", "pedestrians", "villagers", "residents", "fishermen", "shoppers"].includes(noun)) return "pakistani_civilians";
  if (["guard", "guards"].includes(noun)) return "other";
  return "all_victims";
}

interface NumberPhrase { i: number; j: number; count: number; qualifier: FigureQualifier; victims: VictimGroup | null; nounEnd: number }

/** A count and the victim noun after it, starting at token i; j is one past its last token. */
function numberPhrase(t: Tok[], i: number): NumberPhrase | null {
  let k = i;
  let qualifier: FigureQualifier = "exact";
  const two = (a: string, b: string) => t[k]?.lw === a && t[k + 1]?.lw === b;
  if (two("at", "least")) { qualifier = "at_least"; k += 2; }
  else if (two("more", "than") || two("upwards", "of")) { qualifier = "more_than"; k += 2; }
  else if (two("as", "many") && t[k + 2]?.lw === "as") { qualifier = "at_least"; k += 3; }
  else if (two("up", "to") || two("an", "estimated")) { qualifier = "approximately"; k += 2; }
  else if (["over"].includes(t[k]?.lw)) { qualifier = "more_than"; k += 1; }
  else if (["about", "around", "nearly", "approximately", "some", "roughly", "almost", "approx"].includes(t[k]?.lw)) { qualifier = "approximately"; k += 1; }
  if (t[k]?.lw === "all" && wordNumber(t[k + 1]?.lw ?? "") != null) k += 1; // "all three attackers"
  if (t[k]?.lw === "a" && t[k + 1]?.lw === "total" && t[k + 2]?.lw === "of") k += 3;
  const tok = t[k];
  if (!tok || tok.punct) return null;
  let count: number | null = null;
  let j = k + 1;
  if (tok.lw === "a" || tok.lw === "an") {
    if (t[k + 1]?.lw === "dozen") { count = 12; qualifier = qualifier === "exact" ? "approximately" : qualifier; j = k + 2; }
    else count = 1;
  } else if (tok.lw === "both") count = 2;
  else {
    count = wordNumber(tok.lw);
    if (count != null && t[k + 1]?.lw === "dozen") { count *= 12; qualifier = qualifier === "exact" ? "approximately" : qualifier; j = k + 2; }
  }
  if (count == null) return null;
  // Ranges: "9-10", "nine to ten", "nine or ten", read as at least the lower bound.
  if (/^\d+-\d+$/.test(tok.lw)) return null;
  if (["to", "or"].includes(t[j]?.lw) && wordNumber(t[j + 1]?.lw ?? "") != null) { qualifier = "at_least"; j += 2; }
  // Numbers that are not head counts: years, times, money, units, ordinals.
  const next = t[j]?.lw;
  if (next && ["am", "pm", "km", "kilometres", "kilometers", "metres", "meters", "mw", "per", "percent", "million", "billion", "kg", "years", "year", "months", "month", "days", "day", "hours", "hour", "minutes", "rounds", "vehicles", "attacks", "incidents", "times", "feet", "miles", "o'clock", "crore", "lakh", "rupees", "dollars"].includes(next)) return null;
  if (/^(?:19|20)\d\d$/.test(tok.lw) && !/^(?:people|persons)$/.test(next ?? "")) return null;
  // The victim noun: up to four modifiers then a known noun.
  const words: string[] = [];
  let nounEnd = -1;
  for (let m = j; m < Math.min(t.length, j + 5); m++) {
    const w = t[m].lw;
    if (t[m].punct) break;
    words.push(w);
    if (GENERIC.has(w) || SECURITY.has(w) || ATTACKERS.has(w) || w === "forces") {
      nounEnd = m;
      // "security guards", "police officers": keep going one more if the next is also a noun.
      if (m + 1 < t.length && (GENERIC.has(t[m + 1].lw) || SECURITY.has(t[m + 1].lw) || t[m + 1].lw === "forces") && !["driver", "others"].includes(w)) continue;
      break;
    }
    if (!FILLER.has(w) && !CHINESE_ADJ.has(w) && !PAKISTANI_ADJ.has(w)) break;
  }
  if (tok.lw === "a" || tok.lw === "an" || tok.lw === "both") {
    if (nounEnd < 0 || nounEnd > j + 2) return null; // "a" is a count only right before its noun
  }
  if (nounEnd < 0 && t[j]?.lw === "of" && t[j + 1]?.lw === "them") {
    // "nine of them Chinese engineers": the apposition says who.
    const apposed: string[] = [];
    for (let m = j + 2; m < Math.min(t.length, j + 6) && !t[m].punct; m++) {
      apposed.push(t[m].lw);
      if (GENERIC.has(t[m].lw) || SECURITY.has(t[m].lw)) return { i, j: m + 1, count, qualifier, victims: victimsOf(apposed), nounEnd: m + 1 };
      if (!FILLER.has(t[m].lw) && !CHINESE_ADJ.has(t[m].lw) && !PAKISTANI_ADJ.has(t[m].lw)) break;
    }
    // The people named earlier in the sentence: the last victim noun before the number.
    for (let m = i - 1; m >= 0; m--) {
      const w = t[m].lw;
      if (GENERIC.has(w) || SECURITY.has(w) || ATTACKERS.has(w)) {
        const from = Math.max(0, m - 3);
        return { i, j: j + 2, count, qualifier, victims: victimsOf(t.slice(from, m + 1).map((x) => x.lw)), nounEnd: j + 2 };
      }
    }
  }
  if (nounEnd >= 0) {
    const nounWords = words.slice(0, nounEnd - j + 1);
    let victims = victimsOf(nounWords);
    // "one of the technicians" after "two Chinese technicians": the same people.
    if (victims === "all_victims" && t[j]?.lw === "of") {
      const noun = t[nounEnd].lw;
      for (let m = i - 1; m >= 0; m--) if (t[m].lw === noun && t.slice(Math.max(0, m - 3), m).some((x) => CHINESE_ADJ.has(x.lw))) { victims = "chinese"; break; }
    }
    return { i, j: nounEnd + 1, count, qualifier, victims, nounEnd: nounEnd + 1 };
  }
  return { i, j, count, qualifier, victims: null, nounEnd: j };
}

function outcomeAt(t: Tok[], k: number): { outcome: CasualtyOutcome; end: number } | null {
  const w = t[k]?.lw;
  if (!w) return null;
  if (w === "shot" && t[k + 1]?.lw === "dead") return { outcome: "killed", end: k + 2 };
  if (w === "lost" && ["their", "his", "her"].includes(t[k + 1]?.lw) && ["lives", "life"].includes(t[k + 2]?.lw)) return { outcome: "killed", end: k + 3 };
  if (w === "blew" && ["himself", "herself", "themselves"].includes(t[k + 1]?.lw) && t[k + 2]?.lw === "up") return { outcome: "killed", end: k + 3 };
  if (w === "taken" && ["hostage", "captive"].includes(t[k + 1]?.lw)) return { outcome: "kidnapped", end: k + 2 };
  if (w === "sustained" || w === "suffered" || w === "received") {
    let m = k + 1;
    while (["minor", "serious", "critical", "severe", "slight", "bullet", "multiple", "gunshot", "head"].includes(t[m]?.lw)) m++;
    if (["injuries", "wounds", "injury", "wound"].includes(t[m]?.lw)) return { outcome: "injured", end: m + 1 };
    return null;
  }
  if (w === "embraced" && ["martyrdom", "shahadat", "shahadat"].includes(t[k + 1]?.lw)) return { outcome: "killed", end: k + 2 };
  const o = OUTCOME_WORDS[w];
  return o ? { outcome: o, end: k + 1 } : null;
}

const LINK = new Set(["were", "was", "are", "is", "been", "have", "has", "had", "being", "also", "reportedly", "later", "all", "critically", "seriously", "severely", "slightly", "lightly", "fatally", "badly", "critically", "mortally", "and", "got", "left", "who", "allegedly", "initially", "in", "the", "attack", "blast", "explosion", "shooting", "firing"]);

const ev = (text: string, s: number, e: number) => ({ start: s, end: e, quote: text.slice(s, e) });

/** Casualty figures stated in text[from, to) (one sentence). */
const MAYBE_FIGURE = /kill|injur|wound|dead|die|hurt|kidnap|abduct|martyr|lost|blew|safe|unhurt|unharm|uninjur|unscath|casualt|hostage|slain|perish|murder|harm|embraced|shot/i;

export function findFigures(text: string, from: number, to: number): Figure[] {
  const out: Figure[] = [];
  if (!MAYBE_FIGURE.test(text.slice(from, to))) return out;
  const t = tokenize(text, from, to);
  const push = (f: Figure) => { if (!out.some((o) => o.outcome === f.outcome && o.victims === f.victims && o.count === f.count && o.evidence.start === f.evidence.start)) out.push(f); };
  let lastOutcome: CasualtyOutcome | null = null;
  let lastVictims: VictimGroup | null = null;
  for (let i = 0; i < t.length; i++) {
    // "including nine Chinese", "among them three policemen", "of whom two were Chinese"
    const incl = ["including", "includes", "among"].includes(t[i].lw) ? i + (t[i + 1]?.lw === "them" ? 2 : 1) : -1;
    const np = numberPhrase(t, incl >= 0 ? incl : i);
    if (!np) continue;
    if (incl >= 0 && lastOutcome && np.victims) {
      push({ outcome: lastOutcome, victims: np.victims, count: np.count, qualifier: np.qualifier, evidence: ev(text, t[i].s, t[np.j - 1].e) });
      i = np.j - 1;
      continue;
    }
    // An active verb right before the number: "killing five Chinese workers".
    let b = np.i - 1;
    while (b >= 0 && ["a", "total", "of", "as", "many", "least", "at"].includes(t[b].lw) && b > np.i - 3) b--;
    // "shot dead a Chinese woman": the two-word verb ends right before the number.
    if (b >= 1 && t[b].lw === "dead" && t[b - 1].lw === "shot") b--;
    const before = b >= 0 && (ACTIVE.has(t[b].lw) || t[b].lw === "shot" && t[b + 1]?.lw === "dead") ? outcomeAt(t, b) : null;
    if (before && np.victims) {
      push({ outcome: before.outcome, victims: np.victims, count: np.count, qualifier: np.qualifier, evidence: ev(text, t[b].s, t[np.j - 1].e) });
      lastOutcome = before.outcome; lastVictims = np.victims;
      coordinated(t, np.j, before.outcome, text, push, np.victims);
      i = np.j - 1;
      continue;
    }
    // Victims first, outcome after: "five Chinese engineers and their driver were killed", "13 dead".
    let k = np.j;
    let guard = 0;
    const extra: { s: number; e: number; victims: VictimGroup }[] = [];
    const inner: NumberPhrase[] = [];
    while (k < t.length && guard < 8) {
      // ", including seven policemen," / ", nine of them Chinese engineers,"
      if (t[k].lw === "," && (["including", "among"].includes(t[k + 1]?.lw) || t[k + 2]?.lw === "of" && t[k + 3]?.lw === "them")) {
        const x = numberPhrase(t, ["including", "among"].includes(t[k + 1]?.lw) ? k + 2 : k + 1);
        const close = t.findIndex((y, idx) => idx > k + 1 && y.lw === ",");
        if (x && x.victims && close > 0 && close - k < 8) { inner.push(x); k = close + 1; guard++; continue; }
      }
      // Apposition: "two Chinese nationals, the dentist and his wife, were wounded".
      if (t[k].lw === "," && np.victims && k === np.j) {
        const close = t.findIndex((y, idx) => idx > k && idx <= k + 8 && y.lw === ",");
        if (close > 0 && !t.slice(k + 1, close).some((y, n) => numberPhrase(t, k + 1 + n)?.victims && /^\d|^(?:two|three|four|five|six|seven|eight|nine|ten)$/.test(y.lw)) && outcomeWithin(t, close + 1, 4)) { k = close + 1; guard++; continue; }
      }
      if (t[k].lw === "among") {
        const o2 = outcomeWithin(t, k + 1, 5);
        if (o2 && np.victims) { push({ outcome: o2.outcome, victims: np.victims, count: np.count, qualifier: np.qualifier, evidence: ev(text, t[np.i].s, t[o2.end - 1].e) }); }
        break;
      }
      if (t[k].punct) break;
      const o = outcomeAt(t, k);
      if (o) {
        const victims: VictimGroup | null = np.victims ?? (["dead", "killed", "injured", "wounded", "hurt"].includes(t[k].lw) && k === np.j ? lastVictims ?? "all_victims" : null);
        if (victims) {
          push({ outcome: o.outcome, victims, count: np.count, qualifier: np.qualifier, evidence: ev(text, t[np.i].s, t[o.end - 1].e) });
          for (const x of extra) push({ outcome: o.outcome, victims: x.victims, count: 1, qualifier: "exact", evidence: ev(text, x.s, t[o.end - 1].e) });
          for (const x of inner) push({ outcome: o.outcome, victims: x.victims!, count: x.count, qualifier: x.qualifier, evidence: ev(text, t[t[x.i - 1].punct ? x.i : x.i - 1].s, t[x.j - 1].e) });
          lastOutcome = o.outcome; lastVictims = victims;
          // "...were killed and 34 injured": the second number takes the same victims.
        }
        break;
      }
      if (t[k].lw === "and" || t[k].lw === "with") {
        const single = singular(t, k + 1);
        if (single) { extra.push({ s: t[k + 1].s, e: single.end, victims: single.victims }); k = single.next; guard++; continue; }
        if (numberPhrase(t, k + 1)) break;
      }
      // A participle phrase between victims and verb: "two policemen guarding the gate were killed".
      if (np.victims && k === np.j && /^[a-z]+ing$/.test(t[k].lw) && !ACTIVE.has(t[k].lw)) {
        let m = k + 1;
        while (m < Math.min(t.length, k + 7) && !t[m].punct && !["were", "was"].includes(t[m].lw) && !wordNumber(t[m].lw)) m++;
        if (["were", "was"].includes(t[m]?.lw) && outcomeWithin(t, m + 1, 3)) { k = m; guard++; continue; }
      }
      if (!LINK.has(t[k].lw) && !(np.victims == null && k === np.j)) break;
      k++; guard++;
    }
    i = Math.max(i, np.j - 1);
  }
  // The bomber's own death: "the bomber also died", "blew himself up".
  for (let i = 0; i < t.length; i++) {
    if (["bomber", "attacker", "assailant", "gunman"].includes(t[i].lw) && ["the", "suicide", "lone"].includes(t[i - 1]?.lw)) {
      for (let k = i + 1; k < Math.min(t.length, i + 7); k++) {
        if (t[k].punct) break;
        const o = outcomeAt(t, k);
        if (o?.outcome === "killed") { const s = t[i - 1].lw === "suicide" && t[i - 2]?.lw === "the" ? t[i - 2].s : t[i - 1].s; push({ outcome: "killed", victims: "attackers", count: 1, qualifier: "exact", evidence: ev(text, s, t[o.end - 1].e) }); break; }
      }
    }
  }
  zeros(text, from, to, push);
  return out;
}

function outcomeWithin(t: Tok[], k: number, n: number): { outcome: CasualtyOutcome; end: number } | null {
  for (let m = k; m < Math.min(t.length, k + n); m++) {
    if (t[m].punct) return null;
    const o = outcomeAt(t, m);
    if (o) return o;
  }
  return null;
}

const SINGLE_NOUNS = new Set(["driver", "guard", "interpreter", "colleague", "policeman", "soldier", "constable", "bodyguard", "translator", "companion", "passer-by", "child", "boy", "girl", "woman", "man", "employee", "worker", "official", "officer", "wife", "husband", "son", "daughter", "brother", "sister", "father", "mother", "assistant", "nephew", "friend", "partner"]);

/** "and their Pakistani driver", "along with a guard": one more victim, same outcome. */
function singular(t: Tok[], k: number): { end: number; next: number; victims: VictimGroup } | null {
  if (t[k]?.lw === "along" && t[k + 1]?.lw === "with") k += 2;
  if (!["their", "his", "her", "a", "an", "one", "the", "its"].includes(t[k]?.lw)) return null;
  const words: string[] = [];
  for (let m = k + 1; m < Math.min(t.length, k + 4); m++) {
    const w = t[m].lw;
    words.push(w);
    const nounNext = SINGLE_NOUNS.has(t[m + 1]?.lw ?? "");
    if (SINGLE_NOUNS.has(w) || (w === "pakistani" && !nounNext)) {
      return { end: t[m].e, next: m + 1, victims: w === "pakistani" ? "pakistani_civilians" : victimsOf(words) ?? "all_victims" };
    }
    if (!FILLER.has(w) && !PAKISTANI_ADJ.has(w) && !CHINESE_ADJ.has(w)) return null;
  }
  return null;
}

function coordinated(t: Tok[], k: number, outcome: CasualtyOutcome, text: string, push: (f: Figure) => void, victims?: VictimGroup) {
  const m = k;
  // "killing three of them and wounding the fourth": one more of the same people.
  if (t[m]?.lw === "and" && outcomeAt(t, m + 1) && t[m + 2]?.lw === "the" && ["second", "third", "fourth", "fifth", "sixth", "other"].includes(t[m + 3]?.lw) && victims) {
    const o = outcomeAt(t, m + 1)!;
    push({ outcome: o.outcome, victims, count: 1, qualifier: "exact", evidence: ev(text, t[m + 1].s, t[m + 3].e) });
    return;
  }
  if (t[m]?.lw === "and" || t[m]?.lw === "along" || (t[m]?.lw === "as" && t[m + 1]?.lw === "well")) {
    const start = t[m].lw === "as" ? m + 3 : t[m].lw === "along" ? m : m + 1;
    const s = singular(t, start);
    if (s) push({ outcome, victims: s.victims, count: 1, qualifier: "exact", evidence: ev(text, t[start].s, s.end) });
  }
}

const ZERO_PATTERNS: { re: RegExp; victims: (m: RegExpExecArray) => VictimGroup; outcomes: (m: RegExpExecArray) => CasualtyOutcome[] }[] = [
  {
    re: /\b(?:no|none of the)\s+((?:Chinese|PRC|foreign)(?:\s+(?:national|nationals|citizens?|staff|workers?|engineers?|personnel|employees?))?|foreigners?|one|body|other casualties|casualties|lives|injuries)\b(?:\s+(?:was|were|had been|has been|have been|are)\b)?(?:\s+(?:reported|harmed|hurt|injured|wounded|killed|lost|among the (?:dead|injured|victims)))/gi,
    victims: (m) => (/chinese|prc/i.test(m[1]) ? "chinese" : "all_victims"),
    outcomes: (m) => (/killed|lives/i.test(m[0]) ? ["killed"] : /injured|wounded|injuries/i.test(m[0]) ? ["injured"] : ["killed", "injured"]),
  },
  {
    re: /\b(?:all|the)\s+(?:the\s+)?(Chinese|PRC)(?:\s+(?:nationals?|citizens|staff|workers|engineers|personnel|employees|passengers|technicians|teachers))?(?:\s+on board)?\s+(?:were|was|are|remained|escaped)\s+(?:safe|unhurt|unharmed|uninjured|unscathed)\b/gi,
    victims: () => "chinese",
    outcomes: () => ["killed", "injured"],
  },
  {
    re: /\b(?:nobody|no one|no-one)\s+(?:was|were|had been)\s+(?:reported\s+)?(hurt|harmed|injured|wounded|killed)\b/gi,
    victims: () => "all_victims",
    outcomes: (m) => (/killed/i.test(m[1]) ? ["killed"] : /injured|wounded/i.test(m[1]) ? ["injured"] : ["killed", "injured"]),
  },
];

function zeros(text: string, from: number, to: number, push: (f: Figure) => void) {
  const slice = text.slice(from, to);
  for (const p of ZERO_PATTERNS) {
    p.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = p.re.exec(slice))) {
      const s = from + m.index, e = s + m[0].length;
      for (const outcome of p.outcomes(m)) push({ outcome, victims: p.victims(m), count: 0, qualifier: "exact", evidence: ev(text, s, e) });
    }
  }
}
