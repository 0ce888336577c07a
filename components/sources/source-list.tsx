import { SOURCE_KINDS } from "@/lib/vocab.ts";
import type { SourceWithQuotes } from "@/lib/data/incident-detail.ts";
import { formatPublished } from "./format-source.ts";
import { Quote } from "./quote.tsx";
import styles from "./sources.module.css";

/** The anchor of a source's entry, so citations elsewhere on the page can point at it. */
export const sourceAnchor = (id: string) => `source-${id}`;

/** Every source, with its details and each quote it contributes and what the quote supports. */
export function SourceList({ sources, headingLevel = 3 }: { sources: SourceWithQuotes[]; headingLevel?: 3 | 4 }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <ol className={styles.list}>
      {sources.map((s) => {
        const published = formatPublished(s.publishedOn);
        return (
          <li key={s.id} id={sourceAnchor(s.id)} className={styles.entry} tabIndex={-1}>
            <Heading className={styles.entryTitle}>
              {s.url ? <a href={s.url} rel="noopener noreferrer">{s.title}</a> : s.title}
            </Heading>
            <p className={styles.meta}>
              {s.kind === "seed_document"
                ? <span className={styles.seedBadge}>source document</span>
                : <span className={styles.kindBadge}>{SOURCE_KINDS[s.kind]}</span>}
              {[
                s.publisher,
                published ?? "date not stated",
                s.author && `by ${s.author}`,
                s.seedFile && `file ${s.seedFile}`,
                !s.url && "no link available",
              ].filter(Boolean).join(" · ")}
            </p>
            {s.note && <p className={styles.note}>{s.note}</p>}
            {s.quotes.length > 0 ? (
              <ul className={styles.quotes} aria-label={`Quotes from ${s.publisher ?? s.title}`}>
                {s.quotes.map((q) => (
                  <li key={q.quote}>
                    <span className={styles.supports}>Supports: {q.about.join("; ")}</span>
                    <Quote text={q.quote} note={q.note} />
                  </li>
                ))}
              </ul>
            ) : (
              <p className={styles.note}>Cited for this incident without a recorded quote.</p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
