import { describe, expect, it } from "vitest";
import { findFigures } from "./figures.ts";

const read = (s: string) => findFigures(s, 0, s.length).map((f) => `${f.outcome}/${f.victims}/${f.count}/${f.qualifier}`);

describe("casualty figures (sentences written for this test)", () => {
  it.each([
    ["Five Chinese engineers and their Pakistani driver were killed when the bus fell into a ravine.", ["killed/chinese/5/exact", "killed/pakistani_civilians/1/exact"]],
    ["The bomber struck the convoy, killing five Chinese workers along with their Pakistani driver.", ["killed/chinese/5/exact", "killed/pakistani_civilians/1/exact"]],
    ["In 2021, a bus blast killed 13 people, including nine Chinese.", ["killed/all_victims/13/exact", "killed/chinese/9/exact"]],
    ["At least three policemen were injured and the bomber also died.", ["injured/security_forces/3/at_least", "killed/attackers/1/exact"]],
    ["More than ten people were injured.", ["injured/all_victims/10/more_than"]],
    ["Over 20 people were wounded.", ["injured/all_victims/20/more_than"]],
    ["The attack left a dozen people wounded.", ["injured/all_victims/12/approximately"]],
    ["Two dozen labourers were kidnapped.", ["kidnapped/all_victims/24/approximately"]],
    ["Nine or ten people were killed.", ["killed/all_victims/9/at_least"]],
    ["About 30 Pakistanis, including seven policemen, were killed.", ["killed/pakistani_civilians/30/approximately", "killed/security_forces/7/exact"]],
    ["At least 13 people, nine of them Chinese engineers, were killed.", ["killed/all_victims/13/at_least", "killed/chinese/9/exact"]],
    ["Gunmen abducted two Chinese engineers and their guard.", ["kidnapped/chinese/2/exact", "kidnapped/other/1/exact"]],
    ["Two soldiers embraced martyrdom and all four attackers were killed.", ["killed/security_forces/2/exact", "killed/attackers/4/exact"]],
    ["A Chinese national suffered minor injuries.", ["injured/chinese/1/exact"]],
    ["No Chinese national was hurt.", ["killed/chinese/0/exact", "injured/chinese/0/exact"]],
    ["All Chinese staff were safe.", ["killed/chinese/0/exact", "injured/chinese/0/exact"]],
    ["Nobody was injured.", ["injured/all_victims/0/exact"]],
    ["A convoy carrying 23 Chinese personnel passed at 10 am on 13 August 2023.", []],
  ])("%s", (sentence, expected) => {
    expect(read(sentence)).toEqual(expected);
  });

  it("ties each figure to the words that state it", () => {
    const s = "Police said the blast, which hit a van, killed two Chinese nationals.";
    const [f] = findFigures(s, 0, s.length);
    expect(f.evidence).toEqual({ start: s.indexOf("killed"), end: s.indexOf(" nationals") + " nationals".length, quote: "killed two Chinese nationals" });
  });
});
