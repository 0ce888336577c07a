// Sentences and paragraphs with their offsets into the text (never a rewritten copy).

export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
  paragraph: number;
}

// Abbreviations whose full stop does not end a sentence.
const ABBREV = /(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|Insp|Supt|No|St|Jr|Sr|Prof|Rs|vs|etc|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Govt|Dept|Corp|Co|Inc|Ltd|Sen|Rep)|\b[A-Z](?:\.[A-Z])*|\bU\.S|\be\.g|\bi\.e)\.$/;

// Lines after which a scraped page stops being the article: blog widgets, comment threads.
const BOILERPLATE = /^\s*(?:Popular posts from this blog|Related posts|You may also like|Recommended for you|Leave a (?:Reply|Comment)|Comments?\s*$|Share this:|Read more:|More from|Most read|Trending now|Subscribe to our newsletter)/im;

/** The offset where the document's own text ends: the first boilerplate line, or the end. */
export function bodyEnd(text: string): number {
  const m = BOILERPLATE.exec(text);
  return m ? m.index : text.length;
}

export function splitSentences(text: string, end = text.length): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  let start = skipSpace(text, 0, end);
  let i = start;
  const push = (to: number) => {
    let e = to;
    while (e > start && /\s/.test(text[e - 1])) e--;
    if (e > start) out.push({ index: out.length, start, end: e, text: text.slice(start, e), paragraph });
  };
  while (i < end) {
    const ch = text[i];
    if (ch === "\n" && (text[i + 1] === "\n" || /^\n[ \t]*\n/.test(text.slice(i, i + 4)))) {
      push(i);
      paragraph++;
      start = skipSpace(text, i, end);
      i = start;
      continue;
    }
    if (ch === "\n" && i > start) {
      // A single line break ends a sentence when the line looks finished (PDF and headline lines).
      const before = text.slice(start, i).trimEnd();
      // Wrapped lines of a PDF run on; a short line starting no new capitalised line is a headline.
      const line = before.slice(before.lastIndexOf("\n") + 1);
      if (/[.!?:"”’)]$/.test(before) || /^\s*[A-Z0-9“"]/.test(text.slice(i + 1, i + 3)) && line.length < 70 && !/[,;]$/.test(before)) {
        push(i);
        start = skipSpace(text, i, end);
        i = start;
        continue;
      }
    }
    if (ch === "." || ch === "!" || ch === "?") {
      let j = i + 1;
      for (;;) {
        while (j < end && /["”’)\]]/.test(text[j])) j++;
        // Footnote markers after the full stop: ".[28] Next sentence".
        const fn = /^\[\d{1,3}\]/.exec(text.slice(j, j + 6));
        if (fn) { j += fn[0].length; continue; }
        break;
      }
      if (j >= end || /\s/.test(text[j])) {
        const k = skipSpace(text, j, end);
        const next = text[k];
        const word = text.slice(Math.max(start, i - 12), i + 1);
        if (k >= end || (next && /[A-Z0-9“"‘(]/.test(next) && !(ch === "." && ABBREV.test(word)))) {
          push(j);
          start = k;
          i = k;
          continue;
        }
      }
    }
    i++;
  }
  push(end);
  return out;
}

function skipSpace(text: string, i: number, end: number): number {
  while (i < end && /\s/.test(text[i])) i++;
  return i;
}
