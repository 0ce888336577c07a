// `npm run db:import`: adds or updates incidents from a file in the CSV export's shape.
// All-or-nothing: one transaction reads the file batch by batch, checks every row (file syntax,
// fields, groups and projects that must exist, conflicts with sourced records) and writes each
// batch with a few multi-row statements; the first problem stops the writing, the checks go on
// to the end of the file so that every problem is listed, and the transaction is rolled back.
//
// The export carries headline figures, not the claims behind them, so an import cannot
// rebuild a curated record's evidence. The rules that follow from that:
//   - a new incident gets one claim per figure and attribution, each sourced to the row's
//     first URL and noted as imported;
//   - an existing incident gets its descriptive fields updated; its claims are kept when
//     the row's figures, attributions and sources agree with them (so re-importing an export
//     changes nothing), replaced when they were themselves imported, and otherwise the row
//     is refused: quoted, sourced evidence is edited in seed/data, never overwritten.
import { createHash } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { casualtyEstimates } from "../casualty-totals.ts";
import { ImportError, type ImportBatch, type ImportProblem, type ImportRow } from "../records/import-rows.ts";
import type { IncidentRecord } from "../records/schema.ts";
import { rawTransactionOf, type SqlRunner } from "../server/prisma-factory.ts";
import { startOfPartialDate } from "./write-dataset.ts";
import { batchRevisions, commandActor } from "./revisions.ts";

export type ImportSummary = { created: string[]; updated: string[]; unchanged: string[] };

const importSourceId = (url: string) => `import-${createHash("sha1").update(url).digest("hex").slice(0, 12)}`;

/** What the rules need to know of an incident the file names that is already in the database. */
type Existing = {
  id: string; targetLink: string; confidence: string; locationPrecision: string;
  chineseKilled: number | null; chineseInjured: number | null; totalKilled: number | null; totalInjured: number | null; attackersKilled: number | null;
  /** "group:role" of each attribution. */
  pairs: string[];
  /** The URLs of its sources (those that have one). */
  urls: string[];
  /** Holds evidence, or a quoted attribution or figure: sourced facts an import must not overwrite. */
  curated: boolean;
};

function agrees(row: ImportRow, e: Existing): boolean {
  const same = <T>(a: T[], b: T[]) => [...new Set(a.map(String))].sort().join("\n") === [...new Set(b.map(String))].sort().join("\n");
  return row.chinese_killed === e.chineseKilled && row.chinese_injured === e.chineseInjured && row.total_killed === e.totalKilled
    && row.total_injured === e.totalInjured && row.attackers_killed === e.attackersKilled
    && same(row.attribution, e.pairs) && same(row.source_urls, e.urls);
}

/** The claims an imported row stands for, all sourced to its first URL. */
function claimsOf(row: ImportRow, sourceId: string, note: string): Pick<IncidentRecord, "evidence" | "attributions" | "casualties"> {
  const figure = (outcome: "killed" | "injured", victimGroup: "chinese" | "all_victims" | "attackers", count: number | null) =>
    count === null ? [] : [{ outcome, victimGroup, count, low: null, high: null, source: sourceId, quote: null, note, counted: true }];
  return {
    evidence: [],
    attributions: row.attribution.map((pair) => {
      const [group, role] = pair.split(":") as [string, IncidentRecord["attributions"][number]["role"]];
      return { group, role, statedBy: null, source: sourceId, quote: null, note };
    }),
    casualties: [
      ...figure("killed", "chinese", row.chinese_killed), ...figure("killed", "all_victims", row.total_killed),
      ...figure("injured", "chinese", row.chinese_injured), ...figure("injured", "all_victims", row.total_injured),
      ...figure("killed", "attackers", row.attackers_killed),
    ],
  };
}

