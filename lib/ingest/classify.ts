// What kind of attack a passage describes, which project or facility it names, and whether
// it concerns Chinese nationals or interests at all.
import type { AttackType } from "../vocab.ts";
import type { Evidence, ReferenceProject } from "./types.ts";

const ev = (text: string, s: number, e: number): Evidence => ({ start: s, end: e, quote: text.slice(s, e) });

export const ATTACK_CUE = /\b(?:attack(?:ed|s|ers?|ing)?|bomb(?:ing|ings|er|ers|ed|s)?|blasts?|explosions?|exploded|explosives?|suicide|gunm[ae]n|shot|shooting|opened fire|fired (?:on|at|upon)|ambush(?:ed)?|kidnap(?:ped|ping|pers)?|abduct(?:ed|ion|ing)|stormed|storm|assault(?:ed)?|rockets?|grenades?|IEDs?|killed|killing|injured|wounded|martyred|hostage|siege|gunfight|rammed)\b/i;

// An attack that did not happen: a plot stopped in time is not an incident.
export const FOILED = /\b(?:foiled|thwarted|averted|pre-?empted|busted|plot(?:ted|ting)?|planning (?:to|an|a)|planned (?:to attack|attacks?)|were planning|before they could|defused|recovered explosives|arrested [^.]{0,60}(?:planning|plot))\b/i;

