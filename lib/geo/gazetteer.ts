// The gazetteer of Pakistan: provinces, districts, cities and towns, and the sites attacks
// name. Client-safe (no I/O): two committed JSON files, GeoNames' places reduced by
// seed/geo/build-gazetteer.ts (CC BY 4.0) and a small curated file, each entry with the
// source that states it. Used by the report reader (lib/ingest) and the map.
import geonames from "./data/gazetteer-geonames.json" with { type: "json" };
import curated from "./data/gazetteer-curated.json" with { type: "json" };
import { PROVINCES, type Province } from "../vocab.ts";

export type PlaceKind = "province" | "district" | "city" | "town" | "site";

export interface Place {
  name: string;
  kind: PlaceKind;
  province: Province | null;
  district: string | null;
  /** The city or town a site is in (sites only). */
  city: string | null;
  /** Null when no source states a coordinate; see coordinatesOf() for the fallback. */
  latitude: number | null;
  longitude: number | null;
  variants: string[];
  origin: "geonames" | "curated" | "vocab";
}

export interface PlaceMention extends Place {
  /** Offsets in JavaScript string indices into the searched text; text.slice(start, end) is what was matched. */
  start: number;
  end: number;
  matched: string;
}

// Old and variant spellings of the provinces (the vocabulary holds today's names). FATA and
// PATA merged into Khyber Pakhtunkhwa in 2018; "Northern Areas" is Gilgit-Baltistan's old name.
const PROVINCE_VARIANTS: Record<Province, string[]> = {
  balochistan: ["Baluchistan", "Balochistan province", "Baluchistan province"],
  sindh: ["Sind", "Sindh province"],
  khyber_pakhtunkhwa: ["KP", "KPK", "K-P", "NWFP", "North-West Frontier Province", "North West Frontier Province", "Frontier Province", "Khyber-Pakhtunkhwa", "Khyber Pakhtoonkhwa", "Pakhtunkhwa", "FATA", "Federally Administered Tribal Areas", "tribal areas", "ex-FATA"],
  punjab: ["Punjab province"],
  islamabad: ["Islamabad Capital Territory", "ICT", "the federal capital"],
  gilgit_baltistan: ["GB", "Gilgit Baltistan", "Northern Areas"],
  azad_kashmir: ["AJK", "Azad Kashmir", "Azad Jammu and Kashmir", "Azad Jammu & Kashmir", "Pakistan-administered Kashmir"],
};

// District names as reports write them, mapped to GeoNames' district names.
const DISTRICT_VARIANTS: Record<string, string[]> = {
  "Diamir": ["Diamer", "Diamer district"],
  "Upper Kohistan": ["Kohistan", "Upper Kohistan district", "Kohistan district"],
  "Lower Dir": ["Lower Dir district"],
  "Shangla": ["Shangla district"],
  "Chagai": ["Chagai district", "Chaghi"],
  "Kech": ["Kech district", "Kech (Turbat) district"],
  "Lasbela": ["Lasbela district", "Las Bela"],
  "Dera Ismail Khan": ["D.I. Khan", "DI Khan", "D I Khan", "Dera Ismail Khan district"],
  "South Waziristan": ["South Waziristan Agency", "South Waziristan district"],
};

const CITY_VARIANTS: Record<string, string[]> = {
  "Gwadar": ["Gawadar", "Gwader"],
  "Dasu": ["Dassu"],
  "Dera Ismail Khan": ["D.I. Khan", "DI Khan"],
  "Peshawar": ["Peshawer"],
  "Timargara": ["Timergara"],
  "Hub": ["Hub Chowki", "Hub city"],
  "Karachi": ["Karachi city"],
  "Muzaffarabad": [],
};