// The import's chinese_link column predates the split into target link and harm: "weak" cannot
// say whether the target was indirect or disputed, so an existing record keeps its own answer
// and a new one is recorded as disputed, the claim that asserts least.
function targetLinkOf(link: ImportRow["chinese_link"], existing: { targetLink: string } | null): IncidentRecord["targetLink"] {
  const had = existing?.targetLink as IncidentRecord["targetLink"] | undefined;
  if (link === "direct") return "direct";
  if (link === "weak") return had && had !== "direct" ? had : "disputed";
  return had ?? "direct";
}

function coreFields(row: ImportRow, existing: { targetLink: string; confidence: string; locationPrecision: string } | null) {
  return {
    date: row.date, datePrecision: row.date_precision, province: row.province, district: row.district, city: row.city,
    attackType: row.attack_type, target: row.target, project: row.project, summary: row.summary,
    targetLink: targetLinkOf(row.chinese_link, existing),
    confidence: (row.confidence ?? existing?.confidence ?? "medium") as IncidentRecord["confidence"],
    locationPrecision: (row.location_precision ?? existing?.locationPrecision ?? (row.city ? "city" : row.district ? "district" : "province")) as IncidentRecord["locationPrecision"],
    // Left out when the file has no such column, so an existing incident keeps its point.
    ...(row.latitude !== undefined && { latitude: row.latitude, longitude: row.longitude ?? null, geoPrecision: row.geo_precision ?? null }),
  };
}


/** The record the seed writer would be given for an imported row (exported for the test that compares the two writers). */
export function importedRecord(row: ImportRow, existing: Pick<Existing, "targetLink" | "confidence" | "locationPrecision"> | null, sourceId: string, note: string): IncidentRecord {
  return {
    id: row.id, latitude: null, longitude: null, ...coreFields(row, existing), dateNote: null, locationDetail: null, linkNote: null,
    notes: note, ...claimsOf(row, sourceId, note),
  };
}

// ---- SQL. Table and column names are constants; every value is a parameter (arrays for unnest). ----

type Cols = readonly (readonly [column: string, type: string])[];
const list = (cols: Cols, f: (c: string, t: string, k: number) => string) => cols.map(([c, t], k) => f(c, t, k)).join(", ");
const unnest = (cols: Cols, from = 1) => `unnest(${list(cols, (_c, t, k) => `$${k + from}::${t}[]`)}) AS u(${list(cols, (c) => `"${c}"`)})`;
const insertSql = (table: string, cols: Cols, tail = "") => `INSERT INTO "${table}" (${list(cols, (c) => `"${c}"`)}) SELECT ${list(cols, (c) => `u."${c}"`)} FROM ${unnest(cols)}${tail}`;

// Every column the seed writer sets on an incident (lib/write/write-dataset.ts, upsertIncidents), but geoPrecision (below).
const INCIDENT_COLS = [
  ["id", "text"], ["date", "date"], ["datePrecision", '"DatePrecision"'], ["dateNote", "text"], ["province", '"Province"'], ["district", "text"], ["city", "text"],
  ["locationDetail", "text"], ["locationPrecision", '"LocationPrecision"'], ["latitude", "float8"], ["longitude", "float8"], ["attackType", '"AttackType"'], ["target", "text"],
  ["projectId", "text"], ["summary", "text"], ["confidence", '"Confidence"'], ["chineseLink", '"ChineseLink"'], ["targetLink", '"TargetLink"'], ["linkNote", "text"], ["notes", "text"],
  ["chineseKilled", "int4"], ["chineseInjured", "int4"], ["chineseKidnapped", "int4"], ["totalKilled", "int4"], ["totalInjured", "int4"], ["attackersKilled", "int4"],
  ["chineseKilledLow", "int4"], ["chineseKilledHigh", "int4"], ["chineseInjuredLow", "int4"], ["chineseInjuredHigh", "int4"],
  ["totalKilledLow", "int4"], ["totalKilledHigh", "int4"], ["totalInjuredLow", "int4"], ["totalInjuredHigh", "int4"], ["chineseHarmed", "bool"],
] as const;
type IncidentColumn = (typeof INCIDENT_COLS)[number][0];
// An incident's point is written only when the row carries the point columns (hasPoint); the
// seed record sets latitude and longitude either way, geoPrecision only with them.
const POINT_COLS = [["geoPrecision", '"GeoPrecision"'], ["hasPoint", "bool"]] as const;
const INSERT_INCIDENTS = insertSql("Incident", [...INCIDENT_COLS, POINT_COLS[0]]);
const REPLACE_INCIDENTS = `UPDATE "Incident" AS i SET ${list(INCIDENT_COLS.slice(1), (c) => `"${c}" = u."${c}"`)},
  "geoPrecision" = CASE WHEN u."hasPoint" THEN u."geoPrecision" ELSE i."geoPrecision" END
  FROM ${unnest([...INCIDENT_COLS, ...POINT_COLS])} WHERE i."id" = u."id"`;