export const CHINESE_CUE = /\b(?:Chinese|PRC (?:nationals?|citizens?|staff|workers?|engineers?|personnel)|China['’]s (?:nationals?|citizens?|workers?|engineers?|consulate|embassy)|Sino-)\b|\bCPEC\b/;

// Countries and cities abroad that reports of attacks on Chinese nationals name.
export const FOREIGN_PLACE = /\b(?:Afghanistan|Afghan capital|Kabul|Kandahar|Jalalabad|Tajikistan|Dushanbe|Kyrgyzstan|Bishkek|Uzbekistan|Iran|Iranian|Tehran|Zahedan|India|Indian|New Delhi|Pulwama|Srinagar|Myanmar|Bangladesh|Dhaka|Sri Lanka|Nepal|Kenya|Nigeria|Mali|Sudan|Congo|Ethiopia|Cameroon|Mozambique|Zambia|Zimbabwe|Central African Republic|Thailand|Indonesia|Malaysia|Philippines|Cambodia|Laos|Vietnam|Kazakhstan|Turkmenistan|Iraq|Syria|Yemen|Somalia)\b/;

const RULES: { type: AttackType; re: RegExp }[] = [
  { type: "kidnapping", re: /\b(?:kidnap(?:ped|ping|pers|s)?|abduct(?:ed|ion|ing|s)?|taken hostage|held hostage|hostages?)\b/i },
  { type: "suicide_bombing", re: /\bsuicide (?:bomb(?:er|ers|ing|ings)?|attack(?:er|ers)?|blast|car bomb(?:ing)?|vest|assault|squad)\b|\bblew (?:himself|herself|themselves) up\b|\bexplosives?-laden (?:car|vehicle|truck)\b[^.]{0,60}\b(?:rammed|drove|crashed)\b|\b(?:rammed|drove) (?:an |a |his )?(?:explosives?-laden |explosive-packed |bomb-laden )(?:car|vehicle|truck)\b|\bVBIED\b/i },
  { type: "complex_attack", re: /\bcomplex attack\b|\b(?:stormed|storm|tried to enter|tried to force (?:their|its) way)\b[^.]{0,160}\b(?:grenades?|explosives?|blasts?|suicide vests?)\b|\b(?:grenades?|explosives?)\b[^.]{0,120}\b(?:stormed|storm)\b|\bsiege\b/i },
  { type: "bombing", re: /\b(?:bomb(?:ing|ed|s)?|IEDs?|improvised explosive|explosive device|roadside (?:bomb|blast)|car bomb|landmine|magnetic (?:bomb|device|explosive)|remote-controlled|blast|explosion)\b/i },
  { type: "targeted_shooting", re: /\b(?:shot (?:dead|at)|opened fire on (?:a |the |their )?(?:car|vehicle|van|man|woman)|(?:motorcycle|motorbike)-?borne|pillion|on (?:a )?motor(?:cycle|bike)s?|targeted (?:killing|shooting|attack on (?:a|the) (?:car|vehicle|van))|gunman (?:posing|walked)|shooting)\b/i },
  { type: "armed_assault", re: /\b(?:gunm[ae]n (?:attacked|opened fire|stormed)|armed (?:men|assailants|militants) (?:attacked|stormed)|ambush(?:ed)?|gunfight|exchange of fire|opened fire|fired (?:on|at|upon)|attacked (?:a|the) (?:convoy|checkpoint|check post|checkpost|camp|post))\b/i },
  { type: "other", re: /\b(?:rockets?|mortars?|grenade attack|arson|set (?:on )?fire)\b/i },
];

/** The attack type the passage supports, most specific first, with the words that say it. */
export function attackTypeOf(text: string, from: number, to: number): { type: AttackType; evidence: Evidence } | null {
  const slice = text.slice(from, to);
  for (const r of RULES) {
    const m = r.re.exec(slice);
    if (m) {
      // "a suicide bomber blew himself up" is a suicide bombing even though "bomb" matches too.
      return { type: r.type, evidence: ev(text, from + m.index, from + m.index + m[0].length) };
    }
  }
  return null;
}

// How reports name the recorded projects and facilities, beyond the names in the record.
// Keyed by project id; a name the record holds is tried first.
const PROJECT_ALIASES: Record<string, string[]> = {
  "gwadar-port": ["Gwadar Port Authority", "Gwadar Port", "port of Gwadar", "Gwadar port project", "Port Complex at Gwadar", "Gwadar port"],
  "dasu-hydropower": ["Dasu Hydropower Project", "Dasu hydropower project", "Dasu Hydropower Plant", "Dasu hydropower", "Dasu dam", "Dasu hydroelectric", "Dasu project"],
  "port-qasim-power-plant": ["Port Qasim Electric Power Company", "Port Qasim power plant", "Port Qasim coal power plant", "Port Qasim coal-fired power plant", "PQEPC"],
  "karachi-chinese-consulate": ["Chinese consulate", "Chinese Consulate", "Chinese Consulate General", "Chinese Consulate-General", "consulate of China", "Consulate General of China", "Chinese mission in Karachi"],
  "saindak-copper-gold": ["Saindak"],
  "karachi-university-confucius-institute": ["Confucius Institute"],
  "pakistan-stock-exchange": ["Pakistan Stock Exchange", "stock exchange building", "PSX"],
  "gwadar-east-bay-expressway": ["East Bay Expressway"],
  "gomal-zam-dam": ["Gomal Zam"],
  "attock-cement-hub": ["Attock Cement"],
  "duddar-lead-plant": ["Duddar", "Dudhar"],
  "zte-pakistan": ["ZTE"],
  "diamer-bhasha-dam": ["Diamer-Bhasha", "Diamer Bhasha", "Bhasha dam"],
  "new-gwadar-international-airport": ["New Gwadar International Airport"],
  "karakoram-highway": ["Karakoram Highway", "Karakorum Highway", "KKH"],
};

export interface ProjectMention { project: string; start: number; end: number }

export function projectMatcher(projects: ReferenceProject[]): (text: string, from: number, to: number) => ProjectMention[] {
  const forms: { id: string; re: RegExp }[] = [];
  for (const p of projects) {
    const names = [...new Set([p.name, ...(PROJECT_ALIASES[p.id] ?? [])])].sort((a, b) => b.length - a.length);
    for (const n of names) forms.push({ id: p.id, re: new RegExp(`\\b${n.replace(/[.*+?^${}()|[\]\\-]/g, (c) => `\\${c}`)}\\b`, /^[A-Z]{2,6}$/.test(n) ? "g" : "gi") });
  }
  return (text, from, to) => {
    const slice = text.slice(from, to);
    const out: ProjectMention[] = [];
    for (const f of forms) {
      f.re.lastIndex = 0;
      for (const m of slice.matchAll(f.re)) {
        const s = from + m.index, e = s + m[0].length;
        if (!out.some((o) => s < o.end && e > o.start)) out.push({ project: f.id, start: s, end: e });
      }
    }
    return out.sort((a, b) => a.start - b.start);
  };
}
