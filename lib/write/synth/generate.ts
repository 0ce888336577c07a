// Synthetic incidents for benchmarks: plausible shapes (years, places, groups, attack types,
// heavy-tailed tolls, contradictory claims, several sources) at any scale, reproducible from a
// seed. Nothing here is real: every incident id contains "-synthetic-", every source is a
// synthetic one, and the summaries say so. The rows come out column-wise (one array per
// column) because that is what the loader's unnest()/COPY statements consume.
import { casualtyEstimates, type CasualtyClaim } from "../../casualty-totals.ts";
import type { AttackType, AttributionRole, Province } from "../../vocab.ts";

export const SYNTHETIC_ID_MARK = "-synthetic-";
/** The one source every synthetic database holds; its note records how the data was made. */
export const SYNTHETIC_MARKER_SOURCE = "synthetic-benchmark-data";
export const SYNTHETIC_MARKER_TITLE = "Synthetic benchmark data — not real incidents";
export const SYNTHETIC_SOURCE_POOL = 500;

// ---------------------------------------------------------------------------------------
// A small, fast, seedable PRNG (mulberry32): Math.random cannot be seeded, and the same seed
// must give the same database so two benchmark runs measure the same rows.

export type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A weighted choice table built once and sampled in O(log n). */
export function weighted<T>(entries: readonly (readonly [T, number])[]): (r: Rng) => T {
  const values = entries.map((e) => e[0]);
  const cumulative: number[] = [];
  let sum = 0;
  for (const [, w] of entries) cumulative.push((sum += w));
  return (r) => {
    const x = r() * sum;
    let lo = 0, hi = cumulative.length - 1;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (cumulative[mid] > x) hi = mid; else lo = mid + 1; }
    return values[lo];
  };
}

/** Heavy-tailed count (discrete Pareto-like): most incidents small, a few very large. */
function heavyTail(r: Rng, scale: number, alpha: number, max: number): number {
  const u = 1 - r(); // (0, 1]
  return Math.min(max, Math.floor(scale * (Math.pow(u, -1 / alpha) - 1)));
}

const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

// ---------------------------------------------------------------------------------------
// Vocabulary weights. Shaped after the real record: Balochistan, Sindh and Khyber
// Pakhtunkhwa dominate; ethno-separatist groups lead since 2018; incidents grow over time.

const YEARS: [number, number][] = [];
for (let y = 2004; y <= 2025; y++) {
  const growth = 1 + (y - 2004) * 0.18;
  const spike = y >= 2021 && y <= 2024 ? 1.8 : y >= 2014 && y <= 2016 ? 1.3 : 1;
  YEARS.push([y, growth * spike]);
}
const pickYear = weighted(YEARS);

const pickProvince = weighted<Province>([
  ["balochistan", 40], ["sindh", 24], ["khyber_pakhtunkhwa", 22], ["punjab", 8], ["islamabad", 2.5], ["gilgit_baltistan", 2.5], ["azad_kashmir", 1],
]);

