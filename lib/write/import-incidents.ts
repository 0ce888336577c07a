// `npm run db:import`: adds or updates incidents from a file in the CSV export's shape.
// All-or-nothing: every row is checked (file syntax, fields, groups and projects that must
// exist, conflicts with sourced records) inside one transaction that writes them; on any
// problem the transaction is rolled back and every problem is listed with its line.
//
// The export carries headline figures, not the claims behind them, so an import cannot
// rebuild a curated record's evidence. The rules that follow from that:
//   - a new incident gets one claim per figure and attribution, each sourced to the row's
//     first URL and noted as imported;
//   - an existing incident gets its descriptive fields updated; its claims are kept when
//     the row's figures, attributions and sources agree with them (so re-importing an export
//     changes nothing), replaced when they were themselves imported, and otherwise the row
//     is refused: quoted, sourced evidence is edited in seed/data, never overwritten.
//
// Speed: rows arrive in batches (readImportStream reads the file by chunks) and each batch is
// written with one set-based statement per table (INSERT ... SELECT FROM unnest, as db:synth
// does), not row by row through the ORM: 100,000 rows in seconds instead of most of an hour,
// and memory holds one batch. Once a problem is found nothing more is written, but reading and
// checking go on, so the user gets the whole list in one pass.
import { createHash } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { rawTransactionOf, type RawTransaction, type SqlRunner } from "../server/prisma-factory.ts";
import { casualtyTotals, type CasualtyClaim } from "../casualty-totals.ts";
import { ImportError, type ImportProblem, type ImportRow } from "../records/import-rows.ts";

export type ImportSummary = { created: string[]; updated: string[]; unchanged: string[] };

const importSourceId = (url: string) => `import-${createHash("sha1").update(url).digest("hex").slice(0, 12)}`;

type Existing = {
  id: string; chineseLink: string; confidence: string; locationPrecision: string;
  chineseKilled: number | null; chineseInjured: number | null; totalKilled: number | null; totalInjured: number | null; attackersKilled: number | null;
  attributions: string[]; urls: string[]; curated: boolean;
};

function agrees(row: ImportRow, e: Existing): boolean {
  const same = <T>(a: T[], b: T[]) => [...new Set(a.map(String))].sort().join("\n") === [...new Set(b.map(String))].sort().join("\n");
  return row.chinese_killed === e.chineseKilled && row.chinese_injured === e.chineseInjured && row.total_killed === e.totalKilled
    && row.total_injured === e.totalInjured && row.attackers_killed === e.attackersKilled
    && same(row.attribution, e.attributions) && same(row.source_urls, e.urls);
}

/** "2024-10" -> "2024-10-01": the first day of a month- or year-precision date, as SQL date text. */
const firstDay = (d: string) => { const [y, m = "01", day = "01"] = d.split("-"); return `${y}-${m}-${day}`; };

function coreFields(row: ImportRow, existing: Pick<Existing, "chineseLink" | "confidence" | "locationPrecision"> | null) {
  return {
    date: firstDay(row.date), datePrecision: row.date_precision, province: row.province, district: row.district, city: row.city,
    attackType: row.attack_type, target: row.target, projectId: row.project, summary: row.summary,
    chineseLink: row.chinese_link ?? existing?.chineseLink ?? "direct",
    confidence: row.confidence ?? existing?.confidence ?? "medium",
    locationPrecision: row.location_precision ?? existing?.locationPrecision ?? (row.city ? "city" : row.district ? "district" : "province"),
  };
}

