// Writes synthetic incidents into a database that holds nothing else. Runs on a plain SQL
// connection (pg.Client or PGlite), not Prisma: a million incidents with their claims are
// ~5M rows, and one INSERT ... SELECT FROM unnest(...) per table and batch of 5,000 incidents
// is two orders of magnitude faster than row-by-row ORM writes. Every value travels as a
// query parameter; table and column names are constants below.
import {
  SYNTHETIC_ID_MARK, SYNTHETIC_MARKER_SOURCE, SYNTHETIC_MARKER_TITLE, SYNTHETIC_SOURCE_POOL,
  generateBatch, syntheticSourceId, type SynthBatch, type SynthVocabulary,
} from "./generate.ts";

/** What both pg.Client and PGlite offer. */
export type SqlRunner = { query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }> };

export class RealDataError extends Error {}

/** Bump when the generator's output changes, so an older synthetic database is rebuilt rather than reused. */
export const GENERATOR_VERSION = 3; // 3: target link, figure ranges and the harmed flag (issue 11)

export type SynthMeta = {
  synthetic: true; generator: number; incidents: number; seed: number; complete: boolean; loadedAt: string;
  /** While loading: the statements that put back the indexes and foreign keys dropped for the load (so a crashed load can be finished by the next run). */
  restore?: string[];
};

export type DatabaseContents = { realIncidents: number; syntheticIncidents: number; realSources: number; meta: SynthMeta | null };

export async function inspectDatabase(sql: SqlRunner): Promise<DatabaseContents> {
  const [inc] = (await sql.query<{ real: number; synthetic: number }>(
    `SELECT CAST(COUNT(*) FILTER (WHERE strpos("id", $1) = 0) AS integer) AS real, CAST(COUNT(*) FILTER (WHERE strpos("id", $1) > 0) AS integer) AS synthetic FROM "Incident"`,
    [SYNTHETIC_ID_MARK])).rows;
  const [src] = (await sql.query<{ real: number }>(`SELECT CAST(COUNT(*) AS integer) AS real FROM "Source" WHERE "id" NOT LIKE 'synthetic-%'`)).rows;
  const marker = (await sql.query<{ note: string | null }>(`SELECT "note" FROM "Source" WHERE "id" = $1`, [SYNTHETIC_MARKER_SOURCE])).rows[0];
  let meta: SynthMeta | null = null;
  try { meta = marker?.note ? (JSON.parse(marker.note) as SynthMeta) : null; } catch { meta = null; }
  return { realIncidents: inc.real, syntheticIncidents: inc.synthetic, realSources: src.real, meta };
}

/** Throws unless the database holds synthetic data only (or nothing): synthetic rows must never mix with the real record. */
export function assertSyntheticOnly(c: DatabaseContents, label: string): void {
  if (c.realIncidents > 0 || c.realSources > 0)
    throw new RealDataError(
      `${label} holds real data (${c.realIncidents} non-synthetic incidents, ${c.realSources} non-synthetic sources). ` +
      `Synthetic incidents are never written next to real ones: point db:synth at a separate database.`,
    );
}

// Table shapes for unnest(): [column, SQL array type]. Constants only.
const INCIDENT_COLS: [string, string][] = [
  ["id", "text"], ["date", "date"], ["datePrecision", '"DatePrecision"'], ["province", '"Province"'], ["district", "text"], ["city", "text"],
  ["locationPrecision", '"LocationPrecision"'], ["latitude", "float8"], ["longitude", "float8"], ["attackType", '"AttackType"'], ["target", "text"],
  ["projectId", "text"], ["summary", "text"], ["confidence", '"Confidence"'], ["chineseLink", '"ChineseLink"'], ["targetLink", '"TargetLink"'], ["notes", "text"],
  ["chineseKilled", "int4"], ["chineseInjured", "int4"], ["chineseKidnapped", "int4"], ["totalKilled", "int4"], ["totalInjured", "int4"], ["attackersKilled", "int4"],
  ["chineseKilledLow", "int4"], ["chineseKilledHigh", "int4"], ["chineseInjuredLow", "int4"], ["chineseInjuredHigh", "int4"],
  ["totalKilledLow", "int4"], ["totalKilledHigh", "int4"], ["totalInjuredLow", "int4"], ["totalInjuredHigh", "int4"], ["chineseHarmed", "bool"],
];
const ATTRIBUTION_COLS: [string, string][] = [["id", "text"], ["incidentId", "text"], ["perpetratorId", "text"], ["role", '"AttributionRole"'], ["statedBy", "text"], ["sourceId", "text"]];
const CASUALTY_COLS: [string, string][] = [
  ["id", "text"], ["incidentId", "text"], ["outcome", '"CasualtyOutcome"'], ["victimGroup", '"VictimGroup"'], ["count", "int4"], ["low", "int4"], ["high", "int4"],
  ["sourceId", "text"], ["counted", "bool"], ["note", "text"],
];
const INCIDENT_SOURCE_COLS: [string, string][] = [["incidentId", "text"], ["sourceId", "text"]];