// What an import refreshes on an incident whose claims it keeps.
const DESCRIPTIVE_COLS = [
  ["id", "text"], ["date", "date"], ["datePrecision", '"DatePrecision"'], ["province", '"Province"'], ["district", "text"], ["city", "text"],
  ["attackType", '"AttackType"'], ["target", "text"], ["projectId", "text"], ["summary", "text"], ["targetLink", '"TargetLink"'], ["confidence", '"Confidence"'],
  ["locationPrecision", '"LocationPrecision"'], ["chineseLink", '"ChineseLink"'],
  ["latitude", "float8"], ["longitude", "float8"], ...POINT_COLS,
] as const;
type DescriptiveColumn = (typeof DESCRIPTIVE_COLS)[number][0];
const POINT = new Set(["latitude", "longitude", "geoPrecision"]);
const newValue = (c: string) => (POINT.has(c) ? `CASE WHEN u."hasPoint" THEN u."${c}" ELSE i."${c}" END` : `u."${c}"`);
const SET = DESCRIPTIVE_COLS.filter(([c]) => c !== "id" && c !== "hasPoint");
// Rows whose fields are already as the file has them are left alone: no dead row versions, no work for triggers.
const REFRESH_INCIDENTS = `UPDATE "Incident" AS i SET ${list(SET, (c) => `"${c}" = ${newValue(c)}`)}
  FROM ${unnest(DESCRIPTIVE_COLS)}
  WHERE i."id" = u."id" AND (${list(SET, (c) => `i."${c}"`)}) IS DISTINCT FROM (${list(SET, (c) => newValue(c))})`;

const ATTRIBUTION_COLS = [["id", "text"], ["incidentId", "text"], ["perpetratorId", "text"], ["role", '"AttributionRole"'], ["sourceId", "text"], ["note", "text"]] as const;
const CASUALTY_COLS = [["id", "text"], ["incidentId", "text"], ["outcome", '"CasualtyOutcome"'], ["victimGroup", '"VictimGroup"'], ["count", "int4"], ["sourceId", "text"], ["note", "text"]] as const;
const LINK_COLS = [["incidentId", "text"], ["sourceId", "text"]] as const;
const SOURCE_COLS = [["id", "text"], ["kind", '"SourceKind"'], ["title", "text"], ["publisher", "text"], ["url", "text"], ["note", "text"]] as const;
const INSERT_ATTRIBUTIONS = insertSql("Attribution", ATTRIBUTION_COLS);
const INSERT_CASUALTIES = insertSql("Casualty", CASUALTY_COLS);
const INSERT_LINKS = insertSql("IncidentSource", LINK_COLS, ` ON CONFLICT DO NOTHING`);
// An id already taken (by the same URL's source, or another URL with the same hash prefix) is
// kept as it is, as the per-row writer's upsert did.
const INSERT_SOURCES = insertSql("Source", SOURCE_COLS, ` ON CONFLICT ("id") DO NOTHING`);
// The claims of incidents whose claims the file replaces: one statement per table and batch.
const DELETE_CLAIMS = ["Attribution", "Casualty", "Evidence", "IncidentSource"].map((t) => `DELETE FROM "${t}" WHERE "incidentId" = ANY($1::text[])`);

