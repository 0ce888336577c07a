// An Atom 1.0 document (RFC 4287) from plain entries. Text is escaped, and characters XML 1.0
// forbids (NUL and other C0 controls) are dropped, so no record text can break the document.

export type AtomEntry = { id: string; title: string; link: string; updated: Date; published?: Date; summary: string; author?: string; categories?: string[] };
export type AtomFeed = { id: string; title: string; subtitle?: string; selfLink: string; alternateLink: string; updated: Date; author: string; entries: AtomEntry[] };

const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(s: string): string {
  return s.replace(INVALID_XML, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

const when = (d: Date) => d.toISOString();

export function atomDocument(f: AtomFeed): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xmlText(f.id)}</id>`,
    `  <title>${xmlText(f.title)}</title>`,
    ...(f.subtitle ? [`  <subtitle>${xmlText(f.subtitle)}</subtitle>`] : []),
    `  <updated>${when(f.updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(f.selfLink)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(f.alternateLink)}"/>`,
    `  <author><name>${xmlText(f.author)}</name></author>`,
  ];
  for (const e of f.entries) {
    out.push(
      "  <entry>",
      `    <id>${xmlText(e.id)}</id>`,
      `    <title type="text">${xmlText(e.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xmlText(e.link)}"/>`,
      `    <updated>${when(e.updated)}</updated>`,
      ...(e.published ? [`    <published>${when(e.published)}</published>`] : []),
      ...(e.author ? [`    <author><name>${xmlText(e.author)}</name></author>`] : []),
      ...(e.categories ?? []).map((c) => `    <category term="${xmlText(c)}"/>`),
      `    <summary type="text">${xmlText(e.summary)}</summary>`,
      "  </entry>",
    );
  }
  out.push("</feed>", "");
  return out.join("\n");
}