// Columns and SQL array types for unnest(). Constants only; every value travels as a parameter.
type Cols = readonly (readonly [string, string])[];
const CORE_COLS = [
  ["id", "text"], ["date", "date"], ["datePrecision", '"DatePrecision"'], ["province", '"Province"'], ["district", "text"], ["city", "text"],
  ["attackType", '"AttackType"'], ["target", "text"], ["projectId", "text"], ["summary", "text"],
  ["chineseLink", '"ChineseLink"'], ["confidence", '"Confidence"'], ["locationPrecision", '"LocationPrecision"'],
] as const satisfies Cols;
// The derived headline figures: whatever casualtyTotals() returns, all integers.
const TOTAL_COLS: Cols = Object.keys(casualtyTotals([])).map((k) => [k, "int4"] as const);
// What a replaced incident loses: fields an import cannot carry are reset, as a fresh record has them.
const CLEARED_COLS: Cols = [["dateNote", "text"], ["locationDetail", "text"], ["latitude", "float8"], ["longitude", "float8"], ["linkNote", "text"], ["notes", "text"]];
const INCIDENT_COLS: Cols = [...CORE_COLS, ...CLEARED_COLS, ...TOTAL_COLS];
const ATTRIBUTION_COLS: Cols = [["id", "text"], ["incidentId", "text"], ["perpetratorId", "text"], ["role", '"AttributionRole"'], ["sourceId", "text"], ["note", "text"]];
const CASUALTY_COLS: Cols = [["id", "text"], ["incidentId", "text"], ["outcome", '"CasualtyOutcome"'], ["victimGroup", '"VictimGroup"'], ["count", "int4"], ["sourceId", "text"], ["note", "text"]];
const SOURCE_COLS: Cols = [["id", "text"], ["title", "text"], ["publisher", "text"], ["url", "text"], ["note", "text"]];

const q = (c: string) => `"${c}"`;
const unnest = (cols: Cols) => `unnest(${cols.map(([, t], k) => `$${k + 1}::${t}[]`).join(", ")}) AS u(${cols.map(([c]) => q(c)).join(", ")})`;
const columnsOf = <R extends Record<string, unknown>>(rows: R[], cols: Cols) => cols.map(([c]) => rows.map((r) => r[c] ?? null));

const UPSERT_INCIDENTS = `INSERT INTO "Incident" (${INCIDENT_COLS.map(([c]) => q(c)).join(", ")}) SELECT * FROM ${unnest(INCIDENT_COLS)}
  ON CONFLICT ("id") DO UPDATE SET ${INCIDENT_COLS.filter(([c]) => c !== "id").map(([c]) => `${q(c)} = EXCLUDED.${q(c)}`).join(", ")}`;
const REFRESH_INCIDENTS = `UPDATE "Incident" AS i SET ${CORE_COLS.filter(([c]) => c !== "id").map(([c]) => `${q(c)} = u.${q(c)}`).join(", ")}
  FROM ${unnest(CORE_COLS)} WHERE i."id" = u."id"`;
const INSERT_ATTRIBUTIONS = `INSERT INTO "Attribution" (${ATTRIBUTION_COLS.map(([c]) => q(c)).join(", ")}) SELECT * FROM ${unnest(ATTRIBUTION_COLS)}`;
const INSERT_CASUALTIES = `INSERT INTO "Casualty" (${CASUALTY_COLS.map(([c]) => q(c)).join(", ")}) SELECT * FROM ${unnest(CASUALTY_COLS)}`;
const INSERT_SOURCES = `INSERT INTO "Source" ("kind", ${SOURCE_COLS.map(([c]) => q(c)).join(", ")}) SELECT 'news', * FROM ${unnest(SOURCE_COLS)} ON CONFLICT ("id") DO NOTHING`;
const INSERT_INCIDENT_SOURCES = `INSERT INTO "IncidentSource" ("incidentId", "sourceId") SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`;
const EXISTING = `SELECT i."id", i."chineseLink"::text AS "chineseLink", i."confidence"::text AS "confidence", i."locationPrecision"::text AS "locationPrecision",
    i."chineseKilled", i."chineseInjured", i."totalKilled", i."totalInjured", i."attackersKilled",
    ARRAY(SELECT a."perpetratorId" || ':' || a."role"::text FROM "Attribution" a WHERE a."incidentId" = i."id") AS "attributions",
    ARRAY(SELECT s."url" FROM "IncidentSource" x JOIN "Source" s ON s."id" = x."sourceId" WHERE x."incidentId" = i."id" AND s."url" IS NOT NULL) AS "urls",
    (EXISTS (SELECT 1 FROM "Evidence" e WHERE e."incidentId" = i."id")
      OR EXISTS (SELECT 1 FROM "Attribution" a WHERE a."incidentId" = i."id" AND a."quote" IS NOT NULL)
      OR EXISTS (SELECT 1 FROM "Casualty" c WHERE c."incidentId" = i."id" AND c."quote" IS NOT NULL)) AS "curated"
  FROM "Incident" i WHERE i."id" = ANY($1::text[])`;