const EXISTING_SQL = `SELECT i."id", i."targetLink", i."confidence", i."locationPrecision",
    i."chineseKilled", i."chineseInjured", i."totalKilled", i."totalInjured", i."attackersKilled",
    ARRAY(SELECT a."perpetratorId" || ':' || a."role"::text FROM "Attribution" a WHERE a."incidentId" = i."id") AS "pairs",
    ARRAY(SELECT s."url" FROM "IncidentSource" x JOIN "Source" s ON s."id" = x."sourceId" WHERE x."incidentId" = i."id" AND s."url" IS NOT NULL) AS "urls",
    (EXISTS (SELECT 1 FROM "Evidence" e WHERE e."incidentId" = i."id")
      OR EXISTS (SELECT 1 FROM "Attribution" a WHERE a."incidentId" = i."id" AND COALESCE(a."quote", '') <> '')
      OR EXISTS (SELECT 1 FROM "Casualty" c WHERE c."incidentId" = i."id" AND COALESCE(c."quote", '') <> '')) AS "curated"
  FROM "Incident" i WHERE i."id" = ANY($1::text[])`;
// The first source by id with each URL, as the per-row writer's findFirst ordered by id found it.
const SOURCES_BY_URL = `SELECT DISTINCT ON (s."url") s."url", s."id", s."publishedOn" FROM "Source" s WHERE s."url" = ANY($1::text[]) ORDER BY s."url", s."id"`;

/** Column-wise values for an unnest() statement. */
class Columns<C extends string> {
  readonly data = new Map<C, unknown[]>();
  length = 0;
  constructor(cols: readonly (readonly [C, string])[]) { for (const [c] of cols) this.data.set(c, []); }
  push(row: Partial<Record<C, unknown>>) { for (const [c, values] of this.data) values.push(row[c] ?? null); this.length++; }
  params(cols: readonly (readonly [string, string])[]) { return cols.map(([c]) => this.data.get(c as C)); }
}

/** Problems in line order; past a few thousand only counted (the message lists 200 and says how many more). */
class Problems {
  readonly kept: ImportProblem[] = [];
  total = 0;
  add(batch: ImportProblem[]) {
    for (const p of [...batch].sort((a, b) => a.line - b.line)) { if (this.kept.length < 5000) this.kept.push(p); this.total++; }
  }
}

export const IMPORT_BATCH = 5000;

/** Imports rows already read and validated (readImportFile). */
export async function importIncidents(prisma: PrismaClient, rows: ImportRow[], fileLabel: string): Promise<ImportSummary> {
  return importIncidentBatches(prisma, (function* () {
    for (let n = 0; n < rows.length; n += IMPORT_BATCH) yield { rows: rows.slice(n, n + IMPORT_BATCH), problems: [] };
  })(), fileLabel);
}

/**
 * Imports a file batch by batch as readImportBatches reads it (its problems included), in one
 * transaction on a driver connection. Throws ImportError listing every problem (nothing written).
 */
