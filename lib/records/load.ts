// Reads and validates every seed file in seed/data/ and merges them into one dataset.
// Files are grouped by name prefix (sources*.json, incidents*.json, claims*.json, ...), so
// several people can add data in separate files without editing the same one.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import {
  claimsSchema, incidentSchema, perpetratorSchema, projectSchema, reportedFigureSchema, sourceSchema,
  type IncidentRecord, type PerpetratorRecord, type ProjectRecord, type ReportedFigureRecord, type SourceRecord,
} from "./schema.ts";

export const SEED_DATA_DIR = join(import.meta.dirname, "../../seed/data");

export type Dataset = {
  sources: SourceRecord[];
  perpetrators: PerpetratorRecord[];
  projects: ProjectRecord[];
  incidents: IncidentRecord[];
  reportedFigures: ReportedFigureRecord[];
};

export class SeedValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`seed data is invalid (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n  - ${problems.join("\n  - ")}`);
  }
}

const KINDS = {
  sources: sourceSchema,
  perpetrators: perpetratorSchema,
  projects: projectSchema,
  incidents: incidentSchema,
  claims: claimsSchema,
  "reported-figures": reportedFigureSchema,
} as const;
type Kind = keyof typeof KINDS;

function kindOf(file: string): Kind | undefined {
  return (Object.keys(KINDS) as Kind[]).find((k) => file === `${k}.json` || file.startsWith(`${k}-`));
}

function describeIssue(file: string, index: number, record: unknown, issue: z.core.$ZodIssue): string {
  const id = typeof record === "object" && record && "id" in record ? ` (${String((record as { id: unknown }).id)})` : "";
  const path = issue.path.length ? issue.path.join(".") : "(record)";
  return `${file} record ${index}${id}, field ${path}: ${issue.message}`;
}

/** Loads seed/data (or another folder), validates every record and every cross-reference. */
export function loadDataset(dir = SEED_DATA_DIR): Dataset {
  const problems: string[] = [];
  const raw: { [K in Kind]: { file: string; value: z.infer<(typeof KINDS)[K]> }[] } = {
    sources: [], perpetrators: [], projects: [], incidents: [], claims: [], "reported-figures": [],
  };
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    const kind = kindOf(file);
    if (!kind) { problems.push(`${file}: unknown seed file (expected a name starting with ${Object.keys(KINDS).join(", ")})`); continue; }
    let parsed: unknown;
    try { parsed = JSON.parse(readFileSync(join(dir, file), "utf8")); } catch (e) { problems.push(`${file}: not valid JSON: ${(e as Error).message}`); continue; }
    if (!Array.isArray(parsed)) { problems.push(`${file}: must hold a JSON array of records`); continue; }
    parsed.forEach((record, index) => {
      const result = KINDS[kind].safeParse(record);
      if (result.success) (raw[kind] as { file: string; value: unknown }[]).push({ file, value: result.data });
      else for (const issue of result.error.issues) problems.push(describeIssue(file, index, record, issue));
    });
  }

  const unique = <T extends { id: string }>(label: string, items: { file: string; value: T }[]) => {
    const seen = new Map<string, string>();
    for (const { file, value } of items) {
      if (seen.has(value.id)) problems.push(`${label} "${value.id}" is defined twice (${seen.get(value.id)} and ${file})`);
      else seen.set(value.id, file);
    }
    return items.map((i) => i.value);
  };
  const sources = unique("source", raw.sources);
  const perpetrators = unique("perpetrator", raw.perpetrators);
  const incidents = unique("incident", raw.incidents);
  const reportedFigures = unique("reported figure", raw["reported-figures"]);
  const projects = mergeProjects(raw.projects, problems);

  const incidentById = new Map(incidents.map((i) => [i.id, i]));
  for (const { file, value: c } of raw.claims) {
    const target = incidentById.get(c.incident);
    if (!target) { problems.push(`${file}: claims name incident "${c.incident}", which no incidents file defines`); continue; }
    target.evidence.push(...c.evidence);
    target.attributions.push(...c.attributions);
    target.casualties.push(...c.casualties);
  }

  const sourceIds = new Set(sources.map((s) => s.id));
  const groupIds = new Set(perpetrators.map((p) => p.id));
  const projectIds = new Set(projects.map((p) => p.id));
  const needSource = (where: string, id: string) => { if (!sourceIds.has(id)) problems.push(`${where}: unknown source "${id}"`); };
  for (const p of projects) p.evidence.forEach((e, n) => needSource(`project ${p.id} evidence ${n}`, e.source));
  for (const f of reportedFigures) needSource(`reported figure ${f.id}`, f.source);
  for (const i of incidents) {
    if (i.project && !projectIds.has(i.project)) problems.push(`incident ${i.id}, field project: unknown project "${i.project}"`);
    if (i.evidence.length + i.attributions.length + i.casualties.length === 0) problems.push(`incident ${i.id}: has no source (needs evidence, an attribution or a casualty figure)`);
    i.evidence.forEach((e, n) => needSource(`incident ${i.id} evidence ${n}`, e.source));
    i.attributions.forEach((a, n) => {
      needSource(`incident ${i.id} attribution ${n}`, a.source);
      if (!groupIds.has(a.group)) problems.push(`incident ${i.id} attribution ${n}: unknown group "${a.group}"`);
    });
    i.casualties.forEach((c, n) => needSource(`incident ${i.id} casualty ${n}`, c.source));
  }
  if (problems.length) throw new SeedValidationError(problems);
  return { sources, perpetrators, projects, incidents, reportedFigures };
}

/** The same project may be named by several files (a seed document and a news report): the
 * records merge when they agree, one side's nulls are filled by the other, and evidence adds up. */
function mergeProjects(items: { file: string; value: ProjectRecord }[], problems: string[]): ProjectRecord[] {
  const byId = new Map<string, ProjectRecord>();
  for (const { file, value } of items) {
    const prev = byId.get(value.id);
    if (!prev) { byId.set(value.id, structuredClone(value)); continue; }
    for (const key of Object.keys(value) as (keyof ProjectRecord)[]) {
      if (key === "evidence" || key === "id") continue;
      const [a, b] = [prev[key], value[key]];
      if (a === null) (prev as Record<string, unknown>)[key] = b;
      else if (b !== null && a !== b) problems.push(`project "${value.id}": field ${key} is "${String(a)}" in one file and "${String(b)}" in ${file}`);
    }
    prev.evidence.push(...value.evidence);
  }
  return [...byId.values()];
}
