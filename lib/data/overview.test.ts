// The overview's aggregates against the fixture, whose figures were worked out by hand
// (see the header of lib/testing/fixture.ts). Fixture incidents, with their derived figures
// (ck/ci = Chinese killed/injured, tk/ti = all killed/injured, ak = attackers killed; - unknown):
//   A 2021-03 Sindh kidnapping, Alpha               ck - ci - tk - ti - ak -   (2 Chinese kidnapped)
//   B 2021-07 KP suicide bombing, Beta+Alpha, dam   ck 2 ci 1 tk 6 ti 7 ak -
//   C 2022-05 Sindh targeted shooting, Alpha        ck 3 ci 2 tk 3 ti 2 ak 1
//   D 2023    Balochistan complex attack, Alpha     ck - ci - tk 1 ti - ak 8
//   E 2024-02 Balochistan bombing, no group         ck - ci - tk 0 ti - ak -
//   F 2024-06 Punjab armed assault, Beta, WEAK link ck - ci - tk 5 ti - ak -
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseFilters } from "../filters.ts";
import { type Filters } from "../incident-model.ts";
import { FIXTURE } from "../testing/fixture.ts";
import { backends, freshDatabase, type TestDatabase } from "../testing/test-db.ts";
import { incidentWhere } from "../testing/incident-where.ts";
import {
  casualtiesPerYear, incidentsByAttackType, incidentsByGroup, incidentsByProvince,
  incidentsPerYearByGroup, incidentsPerYearByProvince, overviewHeadlines,
} from "./overview.ts";
import { incidentSql } from "./incident-sql.ts";
import { writeDataset } from "../write/write-dataset.ts";

const filters = (query: string): Filters => {
  const { filters: f, problems } = parseFilters(new URLSearchParams(query));
  expect(problems).toEqual([]);
  return f;
};
const fig = (total: number | null, unknown: number) => ({ total, unknown });
const zeroYear = (year: number) => ({ year, incidents: 0, chineseKilled: 0, chineseInjured: 0, totalKilled: 0, totalInjured: 0, unknown: { chineseKilled: 0, chineseInjured: 0, totalKilled: 0, totalInjured: 0 } });
const noneUnknown = { chineseKilled: 0, chineseInjured: 0, totalKilled: 0, totalInjured: 0 };
const yearC = { year: 2022, incidents: 1, chineseKilled: 3, chineseInjured: 2, totalKilled: 3, totalInjured: 2, unknown: noneUnknown };
const yearD = { year: 2023, incidents: 1, chineseKilled: null, chineseInjured: null, totalKilled: 1, totalInjured: null, unknown: { chineseKilled: 1, chineseInjured: 1, totalKilled: 0, totalInjured: 1 } };

