import { describe, expect, it } from "vitest";
import { extractText, inputTypeOf, IngestInputError, MAX_INPUT_BYTES } from "./input.ts";
import { paginate, writePdf } from "./testing/pdf-writer.ts";

const enc = (s: string) => new TextEncoder().encode(s);
const REPORT = "Gunmen attack Chinese engineers in Hub\n\nQUETTA: Two gunmen on a motorcycle fired on a car carrying Chinese engineers in Hub on Monday, killing two Chinese engineers, police said.\n\nNo group claimed the attack.";

describe("extractText", () => {
  it("keeps plain text exactly (BOM dropped)", async () => {
    expect(await extractText(enc(`\uFEFF${REPORT}`), "txt")).toBe(REPORT);
  });

  it("takes the article's main text from HTML, one paragraph per block, without navigation or footer", async () => {
    const html = `<!doctype html><html><head><title>Gunmen attack Chinese engineers in Hub</title></head><body>
      <nav><a href="/">Home</a> <a href="/sport">Sport</a> Trending: cricket scores</nav>
      <article><h1>Gunmen attack Chinese engineers in Hub</h1>
      <p>QUETTA: Two gunmen on a motorcycle fired on a car carrying Chinese engineers in Hub on Monday, killing two Chinese engineers, police said.</p>
      <p>No group claimed the attack. Officials said security would be reviewed for all foreign staff working in the district.</p></article>
      <footer>Copyright. Subscribe to our newsletter.</footer></body></html>`;
    const text = await extractText(enc(html), "html");
    expect(text).toContain("killing two Chinese engineers, police said.\n\nNo group claimed the attack.");
    expect(text.startsWith("Gunmen attack Chinese engineers in Hub\n\n")).toBe(true);
    expect(text).not.toMatch(/Trending|Subscribe|Sport/);
  });

  it("reads a PDF's text layer", async () => {
    const pdf = writePdf(paginate(REPORT.split("\n\n")));
    const text = await extractText(pdf, "pdf");
    expect(text).toContain("killing two Chinese engineers, police said.");
    expect(text).toContain("No group claimed the attack.");
  });

  it("refuses bad input with a specific message", async () => {
    const cases: [Uint8Array, "txt" | "html" | "pdf", RegExp][] = [
      [new Uint8Array(), "txt", /empty/],
      [new Uint8Array([0xff, 0xfe, 0x00, 0x41]), "txt", /not valid UTF-8|binary/],
      [enc("a\u0000b"), "txt", /binary/],
      [enc("   \n\n  "), "txt", /no text/],
      [new Uint8Array(MAX_INPUT_BYTES + 1), "txt", /over the limit/],
      [enc("%PDF-1.4 this is not really a pdf"), "pdf", /PDF cannot be read/],
      [enc("<html><body>   </body></html>"), "html", /no text/],
    ];
    for (const [bytes, type, message] of cases) {
      const err = await extractText(bytes, type).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(IngestInputError);
      expect((err as Error).message).toMatch(message);
    }
  });

  it("stops reading a PDF after its time limit", async () => {
    const pdf = writePdf(paginate(Array.from({ length: 400 }, () => REPORT)));
    const err = await extractText(pdf, "pdf", { pdfTimeLimitMs: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestInputError);
    expect((err as Error).message).toMatch(/took over .* stopped/);
  });

  it("knows the file types it reads", () => {
    expect(inputTypeOf("a.TXT")).toBe("txt");
    expect(inputTypeOf("a.htm")).toBe("html");
    expect(inputTypeOf("x/y.pdf")).toBe("pdf");
    expect(() => inputTypeOf("a.docx")).toThrow(/unknown file type/);
  });
});
