// The editors' accept, on real databases: what enters the record, its revisions, and that a
// failed accept writes nothing. The report below is written for this test (no third-party text).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { tableChecksums } from "../testing/checksum.ts";
import { FIXTURE } from "../testing/fixture.ts";
import { backends, freshDatabase, type TestDatabase } from "../testing/test-db.ts";
import { readDataVersion } from "../data/data-version.ts";
import { AcceptError, acceptCandidate, parseAcceptRequest, type AcceptInput } from "./accept.ts";
import type { Candidate } from "./candidate.ts";
import { storeReport } from "./reports.ts";
import { snapshotIncidents } from "./revisions.ts";
import { writeDataset } from "./write-dataset.ts";

const TEXT = [
  "QUETTA, 3 February: A roadside bomb struck a van taking Chinese technicians to a hotel in Quetta on Friday,",
  "killing two Chinese nationals and wounding four people, a police officer said. The Alpha Front said it carried out the attack.",
  "A group calling itself the Gamma Cell also claimed it. A spokesman for the Beta Movement denied any part in it.",
].join(" ");

function ev(quote: string, text = TEXT) {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`test setup: "${quote}" is not in the text`);
  return { start, end: start + quote.length, quote };
}

const CANDIDATE: Candidate = {
  kind: "main", date: "2024-02-02", datePrecision: "day", province: "balochistan", city: "Quetta", latitude: 30.18, longitude: 67.0,
  attackType: "bombing", project: null,
  figures: [
    { outcome: "killed", victims: "chinese", count: 2, qualifier: "exact", evidence: ev("killing two Chinese nationals") },
    { outcome: "injured", victims: "all_victims", count: 4, qualifier: "exact", evidence: ev("wounding four people") },
    // The reader got this span wrong: its quote is not the text at its offsets.
    { outcome: "killed", victims: "all_victims", count: 3, qualifier: "exact", evidence: { ...ev("killing two Chinese nationals"), quote: "killing three people" } },
  ],
  attributions: [
    { group: "fx-alpha", name: "Alpha Front", role: "claimed", evidence: ev("The Alpha Front said it carried out the attack") },
    { group: null, name: "Gamma Cell", role: "claimed", evidence: ev("the Gamma Cell also claimed it") },
    { group: "fx-beta", name: "Beta Movement", role: "denied", evidence: ev("the Beta Movement denied any part in it") },
  ],
  evidence: [ev("A roadside bomb struck a van taking Chinese technicians to a hotel in Quetta on Friday")],
  match: { incidentId: "2024-02-02-fixture-quetta-bomb", score: 0.9 },
  confidence: 0.8,
};
const QUETTA = "2024-02-02-fixture-quetta-bomb";
const EDITOR = { id: "u-editor", name: "Test Editor", email: "editor@example.org" };