function unnestInsert(table: string, cols: [string, string][]): string {
  return `INSERT INTO "${table}" (${cols.map(([c]) => `"${c}"`).join(", ")}) SELECT * FROM unnest(${cols.map(([, t], k) => `$${k + 1}::${t}[]`).join(", ")})`;
}
const INSERT_INCIDENTS = unnestInsert("Incident", INCIDENT_COLS);
const INSERT_ATTRIBUTIONS = unnestInsert("Attribution", ATTRIBUTION_COLS);
const INSERT_CASUALTIES = unnestInsert("Casualty", CASUALTY_COLS);
const INSERT_INCIDENT_SOURCES = unnestInsert("IncidentSource", INCIDENT_SOURCE_COLS);

const params = (data: Record<string, unknown[]>, cols: [string, string][]) => cols.map(([c]) => data[c]);

async function insertBatch(sql: SqlRunner, b: SynthBatch): Promise<void> {
  await sql.query(INSERT_INCIDENTS, params(b.incidents, INCIDENT_COLS));
  if (b.attributions.id.length) await sql.query(INSERT_ATTRIBUTIONS, params(b.attributions, ATTRIBUTION_COLS));
  if (b.casualties.id.length) await sql.query(INSERT_CASUALTIES, params(b.casualties, CASUALTY_COLS));
  await sql.query(INSERT_INCIDENT_SOURCES, params(b.incidentSources, INCIDENT_SOURCE_COLS));
}

const LOADED_TABLES = ["Incident", "Attribution", "Casualty", "IncidentSource"];

/** The DROP and CREATE statements of the loaded tables' secondary indexes and foreign keys, from the catalog (identifiers quoted by format()). */
async function loadDdl(sql: SqlRunner): Promise<{ drop: string[]; create: string[] }> {
  const { rows: fks } = await sql.query<{ drop: string; create: string }>(
    `SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname) AS drop,
            format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid)) AS "create"
     FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE c.contype = 'f' AND n.nspname = current_schema() AND t.relname = ANY($1::text[]) ORDER BY 1`, [LOADED_TABLES]);
  const { rows: idx } = await sql.query<{ drop: string; create: string }>(
    `SELECT format('DROP INDEX %I.%I', i.schemaname, i.indexname) AS drop, i.indexdef AS "create"
     FROM pg_indexes i
     WHERE i.schemaname = current_schema() AND i.tablename = ANY($1::text[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.contype IN ('p', 'u')) ORDER BY 1`, [LOADED_TABLES]);
  // Indexes first on the way back: the foreign keys' validation can use them.
  return { drop: [...fks.map((r) => r.drop), ...idx.map((r) => r.drop)], create: [...idx.map((r) => r.create), ...fks.map((r) => r.create)] };
}

export type PerpetratorRow = { id: string; name: string; shortName: string; aliases: string[]; kind: string; description: string | null };
export type ProjectRow = { id: string; name: string; sector: string; province: string | null; location: string | null; operator: string | null; isCpec: boolean | null; description: string | null };

export type LoadOptions = {
  incidents: number;
  seed?: number;
  batchSize?: number;
  /** Rebuild even when the database already holds this exact synthetic set. */
  replace?: boolean;
  label?: string;
  perpetrators: PerpetratorRow[];
  projects: ProjectRow[];
  onProgress?: (done: number, total: number) => void;
};

export type LoadResult = {
  incidents: number; attributions: number; casualties: number; incidentSources: number; seconds: number; reused: boolean;
  /** Seconds spent inserting rows, rebuilding indexes, foreign keys and the summary, and analyzing. */
  phases?: { insert: number; indexes: number; analyze: number };
};

/**
 * Fills an empty or synthetic-only database with `incidents` synthetic incidents. A database
 * that already holds the same complete set (same size, seed and generator) is reused as is.
 */
