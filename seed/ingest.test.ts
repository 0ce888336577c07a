import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writePdf, paginate } from "../lib/ingest/testing/pdf-writer.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");
const run = (args: string[], input?: string) => spawnSync(TSX, ["seed/ingest.ts", ...args], { cwd: ROOT, input, encoding: "utf8", timeout: 60_000 });
const dir = mkdtempSync(path.join(tmpdir(), "ingest-cli-"));
const REPORT = "KARACHI: A suicide bomber rammed a convoy carrying Chinese engineers outside Jinnah International Airport late on Sunday, killing two Chinese nationals, police said.\n\nThe Balochistan Liberation Army claimed responsibility.";

describe("npm run ingest", () => {
  it("prints only the JSON for a text file, in the issue's shape", () => {
    const file = path.join(dir, "r.txt");
    writeFileSync(file, REPORT);
    const r = run([file, "--published", "2024-10-07", "--record", "seed", "--format", "json"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(["document", "candidates"]);
    expect(out.document.chars).toBe(REPORT.length);
    expect(out.document.sha256).toMatch(/^[0-9a-f]{64}$/);
    const c = out.candidates[0];
    expect(Object.keys(c)).toEqual(["kind", "date", "datePrecision", "province", "city", "latitude", "longitude", "attackType", "project", "figures", "attributions", "evidence", "match", "confidence"]);
    expect(c).toMatchObject({ kind: "main", date: "2024-10-06", province: "sindh", match: { incidentId: "2024-10-06-karachi-airport-convoy" } });
    for (const e of [...c.evidence, ...c.figures.map((f: { evidence: unknown }) => f.evidence)]) expect(REPORT.slice(e.start, e.end)).toBe(e.quote);
  });

  it("reads HTML, PDF and standard input", () => {
    const html = path.join(dir, "r.html");
    writeFileSync(html, `<html><head><title>Convoy bombed</title></head><body><article>${REPORT.split("\n\n").map((p) => `<p>${p}</p>`).join("")}</article></body></html>`);
    const pdf = path.join(dir, "r.pdf");
    writeFileSync(pdf, writePdf(paginate(REPORT.split("\n\n"))));
    for (const r of [run([html, "--published", "2024-10-07", "--record", "seed", "--format", "json"]), run([pdf, "--published", "2024-10-07", "--record", "seed", "--format", "json"]), run(["-", "--published", "2024-10-07", "--record", "seed", "--format", "json"], REPORT)]) {
      expect(r.status, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).candidates[0].match.incidentId).toBe("2024-10-06-karachi-airport-convoy");
    }
  });

  it("prints a readable summary without --format json", () => {
    const r = run(["-", "--published", "2024-10-07", "--record", "seed"], REPORT);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Main incident/);
    expect(r.stdout).toMatch(/Record: +2024-10-06-karachi-airport-convoy/);
  });

  it("exits non-zero with one clear line on bad input", () => {
    const empty = path.join(dir, "empty.txt");
    writeFileSync(empty, "");
    const cases: [string[], RegExp][] = [
      [[path.join(dir, "missing.txt"), "--published", "2024-10-07", "--record", "seed"], /no such file/],
      [[path.join(dir, "r.docx"), "--published", "2024-10-07", "--record", "seed"], /unknown file type/],
      [[empty, "--published", "2024-10-07", "--record", "seed"], /empty/],
      [[empty, "--published", "2024-02-30", "--record", "seed"], /not a date/],
      [[empty, "--record", "seed"], /--published/],
      [[empty, "--published", "2024-10-07", "--format", "xml"], /--format/],
    ];
    for (const [args, message] of cases) {
      const r = run(args);
      expect(r.status).not.toBe(0);
      expect(r.stdout).toBe("");
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
  });
});