const PLACES: Record<Province, { district: string; city: string; lat: number; lon: number }[]> = {
  balochistan: [
    { district: "Quetta", city: "Quetta", lat: 30.18, lon: 66.99 }, { district: "Gwadar", city: "Gwadar", lat: 25.12, lon: 62.33 },
    { district: "Kech", city: "Turbat", lat: 26.0, lon: 63.05 }, { district: "Chagai", city: "Dalbandin", lat: 28.89, lon: 64.4 },
    { district: "Mastung", city: "Mastung", lat: 29.8, lon: 66.85 }, { district: "Lasbela", city: "Hub", lat: 25.05, lon: 66.9 },
  ],
  sindh: [
    { district: "Karachi South", city: "Karachi", lat: 24.86, lon: 67.0 }, { district: "Malir", city: "Karachi", lat: 24.95, lon: 67.2 },
    { district: "Thatta", city: "Thatta", lat: 24.75, lon: 67.92 }, { district: "Hyderabad", city: "Hyderabad", lat: 25.39, lon: 68.37 },
    { district: "Tharparkar", city: "Islamkot", lat: 24.7, lon: 70.18 },
  ],
  khyber_pakhtunkhwa: [
    { district: "Peshawar", city: "Peshawar", lat: 34.01, lon: 71.58 }, { district: "Shangla", city: "Besham", lat: 34.93, lon: 72.88 },
    { district: "Upper Kohistan", city: "Dasu", lat: 35.29, lon: 73.29 }, { district: "Dera Ismail Khan", city: "Dera Ismail Khan", lat: 31.83, lon: 70.9 },
    { district: "South Waziristan", city: "Wana", lat: 32.3, lon: 69.57 },
  ],
  punjab: [
    { district: "Lahore", city: "Lahore", lat: 31.55, lon: 74.34 }, { district: "Rawalpindi", city: "Rawalpindi", lat: 33.6, lon: 73.04 },
    { district: "Sahiwal", city: "Sahiwal", lat: 30.66, lon: 73.11 }, { district: "Mianwali", city: "Chashma", lat: 32.39, lon: 71.41 },
  ],
  islamabad: [{ district: "Islamabad", city: "Islamabad", lat: 33.69, lon: 73.05 }],
  gilgit_baltistan: [{ district: "Diamer", city: "Chilas", lat: 35.42, lon: 74.1 }, { district: "Gilgit", city: "Gilgit", lat: 35.92, lon: 74.31 }],
  azad_kashmir: [{ district: "Muzaffarabad", city: "Muzaffarabad", lat: 34.37, lon: 73.47 }],
};

const pickAttackType = weighted<AttackType>([
  ["bombing", 28], ["armed_assault", 22], ["targeted_shooting", 18], ["suicide_bombing", 10], ["kidnapping", 9], ["complex_attack", 7], ["other", 6],
]);

const TARGETS = [
  "Convoy of Chinese engineers", "Chinese nationals' vehicle", "Security escort of a CPEC project", "Project camp", "Chinese-run business",
  "Workers on a road project", "Power plant staff bus", "Port facility", "Chinese consulate staff", "Mining company site",
];

const pickDatePrecision = weighted([["day", 90], ["month", 8], ["year", 2]] as const);
const pickConfidence = weighted([["high", 45], ["medium", 40], ["low", 15]] as const);
const pickLocationPrecision = weighted([["city", 55], ["exact", 20], ["district", 20], ["province", 5]] as const);

/** Perpetrator slugs from the real seed, weighted by how often such groups appear; unknown ones get a small share. */
const GROUP_WEIGHTS: Record<string, number> = { bla: 30, blf: 10, ttp: 14, srda: 7, iskp: 4, "islamic-state": 3, unknown: 12, "sindhudesh-liberation-army": 3, "jundallah-pakistan": 2 };

const ROLE_PAIRS: { roles: AttributionRole[]; weight: number }[] = [
  { roles: ["claimed"], weight: 35 },
  { roles: ["attributed_by_authorities"], weight: 15 },
  { roles: ["suspected"], weight: 12 },
  { roles: ["claimed", "attributed_by_authorities"], weight: 14 }, // usually the same group
  { roles: ["claimed", "alleged"], weight: 6 }, // contradictory: another group alleged
  { roles: ["claimed", "denied"], weight: 4 }, // one group claims, another denies
  { roles: ["suspected", "attributed_by_authorities", "claimed"], weight: 4 },
];
const pickRoles = weighted(ROLE_PAIRS.map((p) => [p.roles, p.weight] as const));
const STATED_BY: Record<AttributionRole, string> = {
  claimed: "Group spokesman (synthetic)", attributed_by_authorities: "Provincial police (synthetic)", alleged: "Local officials (synthetic)",
  suspected: "Security officials (synthetic)", denied: "Group spokesman (synthetic)",
};

// ---------------------------------------------------------------------------------------

