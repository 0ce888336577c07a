// A fingerprint of every table's rows, to show that an operation changed nothing (or
// exactly what it should). Each query is written out so no SQL is built from strings.
import type { PrismaClient } from "../generated/prisma/client.ts";

type Row = { n: bigint | number; md5: string | null };

export async function tableChecksums(prisma: PrismaClient): Promise<Record<string, string>> {
  const q = {
    Source: prisma.$queryRaw<Row[]>`SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS md5 FROM "Source" t`,
    Perpetrator: prisma.$queryRaw<Row[]>`SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS md5 FROM "Perpetrator" t`,
    Project: prisma.$queryRaw<Row[]>`SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS md5 FROM "Project" t`,
    Incident: prisma.$queryRaw<Row[]>`SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS md5 FROM "Incident" t`,
    IncidentSource: prisma.$queryRaw<Row[]>`SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS md5 FROM "IncidentSource" t`,
    Attribution: prisma.$queryRaw<Row[]>`SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS md5 FROM "Attribution" t`,
    Casualty: prisma.$queryRaw<Row[]>`SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS md5 FROM "Casualty" t`,
    Evidence: prisma.$queryRaw<Row[]>`SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS md5 FROM "Evidence" t`,
    ReportedFigure: prisma.$queryRaw<Row[]>`SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS md5 FROM "ReportedFigure" t`,
  };
  const out: Record<string, string> = {};
  for (const [table, query] of Object.entries(q)) {
    const [row] = await query;
    out[table] = `${Number(row.n)} rows ${row.md5 ?? "-"}`;
  }
  return out;
}
