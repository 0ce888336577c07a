import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseFilters } from "../filters.ts";
import { DEFAULT_FILTERS, SORT_KEYS, type Filters, type SortKey } from "../incident-model.ts";
import { FIXTURE } from "../testing/fixture.ts";
import { backends, freshDatabase, type TestDatabase } from "../testing/test-db.ts";
import { writeDataset } from "../write/write-dataset.ts";
import { incidentTablePage } from "./incident-table.ts";

// Short names for the fixture's five directly linked incidents.
const A = "2021-03-fixture-karachi-kidnapping"; // month precision, Sindh, every figure unknown
const B = "2021-07-10-fixture-dam-convoy"; // KP, CK 2, CI 1, TK 6, TI 7
const C = "2022-05-01-fixture-karachi-shooting"; // Sindh, CK 3, CI 2, TK 3, TI 2
const D = "2023-fixture-gwadar-attack"; // year precision, Balochistan, TK 1
const E = "2024-02-02-fixture-quetta-bomb"; // Balochistan, TK 0 (a real zero, not unknown)
const WEAK = "2024-06-06-fixture-weak-link";

// Worked out by hand from the fixture. Unknown figures come last in both directions, in id
// order following the direction; province and attack type follow the enum order of schema.prisma.
const EXPECTED: Record<SortKey, { asc: string[]; desc: string[] }> = {
  date: { asc: [A, B, C, D, E], desc: [E, D, C, B, A] },
  province: { asc: [D, E, A, C, B], desc: [B, C, A, E, D] },
  attack_type: { asc: [B, E, D, C, A], desc: [A, C, D, E, B] },
  chinese_killed: { asc: [B, C, A, D, E], desc: [C, B, E, D, A] },
  chinese_injured: { asc: [B, C, A, D, E], desc: [C, B, E, D, A] },
  total_killed: { asc: [E, D, C, B, A], desc: [B, C, D, E, A] },
  total_injured: { asc: [C, B, A, D, E], desc: [B, C, E, D, A] },
};

const filters = (over: Partial<Filters> = {}): Filters => ({ ...DEFAULT_FILTERS, ...over });

/** Every page of the table, concatenated, at a page size the URL would not allow (the data layer does not care). */
async function allPages(db: TestDatabase, f: Filters): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const p = await incidentTablePage({ ...f, page }, db.prisma);
    ids.push(...p.incidents.map((i) => i.id));
    if (page >= p.pageCount) return ids;
  }
}

describe.each(backends())("incidentTablePage on %s", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase(backend);
    await writeDataset(db.prisma, FIXTURE);
  });
  afterAll(async () => { await db?.close(); });

  it("lists the directly linked incidents newest first by default", async () => {
    const p = await incidentTablePage(filters(), db.prisma);
    expect(p.total).toBe(5);
    expect(p.pageCount).toBe(1);
    expect(p.incidents.map((i) => i.id)).toEqual(EXPECTED.date.desc);
  });

  for (const sort of SORT_KEYS) {
    for (const dir of ["asc", "desc"] as const) {
      it(`sorts by ${sort} ${dir}, unknown last, ties by id`, async () => {
        const p = await incidentTablePage(filters({ sort, dir }), db.prisma);
        expect(p.incidents.map((i) => i.id)).toEqual(EXPECTED[sort][dir]);
        // Paging at 2 rows gives the same order: no row repeated or skipped at a boundary.
        expect(await allPages(db, filters({ sort, dir, pageSize: 2 }))).toEqual(EXPECTED[sort][dir]);
      });
    }
  }

  it("pages with a total that counts every matching row", async () => {
    const second = await incidentTablePage(filters({ pageSize: 2, page: 2 }), db.prisma);
    expect(second).toMatchObject({ total: 5, page: 2, pageSize: 2, pageCount: 3 });
    expect(second.incidents.map((i) => i.id)).toEqual([C, B]);
    const last = await incidentTablePage(filters({ pageSize: 2, page: 3 }), db.prisma);
    expect(last.incidents.map((i) => i.id)).toEqual([A]);
    const beyond = await incidentTablePage(filters({ pageSize: 2, page: 9 }), db.prisma);
    expect(beyond).toMatchObject({ total: 5, incidents: [] });
  });

  it("keeps unknown figures null and real zeros zero", async () => {
    const rows = new Map((await incidentTablePage(filters(), db.prisma)).incidents.map((i) => [i.id, i]));
    expect(rows.get(A)).toMatchObject({ chineseKilled: null, chineseInjured: null, totalKilled: null, totalInjured: null, chineseKidnapped: 2 });
    expect(rows.get(E)).toMatchObject({ totalKilled: 0, chineseKilled: null });
    expect(rows.get(C)).toMatchObject({ chineseKilled: 3, attackersKilled: 1 });
  });

  it("shows dates at their precision, groups with every role, the project and source URLs", async () => {
    const rows = new Map((await incidentTablePage(filters(), db.prisma)).incidents.map((i) => [i.id, i]));
    expect(rows.get(A)).toMatchObject({ date: "2021-03", datePrecision: "month", province: "sindh", city: "Karachi", attackType: "kidnapping" });
    expect(rows.get(D)).toMatchObject({ date: "2023", datePrecision: "year" });
    expect(rows.get(B)).toMatchObject({
      date: "2021-07-10",
      project: { id: "fx-dam", name: "Fixture Dam" },
      // fx-beta is attributed by authorities and denies it; fx-alpha is only alleged.
      groups: [{ id: "fx-beta", name: "BM", roles: ["attributed_by_authorities", "denied"] }, { id: "fx-alpha", name: "AF", roles: ["alleged"] }],
      sourceUrls: ["https://example.org/a", "https://example.org/b"],
    });
    expect(rows.get(E)!.groups).toEqual([]);
  });

  const cases: [string, Record<string, string | string[]>, string[]][] = [
    ["province", { province: "sindh" }, [C, A]],
    ["two provinces", { province: ["sindh", "khyber_pakhtunkhwa"] }, [C, B, A]],
    ["group (any role)", { group: "fx-beta" }, [B]],
    ["group with links=all", { group: "fx-beta", links: "all" }, [WEAK, B]],
    ["attack type", { type: ["bombing", "kidnapping"] }, [E, A]],
    ["project", { project: "fx-dam" }, [B]],
    ["sector", { sector: "hydropower" }, [B]],
    ["victims=chinese", { victims: "chinese" }, [C, B, A]],
    ["links=all", { links: "all" }, [WEAK, E, D, C, B, A]],
    ["from and to (years)", { from: "2021", to: "2022" }, [C, B, A]],
    ["from a day", { from: "2021-07-10" }, [E, D, C, B]],
    ["search text", { q: "karachi" }, [C, A]],
    ["search text in the summary, any case", { q: "CONVOY BOMBING" }, [B]],
  ];
  for (const [name, params, ids] of cases) {
    it(`filters by ${name}`, async () => {
      const { filters: f, problems } = parseFilters(params);
      expect(problems).toEqual([]);
      const p = await incidentTablePage(f, db.prisma);
      expect(p.incidents.map((i) => i.id)).toEqual(ids);
      expect(p.total).toBe(ids.length);
    });
  }
});