describe.each(backends())("overview aggregates on %s", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase(backend);
    await writeDataset(db.prisma, FIXTURE);
  });
  afterAll(async () => { await db?.close(); });

  describe("default filters (direct links only: A-E)", () => {
    const f = filters("");
    it("headlines sum known figures and count the unknown ones", async () => {
      expect(await overviewHeadlines(f, db.prisma)).toEqual({
        incidents: 5,
        figures: { chineseKilled: fig(5, 3), chineseInjured: fig(3, 3), totalKilled: fig(10, 1), totalInjured: fig(9, 3), attackersKilled: fig(9, 3) },
      });
    });
    it("per year by group counts an incident under each linked group, and keeps unattributed ones", async () => {
      expect(await incidentsPerYearByGroup(f, 8, db.prisma)).toEqual({
        series: [{ key: "fx-alpha", label: "AF" }, { key: "fx-beta", label: "BM" }, { key: "_none", label: "No group named" }],
        rows: [
          { year: 2021, "fx-alpha": 2, "fx-beta": 1, _none: 0 },
          { year: 2022, "fx-alpha": 1, "fx-beta": 0, _none: 0 },
          { year: 2023, "fx-alpha": 1, "fx-beta": 0, _none: 0 },
          { year: 2024, "fx-alpha": 0, "fx-beta": 0, _none: 1 },
        ],
      });
    });
    it("per year by group folds the smaller groups into 'Other groups'", async () => {
      expect(await incidentsPerYearByGroup(f, 1, db.prisma)).toEqual({
        series: [{ key: "fx-alpha", label: "AF" }, { key: "_other", label: "Other groups" }, { key: "_none", label: "No group named" }],
        rows: [
          { year: 2021, "fx-alpha": 2, _other: 1, _none: 0 },
          { year: 2022, "fx-alpha": 1, _other: 0, _none: 0 },
          { year: 2023, "fx-alpha": 1, _other: 0, _none: 0 },
          { year: 2024, "fx-alpha": 0, _other: 0, _none: 1 },
        ],
      });
    });
    it("per year by province", async () => {
      expect(await incidentsPerYearByProvince(f, db.prisma)).toEqual({
        series: [{ key: "balochistan", label: "Balochistan" }, { key: "sindh", label: "Sindh" }, { key: "khyber_pakhtunkhwa", label: "Khyber Pakhtunkhwa" }],
        rows: [
          { year: 2021, balochistan: 0, sindh: 1, khyber_pakhtunkhwa: 1 },
          { year: 2022, balochistan: 0, sindh: 1, khyber_pakhtunkhwa: 0 },
          { year: 2023, balochistan: 1, sindh: 0, khyber_pakhtunkhwa: 0 },
          { year: 2024, balochistan: 1, sindh: 0, khyber_pakhtunkhwa: 0 },
        ],
      });
    });
    it("casualty trend keeps unknown apart from zero", async () => {
      expect(await casualtiesPerYear(f, db.prisma)).toEqual([
        { year: 2021, incidents: 2, chineseKilled: 2, chineseInjured: 1, totalKilled: 6, totalInjured: 7, unknown: { chineseKilled: 1, chineseInjured: 1, totalKilled: 1, totalInjured: 1 } },
        yearC,
        yearD,
        { year: 2024, incidents: 1, chineseKilled: null, chineseInjured: null, totalKilled: 0, totalInjured: null, unknown: { chineseKilled: 1, chineseInjured: 1, totalKilled: 0, totalInjured: 1 } },
      ]);
    });
    it("by province, group and attack type", async () => {
      expect(await incidentsByProvince(f, db.prisma)).toEqual([
        { key: "balochistan", label: "Balochistan", count: 2 },
        { key: "sindh", label: "Sindh", count: 2 },
        { key: "khyber_pakhtunkhwa", label: "Khyber Pakhtunkhwa", count: 1 },
      ]);
      expect(await incidentsByGroup(f, db.prisma)).toEqual([
        { key: "fx-alpha", label: "Alpha Front", shortName: "AF", count: 4 },
        { key: "fx-beta", label: "Beta Movement", shortName: "BM", count: 1 },
        { key: "_none", label: "No group named", shortName: "No group named", count: 1 },
      ]);
      expect(await incidentsByAttackType(f, db.prisma)).toEqual([
        { key: "bombing", label: "Bombing (planted or remote IED)", count: 1 },
        { key: "complex_attack", label: "Complex attack (armed assault with explosives)", count: 1 },
        { key: "kidnapping", label: "Kidnapping", count: 1 },
        { key: "suicide_bombing", label: "Suicide bombing", count: 1 },
        { key: "targeted_shooting", label: "Targeted shooting", count: 1 },
      ]);
    });
  });

  describe("province=sindh (A, C)", () => {
    const f = filters("province=sindh");
    it("every aggregate", async () => {
      expect(await overviewHeadlines(f, db.prisma)).toEqual({
        incidents: 2,
        figures: { chineseKilled: fig(3, 1), chineseInjured: fig(2, 1), totalKilled: fig(3, 1), totalInjured: fig(2, 1), attackersKilled: fig(1, 1) },
      });
      expect(await incidentsPerYearByGroup(f, 8, db.prisma)).toEqual({
        series: [{ key: "fx-alpha", label: "AF" }],
        rows: [{ year: 2021, "fx-alpha": 1 }, { year: 2022, "fx-alpha": 1 }, { year: 2023, "fx-alpha": 0 }, { year: 2024, "fx-alpha": 0 }],
      });
      expect(await incidentsPerYearByProvince(f, db.prisma)).toEqual({
        series: [{ key: "sindh", label: "Sindh" }],
        rows: [{ year: 2021, sindh: 1 }, { year: 2022, sindh: 1 }, { year: 2023, sindh: 0 }, { year: 2024, sindh: 0 }],
      });
      expect(await casualtiesPerYear(f, db.prisma)).toEqual([
        { year: 2021, incidents: 1, chineseKilled: null, chineseInjured: null, totalKilled: null, totalInjured: null, unknown: { chineseKilled: 1, chineseInjured: 1, totalKilled: 1, totalInjured: 1 } },
        yearC, zeroYear(2023), zeroYear(2024),
      ]);
      expect(await incidentsByProvince(f, db.prisma)).toEqual([{ key: "sindh", label: "Sindh", count: 2 }]);
      expect(await incidentsByGroup(f, db.prisma)).toEqual([{ key: "fx-alpha", label: "Alpha Front", shortName: "AF", count: 2 }]);
      expect(await incidentsByAttackType(f, db.prisma)).toEqual([
        { key: "kidnapping", label: "Kidnapping", count: 1 },
        { key: "targeted_shooting", label: "Targeted shooting", count: 1 },
      ]);
    });
  });

  describe("group=fx-beta (B only: F has a weak link)", () => {
    const f = filters("group=fx-beta");
    it("every aggregate; the other group linked to B still shows", async () => {
      expect(await overviewHeadlines(f, db.prisma)).toEqual({
        incidents: 1,
        figures: { chineseKilled: fig(2, 0), chineseInjured: fig(1, 0), totalKilled: fig(6, 0), totalInjured: fig(7, 0), attackersKilled: fig(null, 1) },
      });
      expect(await incidentsPerYearByGroup(f, 8, db.prisma)).toEqual({
        series: [{ key: "fx-alpha", label: "AF" }, { key: "fx-beta", label: "BM" }],
        rows: [
          { year: 2021, "fx-alpha": 1, "fx-beta": 1 }, { year: 2022, "fx-alpha": 0, "fx-beta": 0 },
          { year: 2023, "fx-alpha": 0, "fx-beta": 0 }, { year: 2024, "fx-alpha": 0, "fx-beta": 0 },
        ],
      });
      expect(await incidentsPerYearByProvince(f, db.prisma)).toEqual({
        series: [{ key: "khyber_pakhtunkhwa", label: "Khyber Pakhtunkhwa" }],
        rows: [{ year: 2021, khyber_pakhtunkhwa: 1 }, { year: 2022, khyber_pakhtunkhwa: 0 }, { year: 2023, khyber_pakhtunkhwa: 0 }, { year: 2024, khyber_pakhtunkhwa: 0 }],
      });
      expect(await casualtiesPerYear(f, db.prisma)).toEqual([
        { year: 2021, incidents: 1, chineseKilled: 2, chineseInjured: 1, totalKilled: 6, totalInjured: 7, unknown: noneUnknown },
        zeroYear(2022), zeroYear(2023), zeroYear(2024),
      ]);
      expect(await incidentsByProvince(f, db.prisma)).toEqual([{ key: "khyber_pakhtunkhwa", label: "Khyber Pakhtunkhwa", count: 1 }]);
      expect(await incidentsByGroup(f, db.prisma)).toEqual([
        { key: "fx-alpha", label: "Alpha Front", shortName: "AF", count: 1 },
        { key: "fx-beta", label: "Beta Movement", shortName: "BM", count: 1 },
      ]);
      expect(await incidentsByAttackType(f, db.prisma)).toEqual([{ key: "suicide_bombing", label: "Suicide bombing", count: 1 }]);
    });
  });

  describe("from=2022&to=2023 (C, D)", () => {
    const f = filters("from=2022&to=2023");
    it("every aggregate, with only the years in range", async () => {
      expect(await overviewHeadlines(f, db.prisma)).toEqual({
        incidents: 2,
        figures: { chineseKilled: fig(3, 1), chineseInjured: fig(2, 1), totalKilled: fig(4, 0), totalInjured: fig(2, 1), attackersKilled: fig(9, 0) },
      });
      expect(await incidentsPerYearByGroup(f, 8, db.prisma)).toEqual({
        series: [{ key: "fx-alpha", label: "AF" }],
        rows: [{ year: 2022, "fx-alpha": 1 }, { year: 2023, "fx-alpha": 1 }],
      });
      expect(await incidentsPerYearByProvince(f, db.prisma)).toEqual({
        series: [{ key: "balochistan", label: "Balochistan" }, { key: "sindh", label: "Sindh" }],
        rows: [{ year: 2022, balochistan: 0, sindh: 1 }, { year: 2023, balochistan: 1, sindh: 0 }],
      });
      expect(await casualtiesPerYear(f, db.prisma)).toEqual([yearC, yearD]);
      expect(await incidentsByProvince(f, db.prisma)).toEqual([{ key: "balochistan", label: "Balochistan", count: 1 }, { key: "sindh", label: "Sindh", count: 1 }]);
      expect(await incidentsByGroup(f, db.prisma)).toEqual([{ key: "fx-alpha", label: "Alpha Front", shortName: "AF", count: 2 }]);
      expect(await incidentsByAttackType(f, db.prisma)).toEqual([
        { key: "complex_attack", label: "Complex attack (armed assault with explosives)", count: 1 },
        { key: "targeted_shooting", label: "Targeted shooting", count: 1 },
      ]);
    });
    it("a range wider than the data shows the recorded years only; a mid-year start still counts whole years", async () => {
      expect((await casualtiesPerYear(filters("from=1990&to=2090"), db.prisma)).map((y) => y.year)).toEqual([2021, 2022, 2023, 2024]);
      // From 1 June 2021: A (March) is out, B (July) is in; the year 2021 stays on the axis.
      expect((await incidentsPerYearByProvince(filters("from=2021-06-01&to=2021-12-31"), db.prisma)).rows).toEqual([{ year: 2021, khyber_pakhtunkhwa: 1 }]);
    });
  });

  describe("links=all (A-F: the weak-link Punjab incident joins)", () => {
    const f = filters("links=all");
    it("every aggregate", async () => {
      expect(await overviewHeadlines(f, db.prisma)).toEqual({
        incidents: 6,
        figures: { chineseKilled: fig(5, 4), chineseInjured: fig(3, 4), totalKilled: fig(15, 1), totalInjured: fig(9, 4), attackersKilled: fig(9, 4) },
      });
      expect(await incidentsPerYearByGroup(f, 8, db.prisma)).toEqual({
        series: [{ key: "fx-alpha", label: "AF" }, { key: "fx-beta", label: "BM" }, { key: "_none", label: "No group named" }],
        rows: [
          { year: 2021, "fx-alpha": 2, "fx-beta": 1, _none: 0 },
          { year: 2022, "fx-alpha": 1, "fx-beta": 0, _none: 0 },
          { year: 2023, "fx-alpha": 1, "fx-beta": 0, _none: 0 },
          { year: 2024, "fx-alpha": 0, "fx-beta": 1, _none: 1 },
        ],
      });
      expect(await incidentsPerYearByProvince(f, db.prisma)).toEqual({
        series: [{ key: "balochistan", label: "Balochistan" }, { key: "sindh", label: "Sindh" }, { key: "khyber_pakhtunkhwa", label: "Khyber Pakhtunkhwa" }, { key: "punjab", label: "Punjab" }],
        rows: [
          { year: 2021, balochistan: 0, sindh: 1, khyber_pakhtunkhwa: 1, punjab: 0 },
          { year: 2022, balochistan: 0, sindh: 1, khyber_pakhtunkhwa: 0, punjab: 0 },
          { year: 2023, balochistan: 1, sindh: 0, khyber_pakhtunkhwa: 0, punjab: 0 },
          { year: 2024, balochistan: 1, sindh: 0, khyber_pakhtunkhwa: 0, punjab: 1 },
        ],
      });
      expect((await casualtiesPerYear(f, db.prisma))[3]).toEqual(
        { year: 2024, incidents: 2, chineseKilled: null, chineseInjured: null, totalKilled: 5, totalInjured: null, unknown: { chineseKilled: 2, chineseInjured: 2, totalKilled: 0, totalInjured: 2 } },
      );
      expect(await incidentsByProvince(f, db.prisma)).toEqual([
        { key: "balochistan", label: "Balochistan", count: 2 },
        { key: "sindh", label: "Sindh", count: 2 },
        { key: "khyber_pakhtunkhwa", label: "Khyber Pakhtunkhwa", count: 1 },
        { key: "punjab", label: "Punjab", count: 1 },
      ]);
      expect(await incidentsByGroup(f, db.prisma)).toEqual([
        { key: "fx-alpha", label: "Alpha Front", shortName: "AF", count: 4 },
        { key: "fx-beta", label: "Beta Movement", shortName: "BM", count: 2 },
        { key: "_none", label: "No group named", shortName: "No group named", count: 1 },
      ]);
      expect((await incidentsByAttackType(f, db.prisma)).find((t) => t.key === "armed_assault")).toEqual({ key: "armed_assault", label: "Armed assault", count: 1 });
    });
  });

  describe("victims=chinese (A, B, C)", () => {
    const f = filters("victims=chinese");
    it("every aggregate", async () => {
      expect(await overviewHeadlines(f, db.prisma)).toEqual({
        incidents: 3,
        figures: { chineseKilled: fig(5, 1), chineseInjured: fig(3, 1), totalKilled: fig(9, 1), totalInjured: fig(9, 1), attackersKilled: fig(1, 2) },
      });
      expect(await incidentsPerYearByGroup(f, 8, db.prisma)).toEqual({
        series: [{ key: "fx-alpha", label: "AF" }, { key: "fx-beta", label: "BM" }],
        rows: [
          { year: 2021, "fx-alpha": 2, "fx-beta": 1 }, { year: 2022, "fx-alpha": 1, "fx-beta": 0 },
          { year: 2023, "fx-alpha": 0, "fx-beta": 0 }, { year: 2024, "fx-alpha": 0, "fx-beta": 0 },
        ],
      });
      expect(await incidentsPerYearByProvince(f, db.prisma)).toEqual({
        series: [{ key: "sindh", label: "Sindh" }, { key: "khyber_pakhtunkhwa", label: "Khyber Pakhtunkhwa" }],
        rows: [
          { year: 2021, sindh: 1, khyber_pakhtunkhwa: 1 }, { year: 2022, sindh: 1, khyber_pakhtunkhwa: 0 },
          { year: 2023, sindh: 0, khyber_pakhtunkhwa: 0 }, { year: 2024, sindh: 0, khyber_pakhtunkhwa: 0 },
        ],
      });
      expect(await casualtiesPerYear(f, db.prisma)).toEqual([
        { year: 2021, incidents: 2, chineseKilled: 2, chineseInjured: 1, totalKilled: 6, totalInjured: 7, unknown: { chineseKilled: 1, chineseInjured: 1, totalKilled: 1, totalInjured: 1 } },
        yearC, zeroYear(2023), zeroYear(2024),
      ]);
      expect(await incidentsByProvince(f, db.prisma)).toEqual([{ key: "sindh", label: "Sindh", count: 2 }, { key: "khyber_pakhtunkhwa", label: "Khyber Pakhtunkhwa", count: 1 }]);
      expect(await incidentsByGroup(f, db.prisma)).toEqual([
        { key: "fx-alpha", label: "Alpha Front", shortName: "AF", count: 3 },
        { key: "fx-beta", label: "Beta Movement", shortName: "BM", count: 1 },
      ]);
      expect((await incidentsByAttackType(f, db.prisma)).map((t) => [t.key, t.count])).toEqual([["kidnapping", 1], ["suicide_bombing", 1], ["targeted_shooting", 1]]);
    });
  });

  it("no matching incident: zeros, not unknowns, and every year still on the axis", async () => {
    const f = filters("province=punjab"); // Punjab's only incident has a weak link
    expect(await overviewHeadlines(f, db.prisma)).toEqual({
      incidents: 0,
      figures: { chineseKilled: fig(0, 0), chineseInjured: fig(0, 0), totalKilled: fig(0, 0), totalInjured: fig(0, 0), attackersKilled: fig(0, 0) },
    });
    expect(await incidentsByProvince(f, db.prisma)).toEqual([]);
    expect(await incidentsByGroup(f, db.prisma)).toEqual([]);
    expect(await incidentsPerYearByGroup(f, 8, db.prisma)).toEqual({ series: [], rows: [{ year: 2021 }, { year: 2022 }, { year: 2023 }, { year: 2024 }] });
    expect(await casualtiesPerYear(f, db.prisma)).toEqual([zeroYear(2021), zeroYear(2022), zeroYear(2023), zeroYear(2024)]);
  });

  // The SQL twin must select exactly what incidentWhere selects, or the charts and the table drift apart.
  it.each([
    "", "links=all", "victims=chinese", "province=sindh&province=balochistan", "type=bombing&type=kidnapping&links=all",
    "group=fx-alpha", "group=fx-beta&links=all", "group=fx-alpha&group=fx-beta", "project=fx-dam", "sector=hydropower", "sector=port",
    "from=2021-06-01", "to=2022-05-01", "from=2022&to=2022", "q=karachi", "q=KARACHI&links=all", "q=fx", "q=%25", "q=_", "q=2024-06",
    "q=hyperlink&victims=chinese", "province=punjab&links=all&group=fx-beta&type=armed_assault&from=2024&to=2024",
  ])("incidentSql selects what incidentWhere selects: ?%s", async (query) => {
    const f = filters(query);
    const viaPrisma = (await db.prisma.incident.findMany({ where: incidentWhere(f), select: { id: true } })).map((r) => r.id).sort();
    const viaSql = (await db.prisma.$queryRaw<{ id: string }[]>`SELECT i."id" FROM "Incident" i WHERE ${incidentSql(f)}`).map((r) => r.id).sort();
    expect(viaSql).toEqual(viaPrisma);
  });
});