export type SynthVocabulary = { groups: string[]; projects: { id: string; province: string | null }[] };

/** Column-wise rows of one batch, ready for unnest(). Nullable columns hold null. */
export type IncidentColumns = {
  id: string[]; date: string[]; datePrecision: string[]; province: string[]; district: (string | null)[]; city: (string | null)[];
  locationPrecision: string[]; latitude: (number | null)[]; longitude: (number | null)[]; attackType: string[]; target: string[];
  projectId: (string | null)[]; summary: string[]; confidence: string[]; chineseLink: string[]; targetLink: string[]; notes: string[];
  chineseKilled: (number | null)[]; chineseInjured: (number | null)[]; chineseKidnapped: (number | null)[];
  totalKilled: (number | null)[]; totalInjured: (number | null)[]; attackersKilled: (number | null)[];
  chineseKilledLow: (number | null)[]; chineseKilledHigh: (number | null)[]; chineseInjuredLow: (number | null)[]; chineseInjuredHigh: (number | null)[];
  totalKilledLow: (number | null)[]; totalKilledHigh: (number | null)[]; totalInjuredLow: (number | null)[]; totalInjuredHigh: (number | null)[];
  chineseHarmed: (boolean | null)[];
};
export type AttributionColumns = { id: string[]; incidentId: string[]; perpetratorId: string[]; role: string[]; statedBy: string[]; sourceId: string[] };
export type CasualtyColumns = {
  id: string[]; incidentId: string[]; outcome: string[]; victimGroup: string[]; count: (number | null)[]; low: (number | null)[]; high: (number | null)[];
  sourceId: string[]; counted: boolean[]; note: (string | null)[];
};
export type IncidentSourceColumns = { incidentId: string[]; sourceId: string[] };
export type SynthBatch = { incidents: IncidentColumns; attributions: AttributionColumns; casualties: CasualtyColumns; incidentSources: IncidentSourceColumns };

export function emptyBatch(): SynthBatch {
  const cols = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, []])) as unknown as Record<K, never[]>;
  return {
    incidents: cols(["id", "date", "datePrecision", "province", "district", "city", "locationPrecision", "latitude", "longitude", "attackType", "target",
      "projectId", "summary", "confidence", "chineseLink", "targetLink", "notes", "chineseKilled", "chineseInjured", "chineseKidnapped", "totalKilled", "totalInjured", "attackersKilled",
      ...RANGE_KEYS, "chineseHarmed"]),
    attributions: cols(["id", "incidentId", "perpetratorId", "role", "statedBy", "sourceId"]),
    casualties: cols(["id", "incidentId", "outcome", "victimGroup", "count", "low", "high", "sourceId", "counted", "note"]),
    incidentSources: cols(["incidentId", "sourceId"]),
  };
}

const RANGE_KEYS = ["chineseKilledLow", "chineseKilledHigh", "chineseInjuredLow", "chineseInjuredHigh", "totalKilledLow", "totalKilledHigh", "totalInjuredLow", "totalInjuredHigh"] as const;

export const syntheticSourceId = (k: number) => `synthetic-source-${k}`;

/**
 * Generates incidents number `from` to `to - 1`. Incident n depends only on (seed, n), so
 * batches can be produced in any order and a database is the same however it was batched.
 */
