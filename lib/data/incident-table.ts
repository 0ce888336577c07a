import "server-only";
// The incident list behind /incidents, GET /api/incidents and (through incident-export.ts)
// the CSV export: one row shape and one sort order, so the three always agree.
import { db } from "../db.ts";
import { AttackType, Province } from "../generated/prisma/enums.ts";
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import type { Filters, SortKey } from "../filters.ts";
import { isoPartialDate } from "../format.ts";
import { ATTRIBUTION_ROLES, type AttributionRole } from "../vocab.ts";
import { incidentWhere } from "./incident-where.ts";

export type SortDir = "asc" | "desc";

/**
 * One sortable column. Enum columns sort in their declaration order in schema.prisma (how
 * PostgreSQL orders an enum), which is also the order of the filter menus; `values` lets the
 * export's keyset pagination express "after this value" for them.
 */
export type SortColumn =
  | { field: "date"; nullable: false }
  | { field: "province"; nullable: false; values: readonly string[] }
  | { field: "attackType"; nullable: false; values: readonly string[] }
  | { field: "chineseKilled" | "chineseInjured" | "totalKilled" | "totalInjured"; nullable: true };

export const SORT_COLUMNS: Record<SortKey, SortColumn> = {
  date: { field: "date", nullable: false },
  province: { field: "province", nullable: false, values: Object.values(Province) },
  attack_type: { field: "attackType", nullable: false, values: Object.values(AttackType) },
  chinese_killed: { field: "chineseKilled", nullable: true },
  chinese_injured: { field: "chineseInjured", nullable: true },
  total_killed: { field: "totalKilled", nullable: true },
  total_injured: { field: "totalInjured", nullable: true },
};

/**
 * The sort key, unknown figures last in both directions (an unknown toll is not the
 * smallest), then the id in the same direction so equal keys always come out in the same
 * order and a page boundary never repeats or skips a row. The (column, id) shape is what an
 * index on the column serves, and what the export's keyset condition mirrors.
 */
export function incidentOrderBy(sort: SortKey, dir: SortDir): Prisma.IncidentOrderByWithRelationInput[] {
  const col = SORT_COLUMNS[sort];
  const first: Prisma.IncidentOrderByWithRelationInput = col.nullable
    ? { [col.field]: { sort: dir, nulls: "last" } }
    : { [col.field]: dir };
  return [first, { id: dir }];
}

export const INCIDENT_ROW_SELECT = {
  id: true, date: true, datePrecision: true, province: true, district: true, city: true,
  attackType: true, target: true, summary: true,
  chineseKilled: true, chineseInjured: true, chineseKidnapped: true, totalKilled: true, totalInjured: true, attackersKilled: true,
  project: { select: { id: true, name: true } },
  attributions: { select: { role: true, perpetrator: { select: { id: true, shortName: true } } } },
  sources: { select: { source: { select: { url: true } } }, orderBy: { sourceId: "asc" } },
} satisfies Prisma.IncidentSelect;

export type IncidentRecordRow = Prisma.IncidentGetPayload<{ select: typeof INCIDENT_ROW_SELECT }>;

export type GroupAttribution = { id: string; name: string; roles: AttributionRole[] };

/** What the table shows and the JSON API returns for one incident. Null figures are unknown. */
export type IncidentRow = {
  id: string;
  /** ISO at the date's precision: 2024-10-06, 2024-10 or 2024. */
  date: string;
  datePrecision: "day" | "month" | "year";
  province: Province;
  district: string | null;
  city: string | null;
  attackType: AttackType;
  target: string;
  summary: string;
  project: { id: string; name: string } | null;
  /** Each group once, with every role the sources give it, strongest role first. */
  groups: GroupAttribution[];
  chineseKilled: number | null;
  chineseInjured: number | null;
  chineseKidnapped: number | null;
  totalKilled: number | null;
  totalInjured: number | null;
  attackersKilled: number | null;
  sourceUrls: string[];
};

const ROLE_ORDER = Object.keys(ATTRIBUTION_ROLES) as AttributionRole[];

function groupAttributions(attributions: IncidentRecordRow["attributions"]): GroupAttribution[] {
  const byGroup = new Map<string, GroupAttribution>();
  for (const a of attributions) {
    const g = byGroup.get(a.perpetrator.id) ?? { id: a.perpetrator.id, name: a.perpetrator.shortName, roles: [] };
    if (!g.roles.includes(a.role)) g.roles.push(a.role);
    byGroup.set(g.id, g);
  }
  const strongest = (g: GroupAttribution) => Math.min(...g.roles.map((r) => ROLE_ORDER.indexOf(r)));
  for (const g of byGroup.values()) g.roles.sort((a, b) => ROLE_ORDER.indexOf(a) - ROLE_ORDER.indexOf(b));
  return [...byGroup.values()].sort((a, b) => strongest(a) - strongest(b) || a.id.localeCompare(b.id));
}

export function toIncidentRow(r: IncidentRecordRow): IncidentRow {
  return {
    id: r.id,
    date: isoPartialDate(r.date, r.datePrecision),
    datePrecision: r.datePrecision,
    province: r.province,
    district: r.district,
    city: r.city,
    attackType: r.attackType,
    target: r.target,
    summary: r.summary,
    project: r.project,
    groups: groupAttributions(r.attributions),
    chineseKilled: r.chineseKilled,
    chineseInjured: r.chineseInjured,
    chineseKidnapped: r.chineseKidnapped,
    totalKilled: r.totalKilled,
    totalInjured: r.totalInjured,
    attackersKilled: r.attackersKilled,
    sourceUrls: [...new Set(r.sources.map((s) => s.source.url).filter((u): u is string => !!u))],
  };
}

export type IncidentTablePage = { total: number; page: number; pageSize: number; pageCount: number; incidents: IncidentRow[] };

/**
 * One page of the filtered incidents in the requested order. Offset pagination for now: on
 * (indexed column, id) ordering, swapping in a keyset cursor later changes only this query.
 */
export async function incidentTablePage(filters: Filters, prisma: PrismaClient = db()): Promise<IncidentTablePage> {
  const where = incidentWhere(filters);
  const [total, records] = await Promise.all([
    prisma.incident.count({ where }),
    prisma.incident.findMany({
      where,
      orderBy: incidentOrderBy(filters.sort, filters.dir),
      skip: (filters.page - 1) * filters.pageSize,
      take: filters.pageSize,
      select: INCIDENT_ROW_SELECT,
    }),
  ]);
  return { total, page: filters.page, pageSize: filters.pageSize, pageCount: Math.max(1, Math.ceil(total / filters.pageSize)), incidents: records.map(toIncidentRow) };
}
