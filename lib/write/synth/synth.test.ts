// The synthetic generator writes valid, self-consistent rows, reproducibly, and never next to
// real data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { casualtyTotals, type CasualtyClaim } from "../../casualty-totals.ts";
import { backends, freshDatabase, sqlRunner, type TestDatabase } from "../../testing/test-db.ts";
import { SYNTHETIC_ID_MARK, SYNTHETIC_MARKER_SOURCE, generateBatch } from "./generate.ts";
import { RealDataError, inspectDatabase, loadSynthetic } from "./load.ts";
import { realVocabularies } from "./synthesize.ts";
import { parseScale, scaleLabel } from "./target.ts";

const vocab = realVocabularies();
const ids = { groups: vocab.perpetrators.map((p) => p.id), projects: vocab.projects.map((p) => ({ id: p.id, province: p.province })) };

describe("generateBatch", () => {
  it("is reproducible and independent of batching", () => {
    const whole = generateBatch(7, 0, 200, ids);
    const parts = [generateBatch(7, 0, 50, ids), generateBatch(7, 50, 200, ids)];
    expect(parts.flatMap((p) => p.incidents.id)).toEqual(whole.incidents.id);
    expect(parts.flatMap((p) => p.incidents.chineseKilled)).toEqual(whole.incidents.chineseKilled);
    expect(generateBatch(8, 0, 200, ids).incidents.id).not.toEqual(whole.incidents.id);
  });

  it("has plausible shapes: years, provinces, no-Chinese-casualty share, unknown figures, contradictory claims", () => {
    const b = generateBatch(1, 0, 5000, ids);
    const years = b.incidents.date.map((d) => Number(d.slice(0, 4)));
    expect(Math.min(...years)).toBeGreaterThanOrEqual(2004);
    expect(Math.max(...years)).toBeLessThanOrEqual(2025);
    expect(years.filter((y) => y >= 2020).length).toBeGreaterThan(years.filter((y) => y < 2010).length); // growth
    const heavy = b.incidents.province.filter((p) => ["balochistan", "sindh", "khyber_pakhtunkhwa"].includes(p)).length / 5000;
    expect(heavy).toBeGreaterThan(0.75);
    const noChinese = b.incidents.chineseKilled.filter((k, n) => !k && !b.incidents.chineseInjured[n] && !b.incidents.chineseKidnapped[n]).length / 5000;
    expect(noChinese).toBeGreaterThan(0.2);
    expect(noChinese).toBeLessThan(0.5);
    expect(b.incidents.totalKilled.filter((k) => k === null).length).toBeGreaterThan(0);
    expect(Math.max(...b.incidents.totalKilled.map((k) => k ?? 0))).toBeGreaterThan(30); // heavy tail
    expect(new Set(b.attributions.role)).toEqual(new Set(["claimed", "attributed_by_authorities", "alleged", "suspected", "denied"]));
    expect(b.casualties.counted.some((c) => !c)).toBe(true);
    for (const id of b.incidents.id) expect(id).toMatch(/^\d{4}-\d{2}-\d{2}-synthetic-\d+$/);
    expect(b.incidents.summary.every((s) => s.includes("Synthetic"))).toBe(true);
  });
});

describe("scale labels", () => {
  it("parses and prints 10k / 1m", () => {
    expect(parseScale("10k")).toBe(10_000);
    expect(parseScale("1m")).toBe(1_000_000);
    expect(parseScale("2500")).toBe(2500);
    expect(scaleLabel(100_000)).toBe("100k");
    expect(() => parseScale("lots")).toThrow();
  });
});

