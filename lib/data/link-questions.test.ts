// Issue 11's two questions, asked through the one filter function: were Chinese interests the
// target (targetLink), and were Chinese nationals among the victims (chineseHarmed, derived
// from the claims). The default view is "harmed or directly targeted"; `target` and
// `victims=chinese` ask each question alone; `links=all` takes every incident.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseFilters } from "../filters.ts";
import type { IncidentRecord } from "../records/schema.ts";
import { FIXTURE } from "../testing/fixture.ts";
import { backends, freshDatabase, type TestDatabase } from "../testing/test-db.ts";
import { writeDataset } from "../write/write-dataset.ts";
import { incidentTablePage } from "./incident-table.ts";
import { overviewHeadlines } from "./overview.ts";
import { reconcile } from "./reconciliation.ts";

const fx = FIXTURE.incidents[0];
const claim = (count: number) => ({ outcome: "killed" as const, victimGroup: "chinese" as const, count, low: null, high: null, counted: true, source: "fx-news-a", quote: count === 0 ? "no Chinese national was hurt" : "two Chinese climbers were among the dead", note: null, statedBy: null, status: "current" as const, statusReason: null });
// Invented: an attack on foreigners in general that killed two Chinese (indirect target, harmed),
// and one where a Chinese target is only suspected and sources say no Chinese was hurt.
const HARMED_INDIRECT: IncidentRecord = { ...fx, id: "2023-08-08-fixture-indirect-harmed", date: "2023-08-08", datePrecision: "day", province: "gilgit_baltistan", targetLink: "indirect", attributions: [], evidence: [], casualties: [claim(2)] };
const DISPUTED_UNHARMED: IncidentRecord = { ...fx, id: "2023-09-09-fixture-disputed-unharmed", date: "2023-09-09", datePrecision: "day", province: "gilgit_baltistan", targetLink: "disputed", attributions: [], evidence: [], casualties: [claim(0)] };
const WEAK = "2024-06-06-fixture-weak-link";

describe.each(backends())("the two link questions on %s", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase(backend);
    await writeDataset(db.prisma, { ...FIXTURE, incidents: [...FIXTURE.incidents, HARMED_INDIRECT, DISPUTED_UNHARMED] });
  });
  afterAll(async () => { await db?.close(); });

  const ids = async (query: string) => {
    const { filters, problems } = parseFilters(new URLSearchParams(`${query}&pageSize=100`));
    expect(problems).toEqual([]);
    return (await incidentTablePage(filters, db.prisma)).incidents.map((i) => i.id).sort();
  };
  const direct = FIXTURE.incidents.filter((i) => i.targetLink === "direct").map((i) => i.id);

  it("the default view: Chinese nationals harmed, or Chinese interests directly targeted", async () => {
    expect(await ids("")).toEqual([...direct, HARMED_INDIRECT.id].sort());
    expect(await ids("links=direct")).toEqual(await ids(""));
  });

  it("every incident with links=all", async () => {
    expect(await ids("links=all")).toEqual([...direct, HARMED_INDIRECT.id, DISPUTED_UNHARMED.id, WEAK].sort());
  });

  it("the target question alone, whatever the victims", async () => {
    expect(await ids("target=direct")).toEqual([...direct].sort());
    expect(await ids("target=indirect")).toEqual([HARMED_INDIRECT.id, WEAK].sort());
    expect(await ids("target=indirect&target=disputed")).toEqual([HARMED_INDIRECT.id, DISPUTED_UNHARMED.id, WEAK].sort());
  });

  it("the victims question alone: a recorded zero is not harm", async () => {
    const harmed = await ids("victims=chinese&links=all");
    expect(harmed).toContain(HARMED_INDIRECT.id);
    expect(harmed).not.toContain(DISPUTED_UNHARMED.id);
  });

  it("headline figures count the default view (the indirect attack's Chinese dead included)", async () => {
    const { filters } = parseFilters(new URLSearchParams(""));
    const h = await overviewHeadlines(filters, db.prisma);
    expect(h.incidents).toBe(direct.length + 1);
  });

  it("the reconciliation's direct column counts directly targeted incidents only", async () => {
    const r = (await reconcile(db.prisma)).find((x) => x.figure.id === "fx-figure-attacks")!;
    expect(r.records.direct).toBe(direct.length);
    expect(r.records.all).toBe(direct.length + 3);
  });
});
