import "server-only";
import { db } from "../db.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";

export type ProjectIncident = {
  id: string; date: Date; datePrecision: "day" | "month" | "year"; city: string | null; province: string;
  target: string; chineseLink: "direct" | "weak"; chineseKilled: number | null; totalKilled: number | null;
};

export type ProjectEntry = {
  id: string; name: string; sector: string; province: string | null; location: string | null; operator: string | null;
  isCpec: boolean | null; description: string | null;
  evidence: { id: string; supports: string; quote: string; note: string | null; source: { id: string; kind: string; title: string; publisher: string | null; publishedOn: string | null; url: string | null } }[];
  /** Every incident that touched the project, weakly-linked ones included and marked. */
  incidents: ProjectIncident[];
};

/** All Chinese-linked projects, those hit most often first, with the quotes that describe them and the incidents that touched them. */
export async function projectsWithIncidents(prisma: PrismaClient = db()): Promise<ProjectEntry[]> {
  return prisma.project.findMany({
    orderBy: [{ incidents: { _count: "desc" } }, { name: "asc" }],
    select: {
      id: true, name: true, sector: true, province: true, location: true, operator: true, isCpec: true, description: true,
      evidence: {
        orderBy: { id: "asc" },
        select: { id: true, supports: true, quote: true, note: true, source: { select: { id: true, kind: true, title: true, publisher: true, publishedOn: true, url: true } } },
      },
      incidents: {
        orderBy: [{ date: "asc" }, { id: "asc" }],
        select: { id: true, date: true, datePrecision: true, city: true, province: true, target: true, chineseLink: true, chineseKilled: true, totalKilled: true },
      },
    },
  });
}