// Most rows of a large import are new: find which ids exist first, then read only those in detail.
const EXISTING_IDS = `SELECT "id" FROM "Incident" WHERE "id" = ANY($1::text[])`;
// The lowest id per URL, as a lookup of one URL would find it.
const SOURCES_BY_URL = `SELECT DISTINCT ON ("url") "url", "id" FROM "Source" WHERE "url" = ANY($1::text[]) ORDER BY "url", "id"`;

/** The claims an imported row stands for, all sourced to its first URL. */
function claimsOf(row: ImportRow, sourceId: string, note: string) {
  const casualties: (CasualtyClaim & { id: string; incidentId: string; sourceId: string; note: string })[] = [];
  const figure = (outcome: "killed" | "injured", victimGroup: "chinese" | "all_victims" | "attackers", count: number | null) => {
    if (count !== null) casualties.push({ id: `${row.id}/casualty/${casualties.length}`, incidentId: row.id, outcome, victimGroup, count, low: null, high: null, sourceId, note });
  };
  figure("killed", "chinese", row.chinese_killed); figure("killed", "all_victims", row.total_killed);
  figure("injured", "chinese", row.chinese_injured); figure("injured", "all_victims", row.total_injured);
  figure("killed", "attackers", row.attackers_killed);
  const attributions = row.attribution.map((pair, n) => {
    const [group, role] = pair.split(":");
    return { id: `${row.id}/attribution/${n}`, incidentId: row.id, perpetratorId: group, role, sourceId, note };
  });
  return { casualties, attributions };
}

export type ImportOptions = {
  /** Problems the reader finds (readImportStream appends to this array): when any, nothing is written. */
  problems?: ImportProblem[];
};

/** Rows to import: an array, or a function that starts reading a file in batches (see readImportStream). */
export type ImportSource = ImportRow[] | (() => AsyncIterable<ImportRow[]>);

/**
 * Imports rows in one transaction. Throws ImportError listing every problem, the reader's
 * included, and writes nothing when there is any. Rows already in memory are checked against
 * the groups and projects that exist before anything is written; a streamed file is checked
 * batch by batch as it is written (one pass over the file), and the next batch is read and
 * validated while the database writes the current one.
 */
export async function importIncidents(prisma: PrismaClient, source: ImportSource, fileLabel: string, opts: ImportOptions = {}): Promise<ImportSummary> {
  const note = `Imported from ${fileLabel}`;
  const problems = opts.problems ?? [];
  const groups = new Set((await prisma.perpetrator.findMany({ select: { id: true } })).map((g) => g.id));
  const projects = new Set((await prisma.project.findMany({ select: { id: true } })).map((p) => p.id));
  const checkVocabularies = (batch: ImportRow[]) => batch.filter((row) => {
    const before = problems.length;
    const unknownGroups = row.perpetrators.filter((g) => !groups.has(g));
    if (unknownGroups.length) problems.push({ line: row.line, message: `perpetrators: unknown group ${unknownGroups.join(", ")} (add it to seed/data first)` });
    if (row.project && !projects.has(row.project)) problems.push({ line: row.line, message: `project: unknown project ${row.project}` });
    return problems.length === before;
  });
  const refuse = () => new ImportError([...problems].sort((a, b) => a.line - b.line));
  if (Array.isArray(source)) { checkVocabularies(source); if (problems.length) throw refuse(); }
  const batches = Array.isArray(source) ? fromArray(source, 2000) : source();

  const summary: ImportSummary = { created: [], updated: [], unchanged: [] };
  const failed = new Error("rolled back");
  const transaction: RawTransaction = rawTransactionOf(prisma)
    // A client made elsewhere than openDatabase(): the same statements through Prisma, only slower.
    ?? ((fn) => prisma.$transaction((tx) => fn({ query: async (q, p) => ({ rows: await tx.$queryRawUnsafe(q, ...(p ?? [])) }) }), { timeout: 3_600_000, maxWait: 30_000 }));
  try {
    await transaction(async (sql) => {
      const it = batches[Symbol.asyncIterator]();
      let next = it.next();
      for (;;) {
        const r = await next;
        if (r.done) break;
        next = it.next(); // reading and checking the next batch overlaps the database's work on this one
        next.catch(() => {}); // its failure is thrown where it is awaited
        await writeBatch(sql, checkVocabularies(r.value), note, problems, summary);
      }
      if (problems.length) throw failed; // rolls the transaction back
    });
  } catch (e) {
    if (e !== failed) throw e;
  }
  if (problems.length) throw refuse();
  return summary;
}

