// A small, invented dataset with known answers for tests of queries, charts and exports.
// It is test data only (ids start with "fx-" or the year and "-fixture-"); it is never seeded.
// Known totals (links=direct, the default): 5 incidents; Chinese killed 2+0+3 = 5 (the
// 2022 Sindh incident has sources saying 3 and 4: the later account, A, says 3), Chinese injured 1+2 = 3,
// all killed 6+3+1+0 = 10 (the 2021 kidnapping has no killed figure: unknown, not 0);
// attackers killed 1+8 = 9. With links=all a sixth incident (Punjab, weak link, 5 killed) joins.
import type { Dataset } from "../records/load.ts";
import type { IncidentRecord } from "../records/schema.ts";

const base = {
  dateNote: null, district: null, locationDetail: null, latitude: null, longitude: null, linkNote: null, notes: null,
  evidence: [], attributions: [], casualties: [],
} satisfies Partial<IncidentRecord>;

const src = (source: string) => ({ source, quote: null, note: null, statedBy: null });
const cas = (outcome: "killed" | "injured" | "kidnapped", victimGroup: IncidentRecord["casualties"][number]["victimGroup"], count: number, source = "fx-news-a") =>
  ({ outcome, victimGroup, count, low: null, high: null, counted: true, ...src(source) });

export const FIXTURE: Dataset = {
  sources: [
    { id: "fx-news-a", kind: "news", title: "Fixture report A", author: null, publisher: "Fixture Times", publishedOn: "2024-01-02", url: "https://example.org/a", seedFile: null, note: null },
    { id: "fx-news-b", kind: "news", title: "Fixture report B, \"quoted\", with comma", author: "A. Writer", publisher: "Fixture Post", publishedOn: "2024", url: "https://example.org/b", seedFile: null, note: null },
  ],
  perpetrators: [
    { id: "fx-alpha", name: "Alpha Front", shortName: "AF", aliases: [], kind: "ethno_separatist", description: null },
    { id: "fx-beta", name: "Beta Movement", shortName: "BM", aliases: ["B-Move"], kind: "jihadist", description: null },
  ],
  projects: [
    { id: "fx-dam", name: "Fixture Dam", sector: "hydropower", province: "khyber_pakhtunkhwa", location: null, operator: "Fixture Co", isCpec: true, description: null,
      evidence: [{ source: "fx-news-a", supports: "project", quote: "the fixture dam", note: null }] },
  ],
  incidents: [
    { ...base, id: "2021-03-fixture-karachi-kidnapping", date: "2021-03", datePrecision: "month", province: "sindh", city: "Karachi", locationPrecision: "city",
      attackType: "kidnapping", target: "Two engineers", project: null, summary: "Fixture kidnapping.", confidence: "medium", targetLink: "direct",
      attributions: [{ group: "fx-alpha", role: "claimed", ...src("fx-news-a") }],
      casualties: [cas("kidnapped", "chinese", 2)] },
    { ...base, id: "2021-07-10-fixture-dam-convoy", date: "2021-07-10", datePrecision: "day", province: "khyber_pakhtunkhwa", city: "Dasu", locationPrecision: "exact",
      attackType: "suicide_bombing", target: "Convoy", project: "fx-dam", summary: "Fixture convoy bombing.", confidence: "high", targetLink: "direct",
      attributions: [{ group: "fx-beta", role: "attributed_by_authorities", ...src("fx-news-a"), statedBy: "Police" }, { group: "fx-beta", role: "denied", ...src("fx-news-b") }, { group: "fx-alpha", role: "alleged", ...src("fx-news-b") }],
      casualties: [cas("killed", "chinese", 2), cas("killed", "pakistani_civilians", 4), cas("injured", "chinese", 1), cas("injured", "all_victims", 7, "fx-news-b")] },
    { ...base, id: "2022-05-01-fixture-karachi-shooting", date: "2022-05-01", datePrecision: "day", province: "sindh", city: "Karachi", locationPrecision: "city",
      attackType: "targeted_shooting", target: "Teachers, =HYPERLINK(\"x\")", project: null, summary: "Fixture shooting; \"quoted\", with comma\nand newline.", confidence: "high", targetLink: "direct",
      attributions: [{ group: "fx-alpha", role: "claimed", ...src("fx-news-a") }],
      casualties: [cas("killed", "chinese", 3), cas("killed", "chinese", 4, "fx-news-b"), cas("killed", "attackers", 1), cas("injured", "chinese", 2)] },
    { ...base, id: "2023-fixture-gwadar-attack", date: "2023", datePrecision: "year", province: "balochistan", city: "Gwadar", locationPrecision: "city",
      attackType: "complex_attack", target: "Port complex", project: null, summary: "Fixture complex attack.", confidence: "low", targetLink: "direct",
      attributions: [{ group: "fx-alpha", role: "claimed", ...src("fx-news-a") }],
      casualties: [cas("killed", "security_forces", 1), cas("killed", "attackers", 8)] },
    { ...base, id: "2024-02-02-fixture-quetta-bomb", date: "2024-02-02", datePrecision: "day", province: "balochistan", city: "Quetta", locationPrecision: "city",
      attackType: "bombing", target: "Hotel", project: null, summary: "Fixture bombing without casualties.", confidence: "medium", targetLink: "direct",
      evidence: [{ source: "fx-news-b", supports: "date", quote: "on 2 February", note: null }],
      casualties: [cas("killed", "all_victims", 0)] },
    { ...base, id: "2024-06-06-fixture-weak-link", date: "2024-06-06", datePrecision: "day", province: "punjab", city: "Lahore", locationPrecision: "city",
      attackType: "armed_assault", target: "Market", project: null, summary: "Fixture incident with a weak link.", confidence: "low", targetLink: "indirect", linkNote: "Fixture: no Chinese target confirmed.",
      attributions: [{ group: "fx-beta", role: "suspected", ...src("fx-news-a") }],
      casualties: [cas("killed", "pakistani_civilians", 5)] },
  ],
  reportedFigures: [
    { id: "fx-figure-attacks", source: "fx-news-a", quote: "five attacks since 2021", statedBy: "Fixture Authority", metric: "incidents", qualifier: "exact", value: 5, scope: "chinese_targeted",
      victims: "chinese", province: null, periodStart: "2021-01-01", periodEnd: "2024-12-31", description: "Attacks on Chinese since 2021", reconciliationNote: null },
    { id: "fx-figure-killed-sindh", source: "fx-news-a", quote: "four Chinese killed in Sindh", statedBy: null, metric: "killed", qualifier: "exact", value: 4, scope: "chinese_targeted",
      victims: "chinese", province: "sindh", periodStart: "2021-01-01", periodEnd: "2024-12-31", description: "Chinese killed in Sindh", reconciliationNote: null },
    { id: "fx-figure-national", source: "fx-news-b", quote: "1,000 attacks nationwide", statedBy: null, metric: "incidents", qualifier: "more_than", value: 1000, scope: "all_pakistan",
      victims: null, province: null, periodStart: "2024-01-01", periodEnd: "2024-12-31", description: "All attacks in Pakistan in 2024", reconciliationNote: null },
  ],
};