// Place names that are also common English words, personal names or places abroad: matched
// in running text only right after "in/at/near/from/of/to" or before "district/town/city".
const AMBIGUOUS = new Set(["Hub", "Tank", "Bela", "Thal", "Mach", "Khar", "Bhag", "Bhan", "Lawa", "Daur", "Jhol", "Sann", "Thul", "Patan", "Chamber", "Model Town", "Fatehpur", "Jati", "Rustam", "Lachi", "Sarni", "Tangi", "Dinga", "Topi", "Johi", "Buni", "Mehar", "Moro", "Kambar", "Hajira", "Dayal", "Bhata", "Sui", "Wana", "Dokri", "Lakhi", "Chak", "Dadhar", "Zaida", "Jand", "Kunri", "Banian", "Doaba", "Noorabad", "Mustafabad", "Amirabad", "Aliabad", "Sharifabad", "Karimabad", "Nasirabad", "Alahabad", "Saidpur", "Shahpur", "Daulatpur", "Khanpur", "Alipur", "Islamgarh", "Clifton", "Nazir Town", "Muhammad Pur", "Eidghah", "Bhit Shah", "Haji Shah", "Sita Road", "Garhiyasin", "Berani", "Kot Sultan", "Dhanot", "Tolti", "Dijkot", "Talhar", "Dambudas", "Sook Kalan", "GB", "KP", "ICT", "tribal areas", "the federal capital"]);

type RawPlace = { name: string; kind: string; province: string | null; district: string | null; city?: string | null; latitude: number | null; longitude: number | null; variants?: string[] };

function build(): Place[] {
  const out: Place[] = [];
  for (const [slug, name] of Object.entries(PROVINCES) as [Province, string][]) {
    out.push({ name, kind: "province", province: slug, district: null, city: null, latitude: null, longitude: null, variants: PROVINCE_VARIANTS[slug], origin: "vocab" });
  }
  for (const p of geonames.places as RawPlace[]) {
    const variants = p.kind === "district" ? DISTRICT_VARIANTS[p.name] ?? [] : CITY_VARIANTS[p.name] ?? [];
    out.push({ name: p.name, kind: p.kind as PlaceKind, province: p.province as Province, district: p.district, city: null, latitude: p.latitude, longitude: p.longitude, variants, origin: "geonames" });
  }
  // Districts the GeoNames reduction lacks but recorded incidents name.
  const haveDistrict = new Set(out.filter((p) => p.kind === "district").map((p) => p.name));
  for (const [name, province] of [["Shangla", "khyber_pakhtunkhwa"], ["South Waziristan", "khyber_pakhtunkhwa"], ["Malir", "sindh"], ["Upper Kohistan", "khyber_pakhtunkhwa"], ["Battagram", "khyber_pakhtunkhwa"], ["Dera Bugti", "balochistan"], ["Gwadar", "balochistan"], ["Kech", "balochistan"]] as const) {
    if (!haveDistrict.has(name)) out.push({ name, kind: "district", province, district: name, city: null, latitude: null, longitude: null, variants: DISTRICT_VARIANTS[name] ?? [], origin: "vocab" });
  }
  for (const p of curated.places as RawPlace[]) {
    out.push({ name: p.name, kind: p.kind as PlaceKind, province: (p.province ?? null) as Province | null, district: p.district ?? null, city: p.city ?? null, latitude: p.latitude, longitude: p.longitude, variants: p.variants ?? [], origin: "curated" });
  }
  return out;
}

const PLACES: readonly Place[] = build();

