// The reading library's candidates (issue 13's JSON shape, as `npm run ingest -- --format json`
// prints them), checked with zod where they enter the editors' side: stored with a report and
// read back by the accept writer. Offsets are JavaScript string indices into the report text.
import { z } from "zod";
import { ATTACK_TYPES, ATTRIBUTION_ROLES, CASUALTY_OUTCOMES, DATE_PRECISIONS, PROVINCES } from "../vocab.ts";

const keys = <T extends Record<string, unknown>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const evidenceSchema = z.object({ start: z.number().int().min(0), end: z.number().int().min(0), quote: z.string() });

// "all" is how the reading library may name all victims; the record calls them all_victims.
export const CANDIDATE_VICTIMS = ["chinese", "pakistani_civilians", "security_forces", "other", "attackers", "all_victims", "all"] as const;

export const figureSchema = z.object({
  outcome: z.enum(keys(CASUALTY_OUTCOMES)),
  victims: z.enum(CANDIDATE_VICTIMS),
  count: z.number().int().min(0),
  qualifier: z.enum(["exact", "at_least", "approximately", "more_than"]).default("exact"),
  evidence: evidenceSchema,
});

export const attributionCandidateSchema = z.object({
  group: z.string().nullable(),
  name: z.string(),
  role: z.enum(keys(ATTRIBUTION_ROLES)),
  evidence: evidenceSchema,
});

export const candidateSchema = z.object({
  kind: z.enum(["main", "mentioned"]),
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/).nullable(),
  datePrecision: z.enum(keys(DATE_PRECISIONS)).nullable(),
  province: z.enum(keys(PROVINCES)).nullable(),
  city: z.string().nullable().default(null),
  latitude: z.number().nullable().default(null),
  longitude: z.number().nullable().default(null),
  attackType: z.enum(keys(ATTACK_TYPES)).nullable(),
  project: z.string().nullable().default(null),
  figures: z.array(figureSchema).default([]),
  attributions: z.array(attributionCandidateSchema).default([]),
  evidence: z.array(evidenceSchema).default([]),
  match: z.object({ incidentId: z.string(), score: z.number() }).nullable().default(null),
  confidence: z.number().min(0).max(1).default(0),
});

export const candidatesSchema = z.array(candidateSchema);

export type Evidence = z.infer<typeof evidenceSchema>;
export type Figure = z.infer<typeof figureSchema>;
export type AttributionCandidate = z.infer<typeof attributionCandidateSchema>;
export type Candidate = z.infer<typeof candidateSchema>;

/** The record's victim group for a candidate's. */
export function victimGroupOf(v: Figure["victims"]) {
  return v === "all" ? "all_victims" : v;
}

/** Null when the span is exactly the text it claims to quote; otherwise what is wrong with it. */
export function evidenceProblem(text: string, e: Evidence): string | null {
  if (e.end <= e.start) return `evidence span ${e.start}-${e.end} is empty`;
  if (e.end > text.length) return `evidence span ${e.start}-${e.end} runs past the report's end (${text.length} characters)`;
  if (text.slice(e.start, e.end) !== e.quote) return `quote "${e.quote.slice(0, 80)}" is not the report's text at ${e.start}-${e.end}`;
  return null;
}
