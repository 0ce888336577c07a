// The shape of the seed files in seed/data/. Every record is validated here at load time,
// so a mistake is reported with its file, record and field instead of surfacing as a
// database error half-way through a seed.
import { z } from "zod";
import {
  ATTACK_TYPES, ATTRIBUTION_ROLES, CASUALTY_OUTCOMES, CONFIDENCES, DATE_PRECISIONS,
  FIGURE_METRICS, FIGURE_QUALIFIERS, FIGURE_SCOPES, FIGURE_STATUSES, FIGURE_VICTIMS, LOCATION_PRECISIONS, GEO_PRECISIONS,
  PERPETRATOR_KINDS, PROJECT_SECTORS, PROVINCES, SLUG_PATTERN, SOURCE_KINDS, TARGET_LINKS, VICTIM_GROUPS, keysOf,
} from "../vocab.ts";

const slug = z.string().regex(SLUG_PATTERN, "must be a lowercase slug (a-z, 0-9, hyphens)");
/** A calendar day, month or year: 2024-10-06, 2024-10 or 2024. */
export const partialDate = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, "must be YYYY, YYYY-MM or YYYY-MM-DD")
  // The pattern lets 2024-02-30 through, and Date.UTC would quietly store it as 1 March.
  .refine((v) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    return !m || new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])).getUTCDate() === +m[3];
  }, "is not a real date");
const isoDay = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "must be YYYY-MM-DD");
// Quotes are evidence, not prose: short enough to be a citation.
const quote = z.string().trim().min(3).max(600);
const count = z.number().int().min(0);
const text = z.string().trim().min(1);

export const sourceSchema = z.strictObject({
  id: slug,
  kind: z.enum(keysOf(SOURCE_KINDS)),
  title: text,
  author: text.nullable().default(null),
  publisher: text.nullable().default(null),
  publishedOn: partialDate.nullable().default(null),
  url: z.url().nullable().default(null),
  /** File name in shared/seeds/ when this source is one of the five seed documents. */
  seedFile: z.string().regex(/^\d{3}_[0-9a-f]+\.txt$/).nullable().default(null),
  note: text.nullable().default(null),
});

export const perpetratorSchema = z.strictObject({
  id: slug,
  name: text,
  shortName: text,
  aliases: z.array(text).default([]),
  kind: z.enum(keysOf(PERPETRATOR_KINDS)),
  description: text.nullable().default(null),
});

export const evidenceSchema = z.strictObject({
  source: slug,
  /** Which fact the quote supports: date, location, target, attack_type, project, summary... */
  supports: z.string().regex(/^[a-z_]+$/),
  quote,
  note: text.nullable().default(null),
});

export const projectSchema = z.strictObject({
  id: slug,
  name: text,
  sector: z.enum(keysOf(PROJECT_SECTORS)),
  province: z.enum(keysOf(PROVINCES)).nullable().default(null),
  location: text.nullable().default(null),
  operator: text.nullable().default(null),
  isCpec: z.boolean().nullable().default(null),
  description: text.nullable().default(null),
  evidence: z.array(evidenceSchema).min(1, "every project needs at least one cited quote"),
});

export const attributionSchema = z.strictObject({
  group: slug,
  role: z.enum(keysOf(ATTRIBUTION_ROLES)),
  /** Who made the claim or allegation, e.g. "Pakistani authorities", "BLA spokesman". */
  statedBy: text.nullable().default(null),
  source: slug,
  quote: quote.nullable().default(null),
  note: text.nullable().default(null),
});

export const casualtySchema = z
  .strictObject({
    outcome: z.enum(keysOf(CASUALTY_OUTCOMES)),
    victimGroup: z.enum(keysOf(VICTIM_GROUPS)),
    /** Exact figure as the source states it; null when the source gives only a range. */
    count: count.nullable().default(null),
    low: count.nullable().default(null),
    high: count.nullable().default(null),
    source: slug,
    quote: quote.nullable().default(null),
    note: text.nullable().default(null),
    /** false: shown with its source but left out of the counted figures (a perpetrator's
     * claim, or a figure contradicted by better sources); the note says why. */
    counted: z.boolean().default(true),
    /** preliminary: an early toll later reports revised; superseded: corrected or replaced. Kept
     * on record, left out of the best figure and its range (see lib/casualty-totals.ts). */
    // Optional rather than defaulted, so records written in code (tests, import) need not spell them out.
    status: z.enum(keysOf(FIGURE_STATUSES)).optional(),
    statusReason: text.nullable().optional(),
  })
  .refine((c) => c.counted || c.note !== null, { message: "a figure that is not counted needs a note saying why", path: ["note"] })
  .refine((c) => (c.status ?? "current") === "current" || !!c.statusReason, { message: "a preliminary or superseded figure needs a statusReason saying why", path: ["statusReason"] })
  .refine((c) => c.count !== 0 || c.quote !== null, { message: "a 0 is a fact: give the quote that says none was hurt", path: ["quote"] })
  .refine((c) => c.count !== null || (c.low !== null && c.high !== null), { message: "give count, or both low and high" })
  .refine((c) => c.low === null || c.high === null || c.low <= c.high, { message: "low must not exceed high" });

