// Issue 11's rules as written to the database: best, low and high columns, the harmed flag and
// the target link on the incident row; status and reason on each claim; and the incident page's
// reading of them (which claim gives the best figure, which account a total comes from).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Dataset } from "../records/load.ts";
import type { IncidentRecord } from "../records/schema.ts";
import { backends, freshDatabase, type TestDatabase } from "../testing/test-db.ts";
import { writeDataset } from "../write/write-dataset.ts";
import { incidentDetail } from "./incident-detail.ts";

const source = (id: string, publishedOn: string | null) => ({ id, kind: "news" as const, title: `Report ${id}`, author: null, publisher: `Paper ${id}`, publishedOn, url: `https://example.org/${id}`, seedFile: null, note: null });
type Claim = IncidentRecord["casualties"][number];
const claim = (c: Partial<Claim> & Pick<Claim, "outcome" | "victimGroup" | "source">): Claim =>
  ({ count: null, low: null, high: null, quote: "a quote of the figure", note: null, counted: true, ...c });
const incident = (id: string, targetLink: IncidentRecord["targetLink"], casualties: Claim[]): IncidentRecord => ({
  id, date: "2031-02-03", datePrecision: "day", dateNote: null, province: "sindh", district: null, city: "Karachi", locationDetail: null,
  locationPrecision: "city", latitude: null, longitude: null, attackType: "bombing", target: "A depot", project: null,
  summary: "Made-up incident for the casualty rules.", confidence: "medium", targetLink, linkNote: null, notes: null, evidence: [], attributions: [], casualties,
});

const DATA: Dataset = {
  sources: [source("early", "2031-02-03"), source("later", "2031-02-05"), source("weekly", "2031-02-10"), source("undated", null)],
  perpetrators: [], projects: [], reportedFigures: [],
  incidents: [
    // An early wire toll revised upward; two later accounts disagree; a boast stays out.
    incident("2031-02-03-fixture-revised-toll", "direct", [
      claim({ outcome: "killed", victimGroup: "all_victims", count: 6, source: "early", status: "preliminary", statusReason: "first wire toll, revised" }),
      claim({ outcome: "killed", victimGroup: "all_victims", count: 14, source: "later" }),
      claim({ outcome: "killed", victimGroup: "all_victims", count: 12, source: "weekly" }),
      claim({ outcome: "killed", victimGroup: "chinese", count: 0, source: "later", quote: "no foreigner was hurt" }),
      claim({ outcome: "injured", victimGroup: "chinese", count: 0, source: "later", quote: "no foreigner was hurt" }),
      claim({ outcome: "killed", victimGroup: "chinese", count: 9, source: "undated", counted: false, note: "the group's boast" }),
    ]),
    // Two outlets describe the same two victims, one as Chinese, one as "other": one account each.
    incident("2031-02-04-fixture-two-accounts", "indirect", [
      claim({ outcome: "injured", victimGroup: "chinese", count: 2, source: "early", status: "superseded", statusReason: "nationality later reported otherwise" }),
      claim({ outcome: "injured", victimGroup: "other", count: 2, source: "later" }),
      claim({ outcome: "injured", victimGroup: "chinese", count: 0, source: "later", quote: "neither victim was a Chinese national" }),
      claim({ outcome: "killed", victimGroup: "security_forces", count: 1, source: "weekly" }),
    ]),
    // Chinese harmed although the target was disputed.
    incident("2031-02-05-fixture-harmed", "disputed", [claim({ outcome: "injured", victimGroup: "chinese", count: 1, source: "later" })]),
  ],
};

describe.each(backends())("casualty estimates written on %s", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase(backend);
    await writeDataset(db.prisma, DATA);
  });
  afterAll(async () => { await db?.close(); });

  const row = (id: string) => db.prisma.incident.findUniqueOrThrow({ where: { id } });

  it("writes best, low and high from the current accounts, and zero as zero", async () => {
    expect(await row("2031-02-03-fixture-revised-toll")).toMatchObject({
      totalKilled: 12, totalKilledLow: 12, totalKilledHigh: 14, // the weekly account is the latest; the 6 was preliminary
      chineseKilled: 0, chineseKilledLow: 0, chineseKilledHigh: 0, chineseInjured: 0, chineseHarmed: false,
      totalInjured: null, totalInjuredLow: null, // "no foreigner hurt" says nothing of everyone else
      targetLink: "direct", chineseLink: "direct",
    });
  });

  it("takes a total from one account and keeps superseded figures out", async () => {
    expect(await row("2031-02-04-fixture-two-accounts")).toMatchObject({
      // No source says whether a Chinese national was killed, so harm is unknown, not "no".
      chineseInjured: 0, chineseKilled: null, totalInjured: 2, totalInjuredLow: 2, totalInjuredHigh: 2, totalKilled: 1, chineseHarmed: null,
      targetLink: "indirect", chineseLink: "weak",
    });
    expect(await row("2031-02-05-fixture-harmed")).toMatchObject({ chineseHarmed: true, targetLink: "disputed", chineseLink: "weak" });
  });

  it("keeps each claim's status and reason", async () => {
    const c = await db.prisma.casualty.findMany({ where: { incidentId: "2031-02-03-fixture-revised-toll", status: { not: "current" } } });
    expect(c).toEqual([expect.objectContaining({ count: 6, status: "preliminary", statusReason: "first wire toll, revised" })]);
  });

  it("the incident page marks the best figure and names the account each total comes from", async () => {
    const d = (await incidentDetail("2031-02-03-fixture-revised-toll", db.prisma))!;
    const killed = d.casualties.find((l) => l.outcome === "killed" && l.victimGroup === "all_victims")!;
    expect(killed).toMatchObject({ counted: 12, range: { low: 12, high: 14 }, disagree: true, revised: 1, preliminaryOnly: false });
    expect(killed.figures.map((f) => [f.count, f.best, f.status])).toEqual([[12, true, "current"], [14, false, "current"], [6, false, "preliminary"]]);
    expect(d.totals).toEqual([expect.objectContaining({ outcome: "killed", best: 12, low: 12, high: 14, source: expect.objectContaining({ id: "weekly" }) })]);
    const chinese = d.casualties.find((l) => l.outcome === "killed" && l.victimGroup === "chinese")!;
    expect(chinese).toMatchObject({ counted: 0, uncounted: 1, disagree: false });
  });
});
