// The report reader's input and output shapes (issue 13). Plain data: no framework, no I/O.
import type { AttackType, AttributionRole, CasualtyOutcome, Province, VictimGroup } from "../vocab.ts";

/** A span of the extracted text: quote === text.slice(start, end), always. */
export interface Evidence {
  start: number;
  end: number;
  quote: string;
}

export type FigureQualifier = "exact" | "at_least" | "approximately" | "more_than";

export interface Figure {
  outcome: CasualtyOutcome;
  victims: VictimGroup;
  count: number;
  qualifier: FigureQualifier;
  evidence: Evidence;
}

export interface Attribution {
  /** Perpetrator id, or null when the name is not in the reference list. */
  group: string | null;
  /** The name as written. */
  name: string;
  role: AttributionRole;
  evidence: Evidence;
}

export type DatePrecision = "day" | "month" | "year";

export interface Candidate {
  kind: "main" | "mentioned";
  date: string | null;
  datePrecision: DatePrecision | null;
  province: Province | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
  attackType: AttackType | null;
  project: string | null;
  figures: Figure[];
  attributions: Attribution[];
  evidence: Evidence[];
  match: { incidentId: string; score: number } | null;
  confidence: number;
}

export interface IngestResult {
  document: { sha256: string; chars: number };
  candidates: Candidate[];
}

/** What the reader knows of the record: plain arrays, loaded by the caller (database or seed files). */
export interface ReferencePerpetrator {
  id: string;
  name: string;
  shortName?: string | null;
  aliases?: string[];
}

export interface ReferenceProject {
  id: string;
  name: string;
  province?: Province | null;
  location?: string | null;
}

export interface ReferenceIncident {
  id: string;
  date: string;
  datePrecision: DatePrecision;
  province: Province;
  city: string | null;
  district?: string | null;
  attackType: AttackType;
  project?: string | null;
  casualties: { outcome: CasualtyOutcome; victimGroup: VictimGroup; count: number | null }[];
}

export interface Reference {
  perpetrators: ReferencePerpetrator[];
  projects: ReferenceProject[];
  incidents: ReferenceIncident[];
}

export interface DocumentMeta {
  /** YYYY-MM-DD: relative dates ("on Tuesday", "last month") are resolved against it. */
  published: string;
  title?: string;
  publisher?: string;
  url?: string;
}
