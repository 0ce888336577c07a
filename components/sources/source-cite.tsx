import { citationLabel } from "./format-source.ts";
import styles from "./sources.module.css";

type CitedSource = { id: string; kind?: string; title: string; publisher: string | null; publishedOn: string | null; url: string | null };

type Props = {
  source: CitedSource;
  /** Where the citation points: a same-page anchor (the full entry in a source list) or, by default, the source's own URL. */
  href?: string;
};

/** A short, linked citation: "Dawn, 26 May 2024". The link's accessible name adds the title. */
export function SourceCite({ source, href }: Props) {
  const label = citationLabel(source);
  const target = href ?? source.url;
  const seed = source.kind === "seed_document";
  const name = `${label}: ${source.title}`;
  return (
    <cite className={styles.cite}>
      {target ? (
        <a href={target} aria-label={name} title={source.title} {...(href ? {} : { rel: "noopener noreferrer" })}>{label}</a>
      ) : (
        <span title={source.title}>{label}</span>
      )}
      {seed && <> <span className={styles.seedBadge}>source document</span></>}
    </cite>
  );
}
