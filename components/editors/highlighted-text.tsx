"use client";
// The report's text with evidence spans marked. Text nodes only: a report's HTML or script is
// shown as the characters it is, never interpreted.
import { useMemo } from "react";
import styles from "./editors.module.css";

export type Span = { key: string; start: number; end: number };

export function HighlightedText({ text, spans, active }: { text: string; spans: Span[]; active: string | null }) {
  const segments = useMemo(() => {
    const cuts = new Set<number>([0, text.length]);
    for (const s of spans) { cuts.add(Math.max(0, Math.min(text.length, s.start))); cuts.add(Math.max(0, Math.min(text.length, s.end))); }
    const points = [...cuts].sort((a, b) => a - b);
    const out: { start: number; end: number; keys: string[] }[] = [];
    for (let n = 0; n < points.length - 1; n++) {
      const [start, end] = [points[n], points[n + 1]];
      out.push({ start, end, keys: spans.filter((s) => s.start <= start && s.end >= end).map((s) => s.key) });
    }
    return out;
  }, [text, spans]);
  const firstOf = new Set<string>();
  return (
    <div className={`panel ${styles.reportText}`} aria-label="Report text, with the proposed facts' words marked" tabIndex={0}>
      {segments.map((seg) => {
        const body = text.slice(seg.start, seg.end);
        if (seg.keys.length === 0) return <span key={seg.start}>{body}</span>;
        const id = seg.keys.find((k) => !firstOf.has(k));
        if (id) firstOf.add(id);
        return (
          <mark key={seg.start} id={id ? `span-${id}` : undefined} className={active && seg.keys.includes(active) ? styles.active : undefined} data-spans={seg.keys.join(" ")}>
            {body}
          </mark>
        );
      })}
    </div>
  );
}
