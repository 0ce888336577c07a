import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readReport } from "./read.ts";
import { referenceFromFiles } from "./reference-files.ts";
import type { IngestResult } from "./types.ts";

const REF = referenceFromFiles();
const read = (text: string, published: string) => readReport(text, { published }, REF);
const spans = (r: IngestResult) => r.candidates.flatMap((c) => [...c.evidence, ...c.figures.map((f) => f.evidence), ...c.attributions.map((a) => a.evidence)]);

describe("readReport on hard cases (reports written for these tests)", () => {
  it("resolves a weekday against the publication date and matches the record", () => {
    const r = read("QUETTA: A suicide bomber struck a bus carrying Chinese engineers near Dalbandin on Saturday, wounding two Chinese engineers. The bomber was the only person killed. The BLA claimed responsibility.", "2018-08-12");
    expect(r.candidates).toHaveLength(1);
    const c = r.candidates[0];
    expect(c).toMatchObject({ kind: "main", date: "2018-08-11", datePrecision: "day", province: "balochistan", city: "Dalbandin", attackType: "suicide_bombing" });
    expect(c.figures).toEqual(expect.arrayContaining([expect.objectContaining({ outcome: "injured", victims: "chinese", count: 2 }), expect.objectContaining({ outcome: "killed", victims: "attackers", count: 1 })]));
    expect(c.attributions).toEqual([expect.objectContaining({ group: "bla", role: "claimed", name: "BLA" })]);
    expect(c.match?.incidentId).toBe("2018-08-11-dalbandin-bus-bombing");
  });

  it("reads 'in October of last year' as the previous year's October", () => {
    const r = read("In October of last year, a suicide bomber attacked a convoy of Chinese engineers near the Karachi airport, killing two Chinese nationals.", "2025-03-01");
    expect(r.candidates[0]).toMatchObject({ date: "2024-10", datePrecision: "month", province: "sindh" });
    expect(r.candidates[0].match?.incidentId).toBe("2024-10-06-karachi-airport-convoy");
  });

  it("keeps an explicit zero with its words", () => {
    const text = "GWADAR: Militants attacked a convoy carrying Chinese engineers in Gwadar on Sunday. Both attackers were killed. No Chinese national was hurt, officials said.";
    const c = read(text, "2023-08-13").candidates[0];
    const zero = c.figures.find((f) => f.victims === "chinese" && f.outcome === "injured");
    expect(zero).toMatchObject({ count: 0, evidence: { quote: "No Chinese national was hurt" } });
    expect(c.figures.find((f) => f.victims === "attackers")?.count).toBe(2);
  });

  it("splits an earlier incident mentioned in passing into its own candidate", () => {
    const r = read("KARACHI: Two Chinese nationals were killed on Sunday night when a suicide bomber hit their convoy near Jinnah International Airport.\n\nIn 2021, a bus blast near Dasu killed 13 people, including nine Chinese.", "2024-10-07");
    expect(r.candidates.map((c) => [c.kind, c.date, c.match?.incidentId])).toEqual([
      ["main", "2024-10-06", "2024-10-06-karachi-airport-convoy"],
      ["mentioned", "2021", "2021-07-14-dasu-bus-bombing"],
    ]);
    expect(r.candidates[1].figures.find((f) => f.victims === "chinese")?.count).toBe(9);
  });

  it("separates the group's denial from the authorities' attribution", () => {
    const c = read("While the TTP has denied responsibility, Pakistani authorities have attributed the March 2024 suicide bombing near Besham that killed five Chinese engineers to the group.", "2024-11-20").candidates[0];
    expect(c.attributions.map((a) => [a.group, a.role])).toEqual(expect.arrayContaining([["ttp", "denied"], ["ttp", "attributed_by_authorities"]]));
  });

  it("finds no main candidate in each kind of negative", () => {
    for (const [text, published] of [
      ["Militants attacked a checkpost in North Waziristan on Monday, killing four soldiers.", "2026-01-13"],
      ["Cargo through Gwadar Port rose this quarter, officials said, as CPEC projects moved ahead.", "2026-01-15"],
      ["Gunmen attacked a Chinese-run mine in the Central African Republic on Sunday, killing two Chinese workers.", "2026-01-19"],
      ["Police said they foiled a plot to attack Chinese engineers in Karachi on Thursday and arrested two suspects.", "2026-01-22"],
    ]) expect(read(text, published).candidates.filter((c) => c.kind === "main")).toEqual([]);
  });

  it("leaves a new incident unmatched", () => {
    const c = read("HYDERABAD: Two men on a motorbike fired on a van carrying Chinese technicians in Hyderabad on Thursday, wounding one Chinese technician.", "2026-02-13").candidates[0];
    expect(c).toMatchObject({ kind: "main", date: "2026-02-12", province: "sindh", match: null });
  });

  it("does not take a negated claim for a claim, and keeps a claimant the record lacks with its name", () => {
    const a = read("Gunmen shot dead a Chinese engineer in Karachi on Monday. The TTP has not claimed the attack, but police suspect the group.", "2022-05-03").candidates[0].attributions;
    expect(a.map((x) => [x.group, x.role])).toEqual([["ttp", "suspected"]]);
    const b = read("A bomb wounded two Chinese workers in Hyderabad on Monday. The little-known Sindhudesh Liberation Front claimed responsibility.", "2026-03-03").candidates[0].attributions;
    expect(b).toEqual([expect.objectContaining({ group: null, name: "Sindhudesh Liberation Front", role: "claimed" })]);
  });

  it("reads victims separated from their verb by a participle phrase", () => {
    const c = read("KARACHI: Gunmen attacked the Chinese consulate on Friday. Two policemen guarding the outer checkpoint were killed.", "2018-11-23").candidates[0];
    expect(c.figures).toEqual(expect.arrayContaining([expect.objectContaining({ outcome: "killed", victims: "security_forces", count: 2 })]));
  });

  it("refuses a publication date that is not a real YYYY-MM-DD date", () => {
    for (const bad of ["2024-02-30", "24-03-26", "yesterday"]) expect(() => read("A bomb killed two Chinese engineers.", bad)).toThrow(/YYYY-MM-DD/);
  });

  it("is deterministic", () => {
    const text = "Five Chinese engineers and their Pakistani driver were killed near Besham on Tuesday when a suicide bomber hit their bus.";
    expect(JSON.stringify(read(text, "2024-03-26"))).toBe(JSON.stringify(read(text, "2024-03-26")));
  });
});