/** Lower-case, dots and apostrophes dropped, hyphens and runs of space folded to one space. */
export function placeKey(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[.'’]/g, "").replace(/[\s\-–]+/g, " ").trim();
}

// Specific before general: the site a report names says more than its city, a city more
// than its namesake district.
const KIND_RANK: Record<PlaceKind, number> = { site: 0, town: 1, city: 2, district: 3, province: 4 };

type Entry = { place: Place; form: string };
const INDEX = new Map<string, Entry[]>();
let MAX_WORDS = 1;
for (const place of PLACES) {
  for (const form of [place.name, ...place.variants]) {
    const key = placeKey(form);
    if (!key) continue;
    const list = INDEX.get(key) ?? [];
    if (!list.some((e) => e.place === place)) list.push({ place, form });
    INDEX.set(key, list);
    MAX_WORDS = Math.max(MAX_WORDS, key.split(" ").length);
  }
}
for (const list of INDEX.values()) list.sort((a, b) => KIND_RANK[a.place.kind] - KIND_RANK[b.place.kind]);

export function allPlaces(): readonly Place[] {
  return PLACES;
}

/** The place a name denotes (any spelling the gazetteer knows), most specific kind first; null if unknown. */
export function lookupPlace(name: string, kind?: PlaceKind): Place | null {
  const list = INDEX.get(placeKey(name));
  if (!list) return null;
  return (kind ? list.find((e) => e.place.kind === kind) : list[0])?.place ?? null;
}

/** Every place a name could denote (e.g. Gwadar the city and Gwadar the district). */
export function lookupPlaces(name: string): Place[] {
  return (INDEX.get(placeKey(name)) ?? []).map((e) => e.place);
}

/**
 * The place's own coordinates, else those of the city it is in, else its district seat's;
 * with how precise they are. Null when no source gives any.
 */
export function coordinatesOf(place: Place): { latitude: number; longitude: number; precision: "exact" | "city" | "district" } | null {
  if (place.latitude != null && place.longitude != null) return { latitude: place.latitude, longitude: place.longitude, precision: place.kind === "site" ? "exact" : place.kind === "district" ? "district" : "city" };
  if (place.city) {
    const c = lookupPlace(place.city, "city");
    if (c?.latitude != null && c.longitude != null) return { latitude: c.latitude, longitude: c.longitude, precision: "city" };
  }
  if (place.district && place.kind !== "district") {
    const d = INDEX.get(placeKey(place.district))?.find((e) => e.place.kind === "district")?.place;
    if (d?.latitude != null && d.longitude != null) return { latitude: d.latitude, longitude: d.longitude, precision: "district" };
  }
  return null;
}

const TOKEN = /[\p{L}\p{N}&][\p{L}\p{N}.'’&]*/gu;
const BEFORE_AMBIGUOUS = /\b(?:in|at|near|from|of|to|outside|around|between|and)\s+$/i;
const AFTER_AMBIGUOUS = /^\s+(?:district|town|city|area|tehsil|region)\b/i;

/**
 * Every gazetteer place named in the text, longest match first and non-overlapping, with
 * its offsets. Proper names must be capitalised as written in the text; lower-case
 * variants ("tribal areas") match any case.
 */
export function findPlaces(text: string): PlaceMention[] {
  const tokens: { start: number; end: number; key: string }[] = [];
  for (const m of text.matchAll(TOKEN)) {
    let word = m[0];
    // A sentence's full stop is not part of the name, but the dots of "D.I." are.
    if (!/^(?:\p{L}{1,2}\.)+$/u.test(word)) word = word.replace(/\.+$/, "");
    word = word.replace(/['’]s$/, "");
    tokens.push({ start: m.index, end: m.index + word.length, key: placeKey(word) });
  }
  const out: PlaceMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (let n = Math.min(MAX_WORDS, tokens.length - i); n >= 1; n--) {
      const span = tokens.slice(i, i + n);
      let joined = true;
      for (let k = 1; k < span.length; k++) if (!/^[ \t\-–]{1,2}$|^ ?& ?$/.test(text.slice(span[k - 1].end, span[k].start))) joined = false;
      if (!joined) continue;
      const list = INDEX.get(span.map((t) => t.key).join(" "));
      if (!list) continue;
      const start = span[0].start, end = span[n - 1].end;
      const matched = text.slice(start, end);
      const entry = list.find((e) => acceptable(e, matched, text, start, end));
      if (!entry) continue;
      out.push({ ...entry.place, start, end, matched });
      i += n - 1;
      break;
    }
  }
  return out;
}

function acceptable(e: Entry, matched: string, text: string, start: number, end: number): boolean {
  const lowerForm = /^[a-z]/.test(e.form);
  if (!lowerForm && !/^[\p{Lu}\p{N}]/u.test(matched)) return false;
  // Short all-capital forms (KP, GB, ICT, KKH) only as written.
  if (/^[A-Z&-]{2,5}$/.test(e.form) && matched !== e.form) return false;
  if (AMBIGUOUS.has(e.form) || AMBIGUOUS.has(e.place.name) && e.form === e.place.name) {
    return BEFORE_AMBIGUOUS.test(text.slice(Math.max(0, start - 12), start)) || AFTER_AMBIGUOUS.test(text.slice(end, end + 12));
  }
  return true;
}
