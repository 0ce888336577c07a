// The SQL twin of incidentWhere and of the table's sort order, for the queries Prisma's
// query builder cannot express cheaply (grouped scans, the table page, the CSV export).
// Identifiers come only from the constant maps below; every value is a parameter.
import { Prisma } from "../generated/prisma/client.ts";
import type { Filters, SortKey } from "../filters.ts";

export type IncidentFilters = Pick<Filters, "from" | "to" | "province" | "group" | "type" | "project" | "sector" | "victims" | "links" | "q">;
export type SortDir = "asc" | "desc";

const day = (d: Date) => d.toISOString().slice(0, 10);
const enumList = (values: readonly string[], type: string) => Prisma.join(values.map((v) => Prisma.sql`CAST(${v} AS ${Prisma.raw(`"${type}"`)})`));

/** The condition incidentWhere(filters) expresses, as SQL over `"Incident" i`. Keep the two in step (overview.test.ts checks). */
export function incidentSql(f: IncidentFilters): Prisma.Sql {
  const and: Prisma.Sql[] = [];
  if (f.from) and.push(Prisma.sql`i."date" >= CAST(${day(f.from)} AS date)`);
  if (f.to) and.push(Prisma.sql`i."date" <= CAST(${day(f.to)} AS date)`);
  if (f.province.length) and.push(Prisma.sql`i."province" IN (${enumList(f.province, "Province")})`);
  if (f.type.length) and.push(Prisma.sql`i."attackType" IN (${enumList(f.type, "AttackType")})`);
  if (f.group.length) and.push(Prisma.sql`EXISTS (SELECT 1 FROM "Attribution" fa WHERE fa."incidentId" = i."id" AND fa."perpetratorId" IN (${Prisma.join(f.group)}))`);
  if (f.project.length) and.push(Prisma.sql`i."projectId" IN (${Prisma.join(f.project)})`);
  if (f.sector.length) and.push(Prisma.sql`EXISTS (SELECT 1 FROM "Project" fp WHERE fp."id" = i."projectId" AND fp."sector" IN (${enumList(f.sector, "ProjectSector")}))`);
  if (f.links === "direct") and.push(Prisma.sql`i."chineseLink" = CAST('direct' AS "ChineseLink")`);
  if (f.victims === "chinese") and.push(Prisma.sql`(i."chineseKilled" > 0 OR i."chineseInjured" > 0 OR i."chineseKidnapped" > 0)`);
  if (f.q) {
    // Prisma's `contains` passes the text through as a LIKE pattern, % and _ included; so does this.
    const like = `%${f.q}%`;
    and.push(Prisma.sql`(i."summary" ILIKE ${like} OR i."target" ILIKE ${like} OR i."city" ILIKE ${like} OR i."district" ILIKE ${like} OR i."locationDetail" ILIKE ${like} OR i."id" ILIKE ${like})`);
  }
  return and.length ? Prisma.join(and, " AND ") : Prisma.sql`TRUE`;
}

/** A cache key for what incidentSql(f) selects: equal keys, equal sets of incidents. */
export function incidentFilterKey(f: IncidentFilters): string {
  return JSON.stringify([f.from, f.to, f.province, f.group, f.type, f.project, f.sector, f.victims, f.links, f.q]);
}

/** A sort key's column over `"Incident" i`, how a cursor value is cast back to its type, and whether it can be unknown. */
type SortSql = { col: Prisma.Sql; cast: (v: unknown) => Prisma.Sql; nullable: boolean };
const asInt = (v: unknown) => Prisma.sql`CAST(${v} AS integer)`;
export const SORT_SQL: Record<SortKey, SortSql> = {
  date: { col: Prisma.sql`i."date"`, cast: (v) => Prisma.sql`CAST(${v} AS date)`, nullable: false },
  province: { col: Prisma.sql`i."province"`, cast: (v) => Prisma.sql`CAST(${v} AS "Province")`, nullable: false },
  attack_type: { col: Prisma.sql`i."attackType"`, cast: (v) => Prisma.sql`CAST(${v} AS "AttackType")`, nullable: false },
  chinese_killed: { col: Prisma.sql`i."chineseKilled"`, cast: asInt, nullable: true },
  chinese_injured: { col: Prisma.sql`i."chineseInjured"`, cast: asInt, nullable: true },
  total_killed: { col: Prisma.sql`i."totalKilled"`, cast: asInt, nullable: true },
  total_injured: { col: Prisma.sql`i."totalInjured"`, cast: asInt, nullable: true },
};

const DIR_SQL: Record<SortDir, Prisma.Sql> = { asc: Prisma.sql`ASC`, desc: Prisma.sql`DESC` };
export const dirSql = (dir: SortDir) => DIR_SQL[dir];

/** incidentOrderBy as SQL: the key (unknown last either way), then the id in the same direction. */
export function orderSql(sort: SortKey, dir: SortDir): Prisma.Sql {
  const s = SORT_SQL[sort];
  return Prisma.sql`${s.col} ${DIR_SQL[dir]}${s.nullable ? Prisma.sql` NULLS LAST` : Prisma.empty}, i."id" ${DIR_SQL[dir]}`;
}