describe("the evidence invariant (property)", () => {
  const piece = fc.constantFrom(
    "Five Chinese engineers and their Pakistani driver were killed", "on Tuesday", "near Besham", "in Karachi", "KARACHI:", "at least", "a dozen", "killing", "injuring 10 people",
    "including three Chinese", "No Chinese national was hurt.", "The BLA claimed responsibility.", "the TTP denied it", "police said", "In 2021,", "a suicide bomber", "the Chinese consulate in Clifton",
    "26 March 2024", "last month", ".", ",", "\n", "\n\n", "Gwadar Port", "Dasu", "—", "“", "”", "é", "🙂", "[12]", "D.I. Khan", "Baloch Liberation Army", "Majeed Brigade",
  );
  it("every quote equals text.slice(start, end), for any text", () => {
    fc.assert(fc.property(fc.array(fc.oneof(piece, fc.string(), fc.string({ unit: "binary", maxLength: 8 })), { maxLength: 40 }), fc.constantFrom("2024-03-26", "2019-01-01", "2025-12-31"), (parts, published) => {
      const text = parts.join(" ");
      const r = read(text, published);
      expect(r.document.chars).toBe(text.length);
      for (const e of spans(r)) {
        expect(e.start).toBeGreaterThanOrEqual(0);
        expect(e.end).toBeLessThanOrEqual(text.length);
        expect(text.slice(e.start, e.end)).toBe(e.quote);
      }
    }), { numRuns: 300 });
  });
});