export async function importIncidentBatches(prisma: PrismaClient, batches: AsyncIterable<ImportBatch> | Iterable<ImportBatch>, fileLabel: string): Promise<ImportSummary> {
  const transaction = rawTransactionOf(prisma);
  if (!transaction) throw new Error("db:import needs a database opened with openDatabase (lib/server/prisma-factory.ts)");
  const note = `Imported from ${fileLabel}`;
  const summary: ImportSummary = { created: [], updated: [], unchanged: [] };
  const problems = new Problems();
  await transaction(async (sql) => {
    // The tables grow by thousands of rows a batch, faster than their statistics follow: a planner
    // that believes "Incident" holds ten rows scans all of it for each of a batch's ids. Every
    // statement here reads by key, so index paths are always the right plan. (The cost penalty
    // this puts on the one unavoidable scan, sources by URL, must not trigger JIT compilation.)
    await sql.query(`SET LOCAL enable_seqscan = off`);
    await sql.query(`SET LOCAL jit = off`);
    const groups = new Set((await sql.query<{ id: string }>(`SELECT "id" FROM "Perpetrator"`)).rows.map((g) => g.id));
    const projects = new Set((await sql.query<{ id: string }>(`SELECT "id" FROM "Project"`)).rows.map((p) => p.id));
    const revisions = await batchRevisions(sql, commandActor("import", fileLabel));
    const it = (Symbol.asyncIterator in batches ? batches[Symbol.asyncIterator]() : batches[Symbol.iterator]()) as AsyncIterator<ImportBatch> | Iterator<ImportBatch>;
    // The next batch is read and validated while the database writes this one.
    const next = () => Promise.resolve(it.next()).catch((e: unknown) => { if (e instanceof ImportError) return { done: true as const, value: undefined, failed: e }; throw e; });
    let pending = next();
    try {
      for (;;) {
        const r = await pending;
        if ("failed" in r) { problems.add(r.failed.problems); break; } // the file cannot be read past this point
        if (r.done) break;
        pending = next();
        await importBatch(sql, r.value, { groups, projects, note, summary, problems, revisions });
      }
    } finally {
      pending.catch(() => {}); // a read still under way when a write failed: that failure is the one to report
    }
    if (problems.total) throw new ImportError(problems.kept, problems.total); // rolls the transaction back
  });
  return summary;
}

type BatchContext = {
  groups: Set<string>; projects: Set<string>; note: string; summary: ImportSummary; problems: Problems;
  revisions: Awaited<ReturnType<typeof batchRevisions>>;
};

async function importBatch(sql: SqlRunner, batch: ImportBatch, cx: BatchContext) {
  const found: ImportProblem[] = [...batch.problems];
  for (const row of batch.rows) {
    const unknownGroups = row.perpetrators.filter((g) => !cx.groups.has(g));
    if (unknownGroups.length) found.push({ line: row.line, message: `perpetrators: unknown group ${unknownGroups.join(", ")} (add it to seed/data first)` });
    if (row.project && !cx.projects.has(row.project)) found.push({ line: row.line, message: `project: unknown project ${row.project}` });
  }
  const existing = new Map(batch.rows.length
    ? (await sql.query<Existing>(EXISTING_SQL, [batch.rows.map((r) => r.id)])).rows.map((e) => [e.id, e])
    : []);
  const keep: { row: ImportRow; e: Existing }[] = [];
  const write: { row: ImportRow; e: Existing | null }[] = [];
  for (const row of batch.rows) {
    const e = existing.get(row.id) ?? null;
    if (e && agrees(row, e)) { keep.push({ row, e }); continue; }
    if (e?.curated) {
      found.push({ line: row.line, message: `${row.id}: casualty figures, attributions or source URLs differ from the sourced record; edit sourced facts in seed/data with their quotes (the import never overwrites evidence)` });
      continue;
    }
    write.push({ row, e });
  }
  cx.problems.add(found);
  // Once anything is wrong nothing will be kept: the rest of the file is only checked.
  if (cx.problems.total) return;

  await cx.revisions.before([...existing.keys()]);
  if (keep.length) {
    const refresh = new Columns(DESCRIPTIVE_COLS);
    for (const { row, e } of keep) {
      const { date, project, ...fields } = coreFields(row, e);
      refresh.push({
        ...fields, id: row.id, date: day(date), projectId: project, chineseLink: fields.targetLink === "direct" ? "direct" : "weak",
        hasPoint: row.latitude !== undefined,
      } satisfies Partial<Record<DescriptiveColumn, unknown>>);
    }
    await sql.query(REFRESH_INCIDENTS, refresh.params(DESCRIPTIVE_COLS));
  }
  if (write.length) await writeClaimed(sql, write, cx.note);
  for (const { row } of keep) cx.summary.unchanged.push(row.id);
  for (const { row, e } of write) (e ? cx.summary.updated : cx.summary.created).push(row.id);
  await cx.revisions.after(batch.rows.map((r) => r.id));
}

const day = (partial: string) => startOfPartialDate(partial).toISOString().slice(0, 10);