async function* fromArray<T>(xs: T[], size: number): AsyncGenerator<T[]> {
  for (let i = 0; i < xs.length; i += size) yield xs.slice(i, i + size);
}

/** Checks one batch against the database and, while the import is still clean, writes it. */
async function writeBatch(sql: SqlRunner, rows: ImportRow[], note: string, problems: ImportProblem[], summary: ImportSummary): Promise<void> {
  if (!rows.length) return;
  const found = (await sql.query<{ id: string }>(EXISTING_IDS, [rows.map((r) => r.id)])).rows.map((r) => r.id);
  const existing = new Map(found.length ? (await sql.query<Existing>(EXISTING, [found])).rows.map((e) => [e.id, e]) : []);
  const refresh: ImportRow[] = [];
  const replace: ImportRow[] = [];
  for (const row of rows) {
    const e = existing.get(row.id);
    if (e && agrees(row, e)) { refresh.push(row); continue; }
    if (e && e.curated) {
      problems.push({ line: row.line, message: `${row.id}: casualty figures, attributions or source URLs differ from the sourced record; edit sourced facts in seed/data with their quotes (the import never overwrites evidence)` });
      continue;
    }
    replace.push(row);
  }
  if (problems.length) return; // nothing more is written; the caller rolls back at the end

  if (refresh.length) {
    await sql.query(REFRESH_INCIDENTS, columnsOf(refresh.map((r) => ({ id: r.id, ...coreFields(r, existing.get(r.id)!) })), CORE_COLS));
    for (const r of refresh) summary.unchanged.push(r.id);
  }
  if (!replace.length) return;

  // Every URL of a written row becomes a source: an existing one with that URL, or a new one noted as imported.
  const urls = [...new Set(replace.flatMap((r) => r.source_urls))];
  const sourceOf = new Map((await sql.query<{ url: string; id: string }>(SOURCES_BY_URL, [urls])).rows.map((s) => [s.url, s.id]));
  const newSources = urls.filter((u) => !sourceOf.has(u)).map((url) => {
    let publisher: string | null = null;
    try { publisher = new URL(url).hostname.replace(/^www\./, ""); } catch { /* validated as a URL already */ }
    const id = importSourceId(url);
    sourceOf.set(url, id);
    return { id, title: url, publisher, url, note: `${note}; title not recorded` };
  });
  if (newSources.length) await sql.query(INSERT_SOURCES, columnsOf(newSources, SOURCE_COLS));

  const ids = replace.map((r) => r.id);
  // Replacing the claims wholesale keeps the rule simple: the file is the truth for the incidents it names.
  for (const table of ["Attribution", "Casualty", "Evidence", "IncidentSource"]) await sql.query(`DELETE FROM "${table}" WHERE "incidentId" = ANY($1::text[])`, [ids]);
  const incidents: Record<string, unknown>[] = [];
  const attributions: Record<string, unknown>[] = [];
  const casualties: Record<string, unknown>[] = [];
  const links = { incidentId: [] as string[], sourceId: [] as string[] };
  for (const row of replace) {
    const e = existing.get(row.id);
    const sourceIds = row.source_urls.map((u) => sourceOf.get(u)!);
    const claims = claimsOf(row, sourceIds[0], note);
    incidents.push({ id: row.id, ...coreFields(row, e ?? null), notes: note, ...casualtyTotals(claims.casualties) });
    attributions.push(...claims.attributions);
    casualties.push(...claims.casualties);
    for (const s of new Set(sourceIds)) { links.incidentId.push(row.id); links.sourceId.push(s); }
    (e ? summary.updated : summary.created).push(row.id);
  }
  await sql.query(UPSERT_INCIDENTS, columnsOf(incidents, INCIDENT_COLS));
  if (attributions.length) await sql.query(INSERT_ATTRIBUTIONS, columnsOf(attributions, ATTRIBUTION_COLS));
  if (casualties.length) await sql.query(INSERT_CASUALTIES, columnsOf(casualties, CASUALTY_COLS));
  await sql.query(INSERT_INCIDENT_SOURCES, [links.incidentId, links.sourceId]);
}
