// Reports and hand-made candidates in the reading library's shape (issue 13), in our own
// words, shared by the specs that accept facts: the editors' journeys and the two-instance test.
import pg from "pg";

export const BESHAM = "2024-03-26-besham-dasu-convoy";

/** Stores a report with hand-made candidates straight into the database at `databaseUrl`, as the reader would have; returns its id (12 hex digits). */
export async function storeTestReport(databaseUrl: string, text: string, candidates: unknown[], title: string, url: string): Promise<string> {
  const id = Math.random().toString(16).slice(2, 14).padEnd(12, "0");
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    await c.query(`INSERT INTO "Report" ("id", "sha256", "text", "format", "title", "publisher", "url", "publishedOn", "candidates") VALUES ($1, $2, $3, 'txt', $4, 'Test Wire', $5, '2024-03-27', $6)`,
      [id, `test-${id}`, text, title, url, JSON.stringify(candidates)]);
  } finally { await c.end(); }
  return id;
}

export const TEXT = [
  "BESHAM, 27 March: Five Chinese engineers and their Pakistani driver died on Tuesday when a suicide bomber drove a car",
  "full of explosives into their convoy near Besham, officials said. The convoy was on its way from Islamabad to the dam site at Dasu.",
  "The Tehreek-e-Taliban Pakistan said it had no part in the attack.",
].join(" ");
export const NEW_TEXT = "GWADAR, 12 May: Gunmen fired on a car carrying two Chinese surveyors near the fish harbour in Gwadar on Sunday, wounding one of them, police said.";

function ev(text: string, quote: string) {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`test setup: "${quote}" not in the text`);
  return { start, end: start + quote.length, quote };
}
export const besham = {
  kind: "main", date: "2024-03-26", datePrecision: "day", province: "khyber_pakhtunkhwa", city: "Besham", latitude: null, longitude: null,
  attackType: "suicide_bombing", project: "dasu-hydropower",
  figures: [
    { outcome: "killed", victims: "chinese", count: 5, qualifier: "exact", evidence: ev(TEXT, "Five Chinese engineers and their Pakistani driver died") },
    { outcome: "killed", victims: "pakistani_civilians", count: 1, qualifier: "exact", evidence: ev(TEXT, "their Pakistani driver died") },
  ],
  attributions: [{ group: "ttp", name: "Tehreek-e-Taliban Pakistan", role: "denied", evidence: ev(TEXT, "The Tehreek-e-Taliban Pakistan said it had no part in the attack") }],
  evidence: [ev(TEXT, "a suicide bomber drove a car full of explosives into their convoy near Besham")],
  match: { incidentId: BESHAM, score: 0.95 }, confidence: 0.9,
};
export const gwadar = {
  kind: "main", date: "2025-05-11", datePrecision: "day", province: "balochistan", city: "Gwadar", latitude: null, longitude: null,
  attackType: "armed_assault", project: null,
  figures: [{ outcome: "injured", victims: "chinese", count: 1, qualifier: "exact", evidence: ev(NEW_TEXT, "wounding one of them") }],
  attributions: [], evidence: [ev(NEW_TEXT, "Gunmen fired on a car carrying two Chinese surveyors near the fish harbour in Gwadar on Sunday")],
  match: null, confidence: 0.7,
};
