// The export's CSV is written by the database (incident-export.ts); lib/csv.ts is the
// definition of what it must write. Both are run here on hostile text, on each database,
// and must agree byte for byte: cell by cell, then record by record for every sort order
// with batch boundaries between ties and inside the unknown figures.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "../generated/prisma/client.ts";
import { CSV_BOM, csvCell, csvRow } from "../csv.ts";
import { DEFAULT_FILTERS, SORT_KEYS, type Filters, type SortKey } from "../incident-model.ts";
import { FIXTURE } from "../testing/fixture.ts";
import { backends, freshDatabase, type TestDatabase } from "../testing/test-db.ts";
import type { IncidentRecord } from "../records/schema.ts";
import { writeDataset } from "../write/write-dataset.ts";
import { incidentTablePage, type IncidentRow } from "./incident-table.ts";
import { INCIDENT_CSV_HEADER, csvTextSql, incidentCsvRecord, incidentCsvStream, incidentExportBatches } from "./incident-export.ts";

const HOSTILE: (string | null)[] = [
  'say "hi"', "a,b", "cr\rinside", "lf\ninside", "crlf\r\ninside", '"', ",", "\r\n",
  "=1+1", "+1", "-1", "@SUM(A1)", "\tTab first", "\rCR first", "\nLF first (not a formula)", " =space first",
  "'=quoted formula", "''+twice quoted", "'''-thrice", "'", "''", "'plain", "a'=b", "=", "-", "@", "+", "\t", "\r",
  '="a,b"\r\n', "'@x,\"y\"", '"=quoted"', "C:\\path\\to 100% _x_",
  "کراچی، بلوچستان", "=کراچی", "😀 emoji", "👩‍👩‍👧 family", "e\u0301 combining", "\u2028line separator", "", null,
];

const filters = (over: Partial<Filters> = {}): Filters => ({ ...DEFAULT_FILTERS, ...over });
const text = (k: number) => HOSTILE[k % HOSTILE.length];

const FIGURE: Partial<Record<SortKey, keyof IncidentRow>> = {
  chinese_killed: "chineseKilled", chinese_injured: "chineseInjured", total_killed: "totalKilled", total_injured: "totalInjured",
};

/** One incident per hostile text, in every free-text column, with tied and unknown figures. */
function hostileIncidents(): IncidentRecord[] {
  const claim = (outcome: "killed" | "injured", victimGroup: "chinese" | "all_victims", count: number, source: string) =>
    ({ outcome, victimGroup, count, low: null, high: null, counted: true, source, quote: null, note: null });
  return HOSTILE.map((_, k) => {
    const date = `2020-0${1 + (k % 4)}-0${1 + (k % 3)}`;
    const source = ["fx-news-a", "fx-hostile-url", "fx-hostile-url-2"][k % 3];
    return {
      id: k % 7 === 3 ? `${date}-fixture-hostile-${k}-a,b"c` : k % 7 === 5 ? `=${date}-fixture-hostile-${k}` : `${date}-fixture-hostile-${k}`,
      date, datePrecision: (["day", "month", "year"] as const)[k % 3], dateNote: null,
      province: (["sindh", "balochistan", "punjab"] as const)[k % 3], district: text(k + 2), city: text(k + 3),
      locationDetail: null, locationPrecision: "province", latitude: null, longitude: null,
      attackType: (["bombing", "kidnapping", "other"] as const)[k % 3], target: text(k) ?? "", project: k % 4 === 1 ? "-hostile, \"project\"" : null,
      summary: text(k + 1) ?? "", confidence: "low", targetLink: "direct", linkNote: null, notes: null, evidence: [],
      attributions: k % 3 === 0 ? [] : [
        { group: "=hostile,\"group\"", role: "claimed", source, quote: null, note: null, statedBy: null },
        { group: "fx-beta", role: k % 2 ? "denied" : "alleged", source, quote: null, note: null, statedBy: null },
      ],
      casualties: [
        ...(k % 4 === 0 ? [] : [claim("killed", "chinese", k % 3, source)]),
        ...(k % 3 === 0 ? [] : [claim("injured", "chinese", k % 2, source)]),
        ...(k % 5 < 2 ? [] : [claim("killed", "all_victims", 3 + (k % 4), source)]),
        ...(k % 5 === 0 ? [] : [claim("injured", "all_victims", k % 2, source)]),
      ],
    };
  });
}

async function tableRows(db: TestDatabase, f: Filters): Promise<IncidentRow[]> {
  const rows: IncidentRow[] = [];
  for (let page = 1; ; page++) {
    const p = await incidentTablePage({ ...f, page, pageSize: 25 }, db.prisma);
    rows.push(...p.incidents);
    if (page >= p.pageCount) return rows;
  }
}