describe.each(backends())("accept on %s", (backend) => {
  let db: TestDatabase;
  let reportId: string;
  const accept = (over: Partial<AcceptInput> & Record<string, unknown>, id = reportId) =>
    acceptCandidate(db.prisma, id, parseAcceptRequest({ candidate: 0, incidentId: QUETTA, facts: { figures: [], attributions: [] }, ...over }), EDITOR);
  const everything = async () => ({
    ...(await tableChecksums(db.prisma)),
    revisions: await db.prisma.revision.count(), reports: await db.prisma.report.count(), version: String(await readDataVersion(db.prisma)),
  });
  async function refused(over: Partial<AcceptInput> & Record<string, unknown>, status: number, field: RegExp) {
    const before = await everything();
    const e = await accept(over).then(() => null, (x) => x);
    expect(e).toBeInstanceOf(AcceptError);
    expect((e as AcceptError).status).toBe(status);
    expect((e as AcceptError).problems.map((p) => p.field).join(" ")).toMatch(field);
    expect(await everything()).toEqual(before);
    return e as AcceptError;
  }

  beforeAll(async () => {
    db = await freshDatabase(backend);
    await writeDataset(db.prisma, FIXTURE);
    await db.prisma.user.create({ data: { ...EDITOR, role: "editor" } });
  });
  beforeEach(async () => {
    reportId = (await storeReport(db.prisma, { text: TEXT, sha256: `sha-${Math.random()}`, candidates: [CANDIDATE, { ...CANDIDATE, kind: "mentioned", match: null, date: "2021", datePrecision: "year", city: null, figures: [], attributions: [] }] },
      { published: "2024-02-03", title: "Bomb hits van in Quetta", publisher: "Test Wire", url: `https://example.org/test-${Math.random()}` }, "txt", EDITOR.id)).id;
  });
  afterAll(async () => { await db?.close(); });

  it("writes nothing when a quote is not the report's text", async () => {
    const e = await refused({ facts: { figures: [0, 2], attributions: [0] } }, 400, /facts\.figures\.2\.evidence/);
    expect(e.problems[0].message).toMatch(/killing three people/);
  });

  it("writes nothing for an unknown group, and takes it once corrected to a known one", async () => {
    await refused({ facts: { figures: [0], attributions: [1] } }, 400, /facts\.attributions\.1\.group/);
    await refused({ facts: { figures: [], attributions: [1] }, corrections: { figures: {}, attributions: { 1: { group: "no-such-group" } } } }, 400, /attributions\.1\.group/);
    const r = await accept({ facts: { figures: [], attributions: [1] }, corrections: { figures: {}, attributions: { 1: { group: "fx-beta", role: "alleged" } } } });
    const a = await db.prisma.attribution.findFirstOrThrow({ where: { incidentId: QUETTA, perpetratorId: "fx-beta", role: "alleged" } });
    expect(a.quote).toBe("the Gamma Cell also claimed it"); // the report's words stay
    expect(a.note).toMatch(/corrected by Test Editor: the report's reading was Gamma Cell \(claimed\)/);
    expect(r.revision).toBeGreaterThan(0);
  });

  it("writes nothing on a stale revision (409), and accepts at the current one", async () => {
    const current = (await db.prisma.revision.findFirst({ where: { incidentId: QUETTA }, orderBy: { id: "desc" } }))!.id;
    await refused({ facts: { figures: [1], attributions: [] }, revision: current - 1 }, 409, /revision/);
    const r = await accept({ facts: { figures: [1], attributions: [] }, revision: current });
    expect(r.revision).toBeGreaterThan(current);
  });

  it("refuses bad requests by name before reading anything", async () => {
    await refused({ candidate: 9, facts: { figures: [0], attributions: [] } }, 400, /candidate/);
    await refused({ facts: { figures: [7], attributions: [] } }, 400, /facts\.figures\.7/);
    await refused({ facts: { figures: [0, 0], attributions: [] } }, 400, /facts\.figures/);
    await refused({ incidentId: "no-such-incident", facts: { figures: [0], attributions: [] } }, 404, /incidentId/);
    await refused({ incidentId: null, facts: { figures: [0], attributions: [] } }, 400, /incident/);
    expect(() => parseAcceptRequest({ candidate: -1, incidentId: 5, facts: { figures: ["x"] }, extra: true })).toThrow(AcceptError);
    try { parseAcceptRequest({ candidate: -1, incidentId: 5, facts: { figures: ["x"] } }); } catch (e) {
      expect((e as AcceptError).problems.map((p) => p.field).sort()).toEqual(["candidate", "facts.figures.0", "incidentId"]);
    }
  });

  it("accepts a figure and an attribution: claims with quote and source, totals, and an exact revision", async () => {
    const before = (await snapshotIncidents(db.prisma, [QUETTA])).get(QUETTA)!;
    const versionBefore = await readDataVersion(db.prisma);
    const r = await accept({ facts: { figures: [0], attributions: [0] } });
    expect(r).toMatchObject({ incidentId: QUETTA, created: false });
    const after = (await snapshotIncidents(db.prisma, [QUETTA])).get(QUETTA)!;

    const source = await db.prisma.source.findUniqueOrThrow({ where: { id: r.sourceId } });
    expect(source).toMatchObject({ kind: "report", title: "Bomb hits van in Quetta", publisher: "Test Wire", publishedOn: "2024-02-03" });
    const killed = after.casualties.find((c) => c.sourceId === r.sourceId && c.outcome === "killed")!;
    expect(killed).toMatchObject({ victimGroup: "chinese", count: 2, quote: "killing two Chinese nationals", counted: true });
    expect(after.attributions.find((a) => a.sourceId === r.sourceId)).toMatchObject({ perpetratorId: "fx-alpha", role: "claimed", quote: "The Alpha Front said it carried out the attack" });
    expect(after.chineseKilled).toBe(2); // the headline figure follows the new claim
    expect(after.sources).toContain(r.sourceId);
    expect(await readDataVersion(db.prisma)).toBeGreaterThan(versionBefore!);

    const rev = await db.prisma.revision.findUniqueOrThrow({ where: { id: r.revision } });
    expect(rev).toMatchObject({ kind: "accept", actor: "Test Editor", userId: EDITOR.id, sourceId: r.sourceId, reportId, entity: "incident", entityId: QUETTA, incidentId: QUETTA });
    expect(rev.before).toEqual(JSON.parse(JSON.stringify(before)));
    expect(rev.after).toEqual(JSON.parse(JSON.stringify(after)));
    const sourceRev = await db.prisma.revision.findFirstOrThrow({ where: { entity: "source", entityId: r.sourceId } });
    expect(sourceRev.before).toBeNull();
    expect(sourceRev.after).toMatchObject({ id: r.sourceId, title: "Bomb hits van in Quetta" });

    // The same facts again: refused, nothing doubled.
    await refused({ facts: { figures: [0], attributions: [] } }, 409, /facts/);
  });

  it("keeps what an editor accepted when the seed is written again: claims, sources, figures, and no revision", async () => {
    const r = await accept({ facts: { figures: [1], attributions: [2] } });
    const accepted = (await snapshotIncidents(db.prisma, [QUETTA])).get(QUETTA)!;
    expect(accepted.casualties.some((c) => c.sourceId === r.sourceId && c.outcome === "injured")).toBe(true);
    const revisions = await db.prisma.revision.count();
    await writeDataset(db.prisma, FIXTURE);
    expect((await snapshotIncidents(db.prisma, [QUETTA])).get(QUETTA)).toEqual(accepted);
    expect(await db.prisma.revision.count()).toBe(revisions);
  });

  it("creates a new incident from a candidate, with the editor's summary and the report's evidence", async () => {
    const r = await accept({ incidentId: null, facts: { figures: [0, 1], attributions: [0, 2] }, incident: { summary: "A bomb hit a van of Chinese technicians in Quetta.", target: "Van carrying Chinese technicians", date: "2024-02-09" } });
    expect(r.created).toBe(true);
    expect(r.incidentId).toBe("2024-02-09-quetta-bombing");
    const i = await db.prisma.incident.findUniqueOrThrow({ where: { id: r.incidentId }, include: { evidence: true, casualties: true, attributions: true } });
    expect(i).toMatchObject({ province: "balochistan", city: "Quetta", attackType: "bombing", datePrecision: "day", chineseKilled: 2, totalInjured: 4, summary: "A bomb hit a van of Chinese technicians in Quetta." });
    expect(i.evidence.map((e) => e.quote)).toEqual([CANDIDATE.evidence[0].quote]);
    expect(i.attributions.map((a) => `${a.perpetratorId}:${a.role}`).sort()).toEqual(["fx-alpha:claimed", "fx-beta:denied"]);
    const rev = await db.prisma.revision.findUniqueOrThrow({ where: { id: r.revision } });
    expect(rev.before).toBeNull();
    expect(rev.after).toEqual(JSON.parse(JSON.stringify((await snapshotIncidents(db.prisma, [r.incidentId])).get(r.incidentId))));
    // A second new incident from the same day and place gets its own id.
    const again = await accept({ candidate: 0, incidentId: null, facts: { figures: [], attributions: [] }, incident: { summary: "Another bombing the same day.", target: "Checkpoint", date: "2024-02-09" } });
    expect(again.incidentId).toBe("2024-02-09-quetta-bombing-2");
  });

  it("asks for what a new incident lacks, by name", async () => {
    await refused({ candidate: 1, incidentId: null, facts: { figures: [], attributions: [] }, incident: { summary: "An earlier attack the report recalls.", target: "Unknown target", datePrecision: "day" } }, 400, /incident\.province|incident\.datePrecision/);
  });
});

describe.each(backends())("revisions from seed and import on %s", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => { db = await freshDatabase(backend); });
  afterAll(async () => { await db?.close(); });

  it("records each seeded incident once, before and after exactly, and nothing when re-seeded unchanged", async () => {
    await writeDataset(db.prisma, FIXTURE);
    const first = await db.prisma.revision.findMany({ orderBy: { id: "asc" } });
    expect(first.map((r) => r.entityId).sort()).toEqual(FIXTURE.incidents.map((i) => i.id).sort());
    const now = await snapshotIncidents(db.prisma, FIXTURE.incidents.map((i) => i.id));
    for (const r of first) {
      expect(r).toMatchObject({ kind: "seed", entity: "incident", before: null });
      expect(r.actor).toMatch(/^npm run /);
      expect(r.after).toEqual(JSON.parse(JSON.stringify(now.get(r.entityId))));
    }
    await writeDataset(db.prisma, FIXTURE);
    expect(await db.prisma.revision.count()).toBe(first.length);

    const changed = { ...FIXTURE, incidents: FIXTURE.incidents.map((i) => i.id === "2023-fixture-gwadar-attack" ? { ...i, summary: "Fixture complex attack, revised." } : i) };
    const beforeChange = now.get("2023-fixture-gwadar-attack")!;
    await writeDataset(db.prisma, changed);
    const [rev] = await db.prisma.revision.findMany({ where: { id: { gt: first.at(-1)!.id } } });
    expect(await db.prisma.revision.count()).toBe(first.length + 1);
    expect(rev.before).toEqual(JSON.parse(JSON.stringify(beforeChange)));
    expect(rev.after).toEqual(JSON.parse(JSON.stringify({ ...beforeChange, summary: "Fixture complex attack, revised." })));
  });
});