/** New incidents, and imported ones whose claims the file replaces: the rows as the seed writer would write them. */
async function writeClaimed(sql: SqlRunner, write: { row: ImportRow; e: Existing | null }[], note: string) {
  const sources = await ensureSources(sql, [...new Set(write.flatMap((w) => w.row.source_urls))], note);
  const created = new Columns([...INCIDENT_COLS, ...POINT_COLS]);
  const replaced = new Columns([...INCIDENT_COLS, ...POINT_COLS]);
  const attributions = new Columns(ATTRIBUTION_COLS);
  const casualties = new Columns(CASUALTY_COLS);
  const links = new Columns(LINK_COLS);
  for (const { row, e } of write) {
    const first = sources.get(row.source_urls[0])!;
    const record = importedRecord(row, e, first.id, note);
    const { id, date, project, evidence: _evidence, attributions: claimedBy, casualties: figures, geoPrecision, ...fields } = record;
    // The derived columns exactly as upsertIncidents computes them: the same function on the same claims and source dates.
    const estimates = casualtyEstimates(figures, (s) => (s === first.id ? first.publishedOn : null));
    (e ? replaced : created).push({
      ...fields, ...estimates, id, date: day(date), projectId: project, chineseLink: fields.targetLink === "direct" ? "direct" : "weak",
      geoPrecision: geoPrecision ?? null, hasPoint: row.latitude !== undefined,
    } satisfies Partial<Record<IncidentColumn | "geoPrecision" | "hasPoint", unknown>>);
    claimedBy.forEach((a, n) => attributions.push({ id: `${id}/attribution/${n}`, incidentId: id, perpetratorId: a.group, role: a.role, sourceId: a.source, note: a.note }));
    figures.forEach((c, n) => casualties.push({ id: `${id}/casualty/${n}`, incidentId: id, outcome: c.outcome, victimGroup: c.victimGroup, count: c.count, sourceId: c.source, note: c.note }));
    // Every URL of the row is a source of the incident, not only the one its claims cite.
    for (const sourceId of new Set(row.source_urls.map((u) => sources.get(u)!.id))) links.push({ incidentId: id, sourceId });
  }
  if (replaced.length) {
    const ids = replaced.data.get("id")!;
    for (const stmt of DELETE_CLAIMS) await sql.query(stmt, [ids]);
    await sql.query(REPLACE_INCIDENTS, replaced.params([...INCIDENT_COLS, ...POINT_COLS]));
  }
  if (created.length) await sql.query(INSERT_INCIDENTS, created.params([...INCIDENT_COLS, POINT_COLS[0]]));
  if (attributions.length) await sql.query(INSERT_ATTRIBUTIONS, attributions.params(ATTRIBUTION_COLS));
  if (casualties.length) await sql.query(INSERT_CASUALTIES, casualties.params(CASUALTY_COLS));
  if (links.length) await sql.query(INSERT_LINKS, links.params(LINK_COLS));
}

/** The source for each URL: an existing one with that URL, or a new one noted as imported. */
async function ensureSources(sql: SqlRunner, urls: string[], note: string): Promise<Map<string, { id: string; publishedOn: string | null }>> {
  const out = new Map((await sql.query<{ url: string; id: string; publishedOn: string | null }>(SOURCES_BY_URL, [urls])).rows.map((s) => [s.url, { id: s.id, publishedOn: s.publishedOn }]));
  const missing = new Columns(SOURCE_COLS);
  for (const url of urls) {
    if (out.has(url)) continue;
    const id = importSourceId(url);
    let publisher: string | null = null;
    try { publisher = new URL(url).hostname.replace(/^www\./, ""); } catch { /* validated as a URL already */ }
    missing.push({ id, kind: "news", title: url, publisher, url, note: `${note}; title not recorded` });
    out.set(url, { id, publishedOn: null });
  }
  if (missing.length) await sql.query(INSERT_SOURCES, missing.params(SOURCE_COLS));
  return out;
}