describe.each(backends())("the CSV the database writes on %s", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase(backend);
    const hostileSource = (id: string, url: string) => ({ ...FIXTURE.sources[0], id, url });
    await writeDataset(db.prisma, {
      ...FIXTURE,
      sources: [...FIXTURE.sources, hostileSource("fx-hostile-url", '=HYPERLINK("https://evil.example/"),1'), hostileSource("fx-hostile-url-2", 'https://example.org/"q",x\r\n')],
      perpetrators: [...FIXTURE.perpetrators, { ...FIXTURE.perpetrators[0], id: "=hostile,\"group\"" }],
      projects: [...FIXTURE.projects, { ...FIXTURE.projects[0], id: "-hostile, \"project\"", evidence: [] }],
      incidents: [...FIXTURE.incidents, ...hostileIncidents()],
    });
  });
  afterAll(async () => { await db?.close(); });

  it("writes each text cell as csvCell does", async () => {
    const cells = await db.prisma.$queryRaw<{ cell: string }[]>(Prisma.sql`
      SELECT ${csvTextSql(Prisma.sql`t.v`)} AS cell FROM unnest(CAST(${HOSTILE} AS text[])) WITH ORDINALITY AS t(v, k) ORDER BY t.k`);
    expect(cells.map((c) => c.cell)).toEqual(HOSTILE.map(csvCell));
  });

  for (const sort of SORT_KEYS) {
    for (const dir of ["asc", "desc"] as const) {
      it(`writes each record as csvRow of the table's values, in order, across batches: ${sort} ${dir}`, async () => {
        const f = filters({ sort, dir, links: "all" });
        const rows = await tableRows(db, f);
        expect(rows).toHaveLength(FIXTURE.incidents.length + HOSTILE.length);
        const figure = FIGURE[sort];
        if (figure) {
          // Known and unknown values both, so a batch boundary falls inside each range and at the switch.
          expect(rows.filter((r) => r[figure] === null).length).toBeGreaterThan(3);
          expect(rows.filter((r) => r[figure] !== null).length).toBeGreaterThan(3);
        }
        let exported = "";
        for await (const batch of incidentExportBatches(f, { prisma: db.prisma, batchSize: 3 })) {
          expect(batch.rows).toBeLessThanOrEqual(3);
          exported += batch.csv;
        }
        expect(exported).toBe(rows.map((r) => csvRow(incidentCsvRecord(r))).join(""));
      });
    }
  }

  // On PostgreSQL the stream is one COPY per range, not the batches above: the same bytes again.
  for (const sort of SORT_KEYS) {
    for (const dir of ["asc", "desc"] as const) {
      it(`streams the same file as the table's values: ${sort} ${dir}`, async () => {
        const f = filters({ sort, dir, links: "all" });
        const bytes = new Uint8Array(await new Response(incidentCsvStream(f, { prisma: db.prisma })).arrayBuffer());
        const expected = CSV_BOM + csvRow(INCIDENT_CSV_HEADER) + (await tableRows(db, f)).map((r) => csvRow(incidentCsvRecord(r))).join("");
        expect(bytes).toEqual(new TextEncoder().encode(expected));
      });
    }
  }

  it("streams only what filter values select, hostile search text included", async () => {
    // Each kind of bound value: days, enum labels, slugs (one hostile), and search text with quotes, a backslash and LIKE wildcards.
    // [filters, whether the hostile set has a match], so a filter that silently selects nothing cannot pass.
    const cases: [Partial<Filters>, boolean][] = [
      [{ from: new Date("2020-02-01T00:00:00Z"), to: new Date("2020-03-31T00:00:00Z"), province: ["sindh", "punjab"] }, true],
      [{ group: ["=hostile,\"group\""], type: ["bombing", "other"] }, true],
      [{ project: ["-hostile, \"project\""] }, true],
      [{ q: "hi\"" }, true], [{ q: "C:\\path\\to 100% _x_" }, false], [{ q: "'; SELECT 1; --" }, false], [{ q: "\\" }, false],
    ];
    for (const [c, matches] of cases) {
      const f = filters({ sort: "chinese_killed", dir: "asc", links: "all", ...c });
      const rows = await tableRows(db, f);
      const bytes = new Uint8Array(await new Response(incidentCsvStream(f, { prisma: db.prisma })).arrayBuffer());
      expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes), JSON.stringify(c)).toBe(CSV_BOM + csvRow(INCIDENT_CSV_HEADER) + rows.map((r) => csvRow(incidentCsvRecord(r))).join(""));
      if (matches) expect(rows.length, JSON.stringify(c)).toBeGreaterThan(0);
    }
  });

  it.runIf(backend === "postgres")("gives the connection back when a download is cancelled", async () => {
    const f = filters({ sort: "total_killed", dir: "desc", links: "all" });
    // More cancelled downloads than the export pool has connections: one kept would make the last export wait forever.
    for (let k = 0; k < 6; k++) {
      const reader = incidentCsvStream(f, { prisma: db.prisma }).getReader();
      await reader.read(); // the header
      expect((await reader.read()).done).toBe(false); // the first records: the COPY is under way
      await reader.cancel();
    }
    const busy = async () => (await db.prisma.$queryRaw<{ n: number }[]>`
      SELECT CAST(COUNT(*) AS integer) AS n FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND (query LIKE 'COPY%' OR state LIKE 'idle in transaction%')`)[0].n;
    for (let k = 0; k < 50 && (await busy()) > 0; k++) await new Promise((r) => setTimeout(r, 100));
    expect(await busy()).toBe(0);
    const text = new TextDecoder().decode(await new Response(incidentCsvStream(f, { prisma: db.prisma })).arrayBuffer());
    expect(text.split("\r\n").length).toBeGreaterThan(HOSTILE.length);
  });

  it("streams the header, then the same records, as UTF-8", async () => {
    const f = filters({ sort: "total_injured", dir: "desc", links: "all" });
    const bytes = new Uint8Array(await new Response(incidentCsvStream(f, { prisma: db.prisma, batchSize: 4 })).arrayBuffer());
    const expected = CSV_BOM + csvRow(INCIDENT_CSV_HEADER) + (await tableRows(db, f)).map((r) => csvRow(incidentCsvRecord(r))).join("");
    expect(bytes).toEqual(new TextEncoder().encode(expected));
  });
});
