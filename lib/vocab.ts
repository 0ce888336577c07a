// The fixed vocabularies of Corridor Watch, in one place. The Prisma enums, the seed
// validator, the URL filter schema and the UI labels all derive from these lists, and a
// test checks that they match the Prisma enums, so URL, database and UI cannot drift.

export const PROVINCES = {
  balochistan: "Balochistan",
  sindh: "Sindh",
  khyber_pakhtunkhwa: "Khyber Pakhtunkhwa",
  punjab: "Punjab",
  islamabad: "Islamabad Capital Territory",
  gilgit_baltistan: "Gilgit-Baltistan",
  azad_kashmir: "Azad Jammu and Kashmir",
} as const;

export const ATTACK_TYPES = {
  suicide_bombing: "Suicide bombing",
  bombing: "Bombing (planted or remote IED)",
  complex_attack: "Complex attack (armed assault with explosives)",
  armed_assault: "Armed assault",
  targeted_shooting: "Targeted shooting",
  kidnapping: "Kidnapping",
  other: "Other",
} as const;

export const DATE_PRECISIONS = { day: "Exact day", month: "Month only", year: "Year only" } as const;

export const LOCATION_PRECISIONS = {
  exact: "Exact site",
  city: "City or town",
  district: "District",
  province: "Province only",
} as const;

// What a coordinate stands for (the map and the incident page say so).
export const GEO_PRECISIONS = {
  site: "Site",
  town: "Town centre",
  district: "District centre",
  province: "Province centre",
} as const;

export const PERPETRATOR_KINDS = {
  ethno_separatist: "Ethno-separatist",
  jihadist: "Jihadist",
  sectarian: "Sectarian",
  criminal: "Criminal",
  individual: "Individual (lone attacker)",
  unknown: "Unknown",
} as const;

export const ATTRIBUTION_ROLES = {
  claimed: "Claimed by the group",
  attributed_by_authorities: "Attributed by authorities",
  alleged: "Alleged by a named source",
  suspected: "Suspected",
  denied: "Denied by the group",
} as const;

export const CASUALTY_OUTCOMES = { killed: "Killed", injured: "Injured", kidnapped: "Kidnapped" } as const;

// all_victims is a total with no breakdown ("ten people injured"); attackers are never
// counted among victims.
export const VICTIM_GROUPS = {
  chinese: "Chinese nationals",
  pakistani_civilians: "Pakistani civilians",
  security_forces: "Security forces",
  other: "Other or unidentified victims",
  all_victims: "All victims (no breakdown given)",
  attackers: "Attackers",
} as const;

export const CONFIDENCES = { high: "High", medium: "Medium", low: "Low" } as const;

// weak: the link to Chinese interests is indirect or disputed (e.g. Pakistani workers on a
// CPEC road, or an attack where a Chinese target is only suspected). Filters can leave these out.
// Kept for the filter and export until they move to TARGET_LINKS (issue 11): derived when an
// incident is written, direct exactly when targetLink is direct.
export const CHINESE_LINKS = { direct: "Direct", weak: "Weak or disputed" } as const;

// Were Chinese nationals or interests the target? A separate question from whether Chinese
// nationals were among the victims (Incident.chineseHarmed, derived from the casualty claims).
export const TARGET_LINKS = {
  direct: "Directly targeted",
  indirect: "Indirectly targeted",
  disputed: "Target disputed",
} as const;

// UCDP's practice: an early toll or a figure later corrected stays on record with its reason,
// but the best figure and its range come from the current accounts.
export const FIGURE_STATUSES = {
  current: "Current",
  preliminary: "Preliminary (an early toll, revised by later reports)",
  superseded: "Superseded (corrected or replaced)",
} as const;

export const SOURCE_KINDS = {
  seed_document: "Source document",
  news: "News report",
  official: "Official statement or record",
  report: "Research report",
} as const;

export const PROJECT_SECTORS = {
  energy: "Energy",
  hydropower: "Hydropower",
  transport: "Transport",
  port: "Port",
  mining: "Mining",
  industrial_zone: "Special economic zone",
  diplomatic: "Diplomatic",
  education: "Education and culture",
  commercial: "Commercial",
  other: "Other",
} as const;

export const FIGURE_METRICS = {
  incidents: "Attacks",
  killed: "Killed",
  injured: "Injured",
  population: "People present",
} as const;

export const FIGURE_QUALIFIERS = {
  exact: "exactly",
  more_than: "more than",
  at_least: "at least",
  approximately: "about",
} as const;

// Which incidents a reported aggregate counts: attacks on Chinese nationals and interests
// (comparable with our records) or all militant violence in Pakistan (not comparable).
export const FIGURE_SCOPES = {
  chinese_targeted: "Attacks on Chinese nationals or interests",
  all_pakistan: "All militant violence in Pakistan",
} as const;

export const FIGURE_VICTIMS = { chinese: "Chinese nationals", all: "All victims" } as const;

export type Province = keyof typeof PROVINCES;
export type AttackType = keyof typeof ATTACK_TYPES;
export type AttributionRole = keyof typeof ATTRIBUTION_ROLES;
export type VictimGroup = keyof typeof VICTIM_GROUPS;
export type CasualtyOutcome = keyof typeof CASUALTY_OUTCOMES;
export type TargetLink = keyof typeof TARGET_LINKS;
export type FigureStatus = keyof typeof FIGURE_STATUSES;
export type DatePrecision = keyof typeof DATE_PRECISIONS;
export type GeoPrecision = keyof typeof GEO_PRECISIONS;
export type ProjectSector = keyof typeof PROJECT_SECTORS;
export type PerpetratorKind = keyof typeof PERPETRATOR_KINDS;
export type ChineseLink = keyof typeof CHINESE_LINKS;
export type SourceKind = keyof typeof SOURCE_KINDS;
export type FigureMetric = keyof typeof FIGURE_METRICS;
export type FigureQualifier = keyof typeof FIGURE_QUALIFIERS;
export type FigureScope = keyof typeof FIGURE_SCOPES;
export type FigureVictims = keyof typeof FIGURE_VICTIMS;

/** The keys of a vocabulary as a non-empty tuple, the shape z.enum wants. */
export function keysOf<T extends Record<string, string>>(vocab: T): [keyof T & string, ...(keyof T & string)[]] {
  return Object.keys(vocab) as [keyof T & string, ...(keyof T & string)[]];
}

/** Group, project, source and incident ids: lowercase words joined by hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Longest incident id a URL path or an import may name (a date and a place slug). */
export const MAX_ID_LENGTH = 120;
/** Longest group or project slug a URL may name (the longest recorded is under 40). */
export const MAX_SLUG_LENGTH = 80;

export const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"] as const;
export const MONTHS_SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/** "Bombing" for "Bombing (planted or remote IED)": the table's and the filter menu's short name; the full label is on hover. */
export function attackTypeShort(t: AttackType): string {
  return ATTACK_TYPES[t].replace(/ \(.*\)$/, "");
}
