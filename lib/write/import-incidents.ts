// `npm run db:import`: adds or updates incidents from a file in the CSV export's shape.
// All-or-nothing: every row is checked (file syntax, fields, groups and projects that must
// exist, conflicts with sourced records) before one transaction writes them all.
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
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import { ImportError, type ImportProblem, type ImportRow } from "../records/import-rows.ts";
import type { IncidentRecord } from "../records/schema.ts";
import { startOfPartialDate, upsertIncidents } from "./write-dataset.ts";
import { commandActor, recordIncidentRevisions, snapshotIncidents } from "./revisions.ts";

export type ImportSummary = { created: string[]; updated: string[]; unchanged: string[] };
type Tx = Prisma.TransactionClient;

const importSourceId = (url: string) => `import-${createHash("sha1").update(url).digest("hex").slice(0, 12)}`;

type Existing = {
  id: string; chineseKilled: number | null; chineseInjured: number | null; totalKilled: number | null; totalInjured: number | null; attackersKilled: number | null;
  attributions: { perpetratorId: string; role: string; quote: string | null }[];
  casualties: { quote: string | null }[];
  evidence: { id: string }[];
  sources: { source: { url: string | null } }[];
};

function agrees(row: ImportRow, e: Existing): boolean {
  const same = <T>(a: T[], b: T[]) => [...new Set(a.map(String))].sort().join("\n") === [...new Set(b.map(String))].sort().join("\n");
  return row.chinese_killed === e.chineseKilled && row.chinese_injured === e.chineseInjured && row.total_killed === e.totalKilled
    && row.total_injured === e.totalInjured && row.attackers_killed === e.attackersKilled
    && same(row.attribution, e.attributions.map((a) => `${a.perpetratorId}:${a.role}`))
    && same(row.source_urls, e.sources.map((s) => s.source.url).filter((u): u is string => u !== null));
}

const isCurated = (e: Existing) => e.evidence.length > 0 || e.attributions.some((a) => a.quote) || e.casualties.some((c) => c.quote);

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

export async function importIncidents(prisma: PrismaClient, rows: ImportRow[], fileLabel: string): Promise<ImportSummary> {
  const note = `Imported from ${fileLabel}`;
  const problems: ImportProblem[] = [];
  const groups = new Set((await prisma.perpetrator.findMany({ select: { id: true } })).map((g) => g.id));
  const projects = new Set((await prisma.project.findMany({ select: { id: true } })).map((p) => p.id));
  for (const row of rows) {
    const unknownGroups = row.perpetrators.filter((g) => !groups.has(g));
    if (unknownGroups.length) problems.push({ line: row.line, message: `perpetrators: unknown group ${unknownGroups.join(", ")} (add it to seed/data first)` });
    if (row.project && !projects.has(row.project)) problems.push({ line: row.line, message: `project: unknown project ${row.project}` });
  }
  if (problems.length) throw new ImportError(problems);

  const summary: ImportSummary = { created: [], updated: [], unchanged: [] };
  await prisma.$transaction(async (tx) => {
    const before = await snapshotIncidents(tx, rows.map((r) => r.id)); // for the revisions (lib/write/revisions.ts)
    const existing = new Map((await tx.incident.findMany({
      where: { id: { in: rows.map((r) => r.id) } },
      select: {
        id: true, targetLink: true, confidence: true, locationPrecision: true, chineseKilled: true, chineseInjured: true, totalKilled: true, totalInjured: true, attackersKilled: true,
        attributions: { select: { perpetratorId: true, role: true, quote: true } }, casualties: { select: { quote: true } },
        evidence: { select: { id: true } }, sources: { select: { source: { select: { url: true } } } },
      },
    })).map((e) => [e.id, e]));

    const toWrite: IncidentRecord[] = [];
    for (const row of rows) {
      const e = existing.get(row.id);
      if (e && agrees(row, e)) {
        const { date, project, ...fields } = coreFields(row, e);
        await tx.incident.update({ where: { id: row.id }, data: { ...fields, chineseLink: fields.targetLink === "direct" ? "direct" : "weak", date: startOfPartialDate(date), projectId: project } });
        summary.unchanged.push(row.id);
        continue;
      }
      if (e && isCurated(e)) {
        problems.push({ line: row.line, message: `${row.id}: casualty figures, attributions or source URLs differ from the sourced record; edit sourced facts in seed/data with their quotes (the import never overwrites evidence)` });
        continue;
      }
      const sourceIds = await ensureSources(tx, row.source_urls, note);
      toWrite.push({
        id: row.id, latitude: null, longitude: null, ...coreFields(row, e ?? null), dateNote: null, locationDetail: null, linkNote: null,
        notes: note, ...claimsOf(row, sourceIds[0], note),
      });
      (e ? summary.updated : summary.created).push(row.id);
    }
    if (problems.length) throw new ImportError(problems); // rolls the transaction back
    await upsertIncidents(tx, toWrite);
    // Every URL of the row is a source of the incident, not only the one its claims cite.
    for (const record of toWrite) {
      const row = rows.find((r) => r.id === record.id)!;
      const ids = await ensureSources(tx, row.source_urls, note);
      await tx.incidentSource.createMany({ data: ids.map((sourceId) => ({ incidentId: record.id, sourceId })), skipDuplicates: true });
    }
    await recordIncidentRevisions(tx, before, commandActor("import", fileLabel), rows.map((r) => r.id));
  }, { timeout: 600_000, maxWait: 30_000 });
  return summary;
}

/** The source for each URL: an existing one with that URL, or a new one noted as imported. */
async function ensureSources(tx: Tx, urls: string[], note: string): Promise<string[]> {
  const ids: string[] = [];
  for (const url of urls) {
    const found = await tx.source.findFirst({ where: { url }, select: { id: true }, orderBy: { id: "asc" } });
    if (found) { ids.push(found.id); continue; }
    const id = importSourceId(url);
    let publisher: string | null = null;
    try { publisher = new URL(url).hostname.replace(/^www\./, ""); } catch { /* validated as a URL already */ }
    await tx.source.upsert({ where: { id }, create: { id, kind: "news", title: url, publisher, url, note: `${note}; title not recorded` }, update: {} });
    ids.push(id);
  }
  return ids;
}
