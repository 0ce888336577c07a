// Turns parsed filters into the Prisma condition every incident query shares, so the
// overview, the table, the API and the CSV export always count the same incidents.
import type { Prisma } from "../generated/prisma/client.ts";
import type { Filters } from "../incident-model.ts";

type IncidentFilters = Pick<Filters, "from" | "to" | "province" | "group" | "type" | "project" | "sector" | "victims" | "links" | "q">;

export function incidentWhere(f: IncidentFilters): Prisma.IncidentWhereInput {
  const and: Prisma.IncidentWhereInput[] = [];
  if (f.from || f.to) and.push({ date: { ...(f.from && { gte: f.from }), ...(f.to && { lte: f.to }) } });
  if (f.province.length) and.push({ province: { in: f.province } });
  if (f.type.length) and.push({ attackType: { in: f.type } });
  // Any attribution counts, whatever its role: an analyst filtering by a group wants every
  // incident the group is linked to; the role is shown beside it.
  if (f.group.length) and.push({ attributions: { some: { perpetratorId: { in: f.group } } } });
  if (f.project.length) and.push({ projectId: { in: f.project } });
  if (f.sector.length) and.push({ project: { sector: { in: f.sector } } });
  if (f.links === "direct") and.push({ chineseLink: "direct" });
  if (f.victims === "chinese") and.push({ OR: [{ chineseKilled: { gt: 0 } }, { chineseInjured: { gt: 0 } }, { chineseKidnapped: { gt: 0 } }] });
  if (f.q) {
    const contains = { contains: f.q, mode: "insensitive" as const };
    and.push({ OR: [{ summary: contains }, { target: contains }, { city: contains }, { district: contains }, { locationDetail: contains }, { id: contains }] });
  }
  return and.length ? { AND: and } : {};
}
