import styles from "./sources.module.css";

/** Wraps a source's words in quotation marks, unless the quote already opens with its own. */
export function quoted(text: string): string {
  return /^[“"‘'«]/.test(text) ? text : `“${text}”`;
}

/** A verbatim quote from a source, set off as a block so it reads as the source's words, not ours. The text
 * is shown exactly as recorded: quotes often open with the speaker's own quotation marks. */
export function Quote({ text, note }: { text: string; note?: string | null }) {
  return (
    <>
      <blockquote className={styles.quote}>{text}</blockquote>
      {note && <p className={styles.note}>Note: {note}</p>}
    </>
  );
}
