// What an editor hands in is checked before anything reads it: size, type by content, fields.
import { describe, expect, it } from "vitest";
import { MAX_UPLOAD_BYTES, ReportInputError, parsePastedReport, parseReportMeta, sniffFormat } from "./report-input.ts";
import { readBodyCapped, BodyTooLargeError } from "./request-body.ts";

const bytes = (s: string) => new TextEncoder().encode(s);
const problemOf = (f: () => unknown) => { try { f(); } catch (e) { return e as ReportInputError; } throw new Error("did not throw"); };

describe("uploads", () => {
  it("takes the type from the content, and the name must agree", () => {
    expect(sniffFormat(bytes("%PDF-1.7\n..."), "r.pdf")).toBe("pdf");
    expect(sniffFormat(bytes("<!DOCTYPE html><html><body><p>x</p></body></html>"), "r.html")).toBe("html");
    expect(sniffFormat(bytes("Plain words about an attack."), "r.txt")).toBe("txt");
    expect(problemOf(() => sniffFormat(bytes("<html><body>x</body></html>"), "r.pdf")).message).toMatch(/named \.pdf but its content is HTML/);
    expect(problemOf(() => sniffFormat(bytes("%PDF-1.4"), "r.txt")).status).toBe(415);
    expect(problemOf(() => sniffFormat(new Uint8Array([0xff, 0xfe, 0x00, 0x41]), "r.txt")).message).toMatch(/neither a PDF nor UTF-8 text/);
    expect(problemOf(() => sniffFormat(bytes("a\u0000b"), "r.txt")).message).toMatch(/NUL/);
    expect(problemOf(() => sniffFormat(bytes("x"), "r.docx")).message).toMatch(/\.txt, \.html or \.pdf/);
    expect(problemOf(() => sniffFormat(new Uint8Array(), "r.txt")).message).toMatch(/empty/);
    expect(problemOf(() => sniffFormat(new Uint8Array(MAX_UPLOAD_BYTES + 1), "r.txt")).status).toBe(413);
  });

  it("reads a body only up to its cap, whatever Content-Length says", async () => {
    const stream = new ReadableStream({ pull(c) { c.enqueue(new Uint8Array(64 * 1024)); } }); // endless
    const req = new Request("http://x/", { method: "POST", body: stream, duplex: "half" } as RequestInit);
    await expect(readBodyCapped(req, 1024 * 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
    const declared = new Request("http://x/", { method: "POST", body: "x", headers: { "content-length": "999999999" } });
    await expect(readBodyCapped(declared, 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(await readBodyCapped(new Request("http://x/", { method: "POST", body: "hello" }), 1024)).toEqual(bytes("hello"));
  });
});

describe("report fields", () => {
  it("names every bad field", () => {
    const e = problemOf(() => parsePastedReport({ text: "  ", published: "2024-02-30", url: "javascript:alert(1)", extra: 1 }));
    expect(e.problems.map((p) => p.field).sort()).toEqual(["body", "published", "text", "url"]); // body: the unknown key "extra"
    expect(parsePastedReport({ text: "Words.", published: "2024-02-29", title: "T" })).toEqual({ text: "Words.", published: "2024-02-29", title: "T" });
    expect(parseReportMeta({ published: "2024-03-27", title: "", url: undefined })).toEqual({ published: "2024-03-27" });
    expect(problemOf(() => parseReportMeta({ published: "27/03/2024" })).problems[0]).toMatchObject({ field: "published" });
  });
});
