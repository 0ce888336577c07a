// The Atom feed: well-formed XML with RFC 4287's required elements, entries linking to their
// incidents, the pages' filters applied, and record text that cannot break the document.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseFilters } from "@/lib/filters.ts";
import { FIXTURE } from "@/lib/testing/fixture.ts";
import { backends, freshDatabase, type TestDatabase } from "@/lib/testing/test-db.ts";
import { feedEntries } from "@/lib/data/feed.ts";
import { writeDataset } from "@/lib/write/write-dataset.ts";
import { atomDocument } from "./atom.ts";

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
type Node = Record<string, unknown>;
const asList = (v: unknown): Node[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]) as Node[];

function parseAtom(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" }).parse(xml) as { feed: Node };
  return doc.feed;
}

/** RFC 4287 section 4.1: what every feed and entry must carry. */
function expectValidAtom(feed: Node) {
  expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
  for (const el of ["id", "title", "updated"]) expect(feed[el], `feed ${el}`).toBeTruthy();
  expect(String(feed.updated)).toMatch(RFC3339);
  const entries = asList(feed.entry);
  const feedAuthor = (feed.author as Node | undefined)?.name;
  for (const e of entries) {
    expect(e.id).toBeTruthy();
    expect(e.title).toBeTruthy();
    expect(String(e.updated)).toMatch(RFC3339);
    expect(feedAuthor || (e.author as Node | undefined)?.name).toBeTruthy();
    const links = asList(e.link);
    expect(links.some((l) => l["@rel"] === "alternate" && l["@href"]) || e.content).toBeTruthy();
  }
  return entries;
}

const BASE = "https://cw.example.org";
const build = (entries: Awaited<ReturnType<typeof feedEntries>>) => atomDocument({
  id: `${BASE}/feed.xml`, title: "Corridor Watch", selfLink: `${BASE}/feed.xml`, alternateLink: `${BASE}/changes`, author: "Corridor Watch",
  updated: entries.reduce((d, e) => (e.updated > d ? e.updated : d), new Date(0)),
  entries: entries.map((e) => ({ id: `${BASE}/incidents/${e.id}`, title: e.id, link: `${BASE}/incidents/${e.id}`, updated: e.updated, published: e.published, author: e.actor, summary: `${e.change}. ${e.summary}` })),
});

describe.each(backends())("feed on %s", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase(backend);
    const hostile = { ...FIXTURE.incidents[0], id: "2024-09-09-fixture-hostile", province: "sindh" as const, summary: "Bad \u001F text & <b>markup</b> ]]> \"quotes\" \u0007 end" };
    await writeDataset(db.prisma, { ...FIXTURE, incidents: [...FIXTURE.incidents, hostile] });
  });
  afterAll(async () => { await db?.close(); });

  it("is valid Atom with every required element, each entry linking to its incident", async () => {
    const entries = await feedEntries(parseFilters({ links: "all" }).filters, db.prisma);
    expect(entries.map((e) => e.id).sort()).toEqual([...FIXTURE.incidents.map((i) => i.id), "2024-09-09-fixture-hostile"].sort());
    // As on every page, weakly linked incidents only with links=all.
    expect((await feedEntries(parseFilters({}).filters, db.prisma)).map((e) => e.id)).not.toContain("2024-06-06-fixture-weak-link");
    const feed = parseAtom(build(entries));
    const parsed = expectValidAtom(feed);
    expect(parsed).toHaveLength(entries.length);
    for (const e of parsed) expect(asList(e.link)[0]["@href"]).toBe(e.id); // the entry id is the incident's address
    const hostile = parsed.find((e) => String(e.id).endsWith("/incidents/2024-09-09-fixture-hostile"))!;
    expect(String((hostile.summary as Node)["#text"])).toContain("Bad  text & <b>markup</b> ]]>");
    expect(String((hostile.summary as Node)["#text"])).toMatch(/^New incident\./);
  });

  it("takes the pages' filters", async () => {
    const sindh = await feedEntries(parseFilters({ province: "sindh" }).filters, db.prisma);
    expect(sindh.map((e) => e.province).every((p) => p === "sindh")).toBe(true);
    expect(sindh.map((e) => e.id).sort()).toEqual(["2021-03-fixture-karachi-kidnapping", "2022-05-01-fixture-karachi-shooting", "2024-09-09-fixture-hostile"]);
    const alpha = await feedEntries(parseFilters({ group: "fx-alpha", province: "balochistan" }).filters, db.prisma);
    expect(alpha.map((e) => e.id)).toEqual(["2023-fixture-gwadar-attack"]);
    expectValidAtom(parseAtom(build(alpha)));
  });

  it("puts the most recently changed incident first, saying what changed", async () => {
    const changed = { ...FIXTURE, incidents: FIXTURE.incidents.map((i) => i.id === "2023-fixture-gwadar-attack" ? { ...i, target: "Port complex gate" } : i) };
    await writeDataset(db.prisma, changed);
    const [first] = await feedEntries(parseFilters({}).filters, db.prisma);
    expect(first.id).toBe("2023-fixture-gwadar-attack");
    expect(first.change).toBe("target changed");
    expect(first.updated.getTime()).toBeGreaterThan(first.published.getTime() - 1);
  });

  it("is still valid Atom with no entries", async () => {
    const none = await feedEntries(parseFilters({ q: "no incident says this" }).filters, db.prisma);
    expect(none).toEqual([]);
    expectValidAtom(parseAtom(build(none)));
  });
});