export const incidentSchema = z.strictObject({
  id: z.string().regex(/^\d{4}(-\d{2}){0,2}-[a-z0-9-]+$/, "must be <date>-<place-slug>, e.g. 2024-10-06-karachi-airport-convoy"),
  date: partialDate,
  datePrecision: z.enum(keysOf(DATE_PRECISIONS)),
  dateNote: text.nullable().default(null),
  province: z.enum(keysOf(PROVINCES)),
  district: text.nullable().default(null),
  city: text.nullable().default(null),
  locationDetail: text.nullable().default(null),
  locationPrecision: z.enum(keysOf(LOCATION_PRECISIONS)),
  latitude: z.number().min(23).max(38).nullable().default(null),
  longitude: z.number().min(60).max(78).nullable().default(null),
  // Optional so records written before coordinates (tests, imports) stay valid; seed/geo/place-incidents.ts fills it.
  geoPrecision: z.enum(keysOf(GEO_PRECISIONS)).nullable().optional(),
  attackType: z.enum(keysOf(ATTACK_TYPES)),
  target: text,
  project: slug.nullable().default(null),
  summary: text.max(1200),
  confidence: z.enum(keysOf(CONFIDENCES)),
  /** Were Chinese nationals or interests the target? (Whether Chinese were harmed comes from the casualty claims.) */
  targetLink: z.enum(keysOf(TARGET_LINKS)),
  linkNote: text.nullable().default(null),
  notes: text.nullable().default(null),
  evidence: z.array(evidenceSchema).default([]),
  attributions: z.array(attributionSchema).default([]),
  casualties: z.array(casualtySchema).default([]),
})
  .refine((i) => i.date.length === { day: 10, month: 7, year: 4 }[i.datePrecision], { message: "date must have exactly the stated datePrecision", path: ["date"] })
  .refine((i) => i.id.startsWith(i.date.slice(0, 4)), { message: "id must start with the incident's year", path: ["id"] });

/** Extra claims about an incident recorded elsewhere (e.g. what a seed document says of it). */
export const claimsSchema = z.strictObject({
  incident: z.string().min(1),
  evidence: z.array(evidenceSchema).default([]),
  attributions: z.array(attributionSchema).default([]),
  casualties: z.array(casualtySchema).default([]),
});

export const reportedFigureSchema = z.strictObject({
  id: slug,
  source: slug,
  quote,
  /** Who produced the figure, e.g. "NACTA", "CRSS", when the source reports someone else's count. */
  statedBy: text.nullable().default(null),
  metric: z.enum(keysOf(FIGURE_METRICS)),
  qualifier: z.enum(keysOf(FIGURE_QUALIFIERS)),
  value: count,
  scope: z.enum(keysOf(FIGURE_SCOPES)),
  victims: z.enum(keysOf(FIGURE_VICTIMS)).nullable().default(null),
  province: z.enum(keysOf(PROVINCES)).nullable().default(null),
  periodStart: isoDay.nullable().default(null),
  periodEnd: isoDay.nullable().default(null),
  description: text,
  /** Why our records differ from this figure, where they do. */
  reconciliationNote: text.nullable().default(null),
});

export type SourceRecord = z.infer<typeof sourceSchema>;
export type PerpetratorRecord = z.infer<typeof perpetratorSchema>;
export type ProjectRecord = z.infer<typeof projectSchema>;
export type IncidentRecord = z.infer<typeof incidentSchema>;
export type ClaimsRecord = z.infer<typeof claimsSchema>;
export type ReportedFigureRecord = z.infer<typeof reportedFigureSchema>;
export type EvidenceRecord = z.infer<typeof evidenceSchema>;
export type AttributionRecord = z.infer<typeof attributionSchema>;
export type CasualtyRecord = z.infer<typeof casualtySchema>;