export function generateBatch(seed: number, from: number, to: number, vocab: SynthVocabulary): SynthBatch {
  const b = emptyBatch();
  const pickGroup = weighted(vocab.groups.map((g) => [g, GROUP_WEIGHTS[g] ?? 1] as const));
  const projectsByProvince = new Map<string, string[]>();
  for (const p of vocab.projects) if (p.province) projectsByProvince.set(p.province, [...(projectsByProvince.get(p.province) ?? []), p.id]);
  const claims: CasualtyClaim[] = [];

  for (let n = from; n < to; n++) {
    const r = mulberry32((seed * 0x9e3779b1) ^ (n * 0x85ebca6b));
    const year = pickYear(r);
    const precision = pickDatePrecision(r);
    const month = precision === "year" ? 1 : int(r, 1, 12);
    const dayOfMonth = precision === "day" ? int(r, 1, 28) : 1;
    const date = `${year}-${String(month).padStart(2, "0")}-${String(dayOfMonth).padStart(2, "0")}`;
    const id = `${date}${SYNTHETIC_ID_MARK}${n}`;
    const province = pickProvince(r);
    const places = PLACES[province];
    const place = places[Math.floor(r() * places.length)];
    const locationPrecision = pickLocationPrecision(r);
    const attackType = pickAttackType(r);
    const target = TARGETS[Math.floor(r() * TARGETS.length)];
    const local = projectsByProvince.get(province);
    const projectId = r() < 0.35 ? (local && r() < 0.8 ? local[Math.floor(r() * local.length)] : vocab.projects[Math.floor(r() * vocab.projects.length)]?.id ?? null) : null;

    // Sources: one to three per incident out of a shared pool, so IncidentSource fans in as real data does.
    const nSources = 1 + (r() < 0.45 ? 1 : 0) + (r() < 0.15 ? 1 : 0);
    const sources: string[] = [];
    while (sources.length < nSources) { const s = syntheticSourceId(Math.floor(r() * SYNTHETIC_SOURCE_POOL)); if (!sources.includes(s)) sources.push(s); }

    // Casualty claims. ~30% of incidents harm no Chinese national; some tolls are unknown.
    claims.length = 0;
    const claimSource: string[] = [];
    const claimNote: (string | null)[] = [];
    const add = (c: CasualtyClaim, source: string, note: string | null = null) => { claims.push(c); claimSource.push(source); claimNote.push(note); };
    const chineseHarmed = r() < 0.7;
    const tollKnown = r() > 0.08;
    if (attackType === "kidnapping") {
      if (chineseHarmed) add({ outcome: "kidnapped", victimGroup: "chinese", count: 1 + heavyTail(r, 1, 2.5, 20), low: null, high: null }, sources[0]);
      else if (r() < 0.5) add({ outcome: "kidnapped", victimGroup: "pakistani_civilians", count: 1 + heavyTail(r, 1, 2, 15), low: null, high: null }, sources[0]);
    } else if (tollKnown) {
      const lethal = attackType === "suicide_bombing" || attackType === "complex_attack" ? 3 : attackType === "bombing" ? 1.5 : 0.8;
      if (chineseHarmed) {
        let killed = heavyTail(r, lethal * 0.8, 2.2, 40);
        let injured = heavyTail(r, lethal, 2, 60);
        if (killed + injured === 0) { if (r() < 0.4) killed = 1; else injured = 1; } // "harmed" means at least one victim
        add({ outcome: "killed", victimGroup: "chinese", count: killed, low: null, high: null }, sources[0]);
        if (injured > 0 || r() < 0.5) add({ outcome: "injured", victimGroup: "chinese", count: injured, low: null, high: null }, sources[0]);
        // A second source that disagrees, as a range; the totals take its low end if lower.
        if (sources.length > 1 && r() < 0.4) { const lo = Math.max(0, killed - int(r, 0, 2)); add({ outcome: "killed", victimGroup: "chinese", count: null, low: lo, high: killed + int(r, 0, 3) }, sources[1]); }
      } else if (r() < 0.5) {
        add({ outcome: "killed", victimGroup: "chinese", count: 0, low: null, high: null }, sources[0]); // "no Chinese were hurt"
      }
      if (r() < 0.75) add({ outcome: "killed", victimGroup: r() < 0.5 ? "security_forces" : "pakistani_civilians", count: heavyTail(r, lethal * 2, 1.8, 300), low: null, high: null }, sources[0]);
      if (r() < 0.6) add({ outcome: "injured", victimGroup: "all_victims", count: heavyTail(r, lethal * 4, 1.7, 500), low: null, high: null }, sources[sources.length - 1]);
      if ((attackType === "suicide_bombing" || attackType === "complex_attack") && r() < 0.8) add({ outcome: "killed", victimGroup: "attackers", count: 1 + heavyTail(r, 1, 2, 8), low: null, high: null }, sources[0]);
      // A perpetrator's boast: shown but never counted.
      if (r() < 0.1) add({ outcome: "killed", victimGroup: "chinese", count: 5 + heavyTail(r, 10, 1.5, 200), low: null, high: null, counted: false }, sources[0], "Perpetrator's claim, not corroborated (synthetic)");
    }
    // Each source is one account (lib/casualty-totals.ts); synthetic sources carry no date.
    const totals = casualtyEstimates(claims.map((c, k) => ({ ...c, source: claimSource[k] })));

    const inc = b.incidents;
    inc.id.push(id); inc.date.push(date); inc.datePrecision.push(precision); inc.province.push(province);
    inc.district.push(locationPrecision === "province" ? null : place.district);
    inc.city.push(locationPrecision === "province" || locationPrecision === "district" ? null : place.city);
    inc.locationPrecision.push(locationPrecision);
    const located = locationPrecision === "exact" || locationPrecision === "city";
    inc.latitude.push(located ? Math.round((place.lat + (r() - 0.5) * 0.2) * 1e4) / 1e4 : null);
    inc.longitude.push(located ? Math.round((place.lon + (r() - 0.5) * 0.2) * 1e4) / 1e4 : null);
    inc.attackType.push(attackType); inc.target.push(target); inc.projectId.push(projectId);
    inc.summary.push(`Synthetic incident ${n} (not real): ${attackType.replace(/_/g, " ")} against ${target.toLowerCase()} near ${place.city}, ${province.replace(/_/g, " ")}.`);
    inc.confidence.push(pickConfidence(r)); const link = r() < 0.85 ? "direct" : r() < 0.5 ? "indirect" : "disputed";
    inc.targetLink.push(link); inc.chineseLink.push(link === "direct" ? "direct" : "weak");
    inc.notes.push("Synthetic benchmark data; not a real incident.");
    inc.chineseKilled.push(totals.chineseKilled); inc.chineseInjured.push(totals.chineseInjured); inc.chineseKidnapped.push(totals.chineseKidnapped);
    inc.totalKilled.push(totals.totalKilled); inc.totalInjured.push(totals.totalInjured); inc.attackersKilled.push(totals.attackersKilled);
    for (const k of RANGE_KEYS) inc[k].push(totals[k]);
    inc.chineseHarmed.push(totals.chineseHarmed);

    claims.forEach((c, k) => {
      const cas = b.casualties;
      cas.id.push(`${id}/casualty/${k}`); cas.incidentId.push(id); cas.outcome.push(c.outcome); cas.victimGroup.push(c.victimGroup);
      cas.count.push(c.count); cas.low.push(c.low); cas.high.push(c.high); cas.sourceId.push(claimSource[k]); cas.counted.push(c.counted !== false); cas.note.push(claimNote[k]);
    });

    // Attributions: ~15% unattributed; otherwise 1-3 claims, the later ones often naming another group.
    const cited = new Set<string>(claimSource);
    if (r() >= 0.15) {
      const roles = pickRoles(r);
      const first = pickGroup(r);
      roles.forEach((role, k) => {
        const group = k === 0 || (role === "attributed_by_authorities" && r() < 0.7) ? first : pickGroup(r);
        const a = b.attributions;
        a.id.push(`${id}/attribution/${k}`); a.incidentId.push(id); a.perpetratorId.push(group); a.role.push(role);
        const source = sources[Math.min(k, sources.length - 1)];
        a.statedBy.push(STATED_BY[role]); a.sourceId.push(source); cited.add(source);
      });
    }
    if (!cited.size) cited.add(sources[0]);
    for (const s of cited) { b.incidentSources.incidentId.push(id); b.incidentSources.sourceId.push(s); }
  }
  return b;
}
