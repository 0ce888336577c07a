// What the report reader needs to know of the record (issue 13): the groups with their
// aliases, the projects, and the incidents with their counted casualties, as plain arrays.
// Takes the client so the command line can use its own connection (lib/db.ts is the
// server's, and PGlite allows one opener per data directory).
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { Reference } from "../ingest/types.ts";

export async function ingestReference(prisma: PrismaClient): Promise<Reference> {
  const [perpetrators, projects, incidents] = await Promise.all([
    prisma.perpetrator.findMany({ select: { id: true, name: true, shortName: true, aliases: true }, orderBy: { id: "asc" } }),
    prisma.project.findMany({ select: { id: true, name: true, province: true, location: true }, orderBy: { id: "asc" } }),
    prisma.incident.findMany({
      select: {
        id: true, date: true, datePrecision: true, province: true, city: true, district: true, attackType: true, projectId: true,
        casualties: { where: { counted: true }, select: { outcome: true, victimGroup: true, count: true } },
      },
      orderBy: { date: "asc" },
    }),
  ]);
  return {
    perpetrators,
    projects,
    incidents: incidents.map((i) => ({
      id: i.id,
      // Stored as the first day of the period: cut back to the precision the record knows.
      date: i.date.toISOString().slice(0, i.datePrecision === "day" ? 10 : i.datePrecision === "month" ? 7 : 4),
      datePrecision: i.datePrecision,
      province: i.province,
      city: i.city,
      district: i.district,
      attackType: i.attackType,
      project: i.projectId,
      casualties: i.casualties,
    })),
  };
}