describe.each(backends())("loadSynthetic on %s", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => { db = await freshDatabase(backend); });
  afterAll(async () => { await db?.close(); });

  it("writes valid rows whose derived figures match casualtyTotals of their claims, and restores indexes", async () => {
    const sql = sqlRunner(db);
    const r = await loadSynthetic(sql, { ...vocab, incidents: 1200, seed: 3, batchSize: 500 });
    expect(r.reused).toBe(false);
    expect(await db.prisma.incident.count()).toBe(1200);
    expect(await db.prisma.casualty.count()).toBe(r.casualties);
    const incidents = await db.prisma.incident.findMany({ include: { casualties: true, attributions: true, sources: true } });
    for (const i of incidents) {
      expect(i.id).toContain(SYNTHETIC_ID_MARK);
      const claims: CasualtyClaim[] = i.casualties.map((c) => ({ outcome: c.outcome, victimGroup: c.victimGroup, count: c.count, low: c.low, high: c.high, counted: c.counted, source: c.sourceId }));
      const { chineseKilled, chineseInjured, chineseKidnapped, totalKilled, totalInjured, attackersKilled } = i;
      expect({ chineseKilled, chineseInjured, chineseKidnapped, totalKilled, totalInjured, attackersKilled }).toEqual(casualtyTotals(claims));
      // IncidentSource lists every source the incident's claims cite.
      const cited = new Set([...i.casualties.map((c) => c.sourceId), ...i.attributions.map((a) => a.sourceId)]);
      for (const s of cited) expect(i.sources.map((x) => x.sourceId)).toContain(s);
    }
    const marker = await db.prisma.source.findUnique({ where: { id: SYNTHETIC_MARKER_SOURCE } });
    expect(marker?.title).toMatch(/Synthetic/);
    expect(JSON.parse(marker!.note!)).toMatchObject({ synthetic: true, incidents: 1200, seed: 3, complete: true });
    // The indexes and foreign keys dropped for the load are back.
    const idx = await db.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT CAST(COUNT(*) AS integer) AS n FROM pg_indexes WHERE indexname IN ('Incident_date_id_idx', 'Incident_chineseKilled_id_idx', 'Attribution_perpetratorId_incidentId_idx', 'Casualty_incidentId_idx', 'IncidentSource_sourceId_idx')`);
    expect(idx[0].n).toBe(5);
    const fks = await db.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT CAST(COUNT(*) AS integer) AS n FROM pg_constraint WHERE contype = 'f' AND conname IN ('Attribution_incidentId_fkey', 'Casualty_incidentId_fkey', 'IncidentSource_incidentId_fkey', 'Incident_projectId_fkey')`);
    expect(fks[0].n).toBe(4);
    // Cascades still work (the foreign keys came back with their actions).
    await db.prisma.incident.delete({ where: { id: incidents[0].id } });
    expect(await db.prisma.casualty.count({ where: { incidentId: incidents[0].id } })).toBe(0);
  });

  it("reuses an identical set and rebuilds on request", async () => {
    const sql = sqlRunner(db);
    expect((await loadSynthetic(sql, { ...vocab, incidents: 1200, seed: 3 })).reused).toBe(false); // one was deleted above: not identical
    expect((await loadSynthetic(sql, { ...vocab, incidents: 1200, seed: 3 })).reused).toBe(true);
    expect((await loadSynthetic(sql, { ...vocab, incidents: 300, seed: 3 })).reused).toBe(false);
    expect(await db.prisma.incident.count()).toBe(300);
  });

  it("refuses a database that holds a real incident, and leaves it untouched", async () => {
    await db.prisma.source.create({ data: { id: "dawn-2024", kind: "news", title: "A real article" } });
    await db.prisma.incident.create({
      data: { id: "2024-03-26-besham-convoy", date: new Date("2024-03-26"), datePrecision: "day", province: "khyber_pakhtunkhwa", locationPrecision: "city", attackType: "suicide_bombing", target: "Convoy", summary: "Real", confidence: "high", chineseLink: "direct" },
    });
    const sql = sqlRunner(db);
    await expect(loadSynthetic(sql, { ...vocab, incidents: 10, replace: true })).rejects.toBeInstanceOf(RealDataError);
    const c = await inspectDatabase(sql);
    expect(c.realIncidents).toBe(1);
    expect(c.syntheticIncidents).toBe(300);
  });
});