export async function loadSynthetic(sql: SqlRunner, o: LoadOptions): Promise<LoadResult> {
  const seed = o.seed ?? 1;
  const batchSize = Math.max(100, Math.min(o.batchSize ?? 5000, 20_000));
  const label = o.label ?? "the target database";
  const started = performance.now();
  const contents = await inspectDatabase(sql);
  assertSyntheticOnly(contents, label);
  const m = contents.meta;
  if (!o.replace && m?.complete && m.incidents === o.incidents && m.seed === seed && m.generator === GENERATOR_VERSION && contents.syntheticIncidents === o.incidents)
    return { incidents: o.incidents, attributions: 0, casualties: 0, incidentSources: 0, seconds: 0, reused: true };

  // The summary's triggers would merge every batch into it; they stand aside for the load
  // (readers scan the incidents meanwhile) and the summary is built once at the end. An
  // interrupted load leaves them deferred, so nothing reads a half-built summary.
  await sql.query(`UPDATE "DataVersion" SET "summaryDeferred" = true WHERE "id" = 1`);
  // Only synthetic rows (and the copied vocabularies) are here, as checked above: start over.
  await sql.query(`TRUNCATE "IncidentSource", "Attribution", "Casualty", "Evidence", "Incident", "ReportedFigure", "Source", "Perpetrator", "Project"`);
  // Secondary indexes and foreign keys are dropped for the load and rebuilt once at the end:
  // one sort per index instead of millions of incremental inserts and per-row FK triggers.
  const ddl = await loadDdl(sql);
  const restore = [...new Set([...(m && !m.complete ? m.restore ?? [] : []), ...ddl.create])];
  const meta = (complete: boolean): SynthMeta => ({ synthetic: true, generator: GENERATOR_VERSION, incidents: o.incidents, seed, complete, loadedAt: new Date().toISOString(), ...(complete ? {} : { restore }) });
  await sql.query(`INSERT INTO "Source" ("id", "kind", "title", "note") VALUES ($1, 'report', $2, $3)`, [SYNTHETIC_MARKER_SOURCE, SYNTHETIC_MARKER_TITLE, JSON.stringify(meta(false))]);
  for (const stmt of ddl.drop) await sql.query(stmt);
  const pool = Array.from({ length: SYNTHETIC_SOURCE_POOL }, (_, k) => k);
  const kinds = ["news", "news", "news", "official", "report"];
  await sql.query(
    `INSERT INTO "Source" ("id", "kind", "title", "publisher", "url", "note") SELECT * FROM unnest($1::text[], $2::"SourceKind"[], $3::text[], $4::text[], $5::text[], $6::text[])`,
    [pool.map(syntheticSourceId), pool.map((k) => kinds[k % kinds.length]), pool.map((k) => `Synthetic source ${k} (not a real publication)`),
      pool.map((k) => `Synthetic Publisher ${k % 25}`), pool.map((k) => `https://synthetic.invalid/source/${k}`), pool.map(() => "Synthetic benchmark data")],
  );
  if (o.perpetrators.length)
    await sql.query(`INSERT INTO "Perpetrator" ("id", "name", "shortName", "aliases", "kind", "description") SELECT p.id, p.name, p.short, '{}', p.kind, p.description FROM unnest($1::text[], $2::text[], $3::text[], $4::"PerpetratorKind"[], $5::text[]) AS p(id, name, short, kind, description)`,
      [o.perpetrators.map((p) => p.id), o.perpetrators.map((p) => p.name), o.perpetrators.map((p) => p.shortName), o.perpetrators.map((p) => p.kind), o.perpetrators.map((p) => p.description)]);
  // unnest() flattens a 2-D array, so each group's aliases go in with their own statement (a dozen groups).
  for (const p of o.perpetrators) if (p.aliases.length) await sql.query(`UPDATE "Perpetrator" SET "aliases" = $2::text[] WHERE "id" = $1`, [p.id, p.aliases]);
  if (o.projects.length)
    await sql.query(`INSERT INTO "Project" ("id", "name", "sector", "province", "location", "operator", "isCpec", "description") SELECT * FROM unnest($1::text[], $2::text[], $3::"ProjectSector"[], $4::"Province"[], $5::text[], $6::text[], $7::bool[], $8::text[])`,
      [o.projects.map((p) => p.id), o.projects.map((p) => p.name), o.projects.map((p) => p.sector), o.projects.map((p) => p.province), o.projects.map((p) => p.location), o.projects.map((p) => p.operator), o.projects.map((p) => p.isCpec), o.projects.map((p) => p.description)]);

  const vocab: SynthVocabulary = { groups: o.perpetrators.map((p) => p.id), projects: o.projects.map((p) => ({ id: p.id, province: p.province })) };
  const counts = { attributions: 0, casualties: 0, incidentSources: 0 };
  // Generate batch k+1 while the database writes batch k: the generator is CPU in this
  // process, the insert is CPU in the server, and the machine has two cores.
  let next = generateBatch(seed, 0, Math.min(batchSize, o.incidents), vocab);
  for (let from = 0; from < o.incidents; from += batchSize) {
    const batch = next;
    counts.attributions += batch.attributions.id.length; counts.casualties += batch.casualties.id.length; counts.incidentSources += batch.incidentSources.incidentId.length;
    const writing = insertBatch(sql, batch);
    const nextFrom = from + batchSize;
    if (nextFrom < o.incidents) { await new Promise((r) => setImmediate(r)); next = generateBatch(seed, nextFrom, Math.min(nextFrom + batchSize, o.incidents), vocab); }
    await writing;
    o.onProgress?.(Math.min(nextFrom, o.incidents), o.incidents);
  }
  const inserted = performance.now();
  for (const stmt of restore) await sql.query(stmt);
  await sql.query(`SELECT 1 AS done FROM "incident_summary_rebuild"()`);
  const indexed = performance.now();
  await sql.query(`UPDATE "Source" SET "note" = $2 WHERE "id" = $1`, [SYNTHETIC_MARKER_SOURCE, JSON.stringify(meta(true))]);
  // Fresh statistics, or the planner guesses at a table it has never seen and the benchmark measures a bad plan.
  await sql.query(`ANALYZE`);
  const end = performance.now();
  return {
    incidents: o.incidents, ...counts, seconds: (end - started) / 1000, reused: false,
    phases: { insert: (inserted - started) / 1000, indexes: (indexed - inserted) / 1000, analyze: (end - indexed) / 1000 },
  };
}
