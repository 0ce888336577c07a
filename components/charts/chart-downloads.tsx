"use client";
// The Download menu on every chart card: PNG, SVG and CSV. The export code is loaded on the
// first click, so it adds nothing to the page's first load. A button and a list rather than
// a <details>, so the card's only disclosure stays its data table.
import { useEffect, useId, useRef, useState } from "react";
import styles from "./downloads.module.css";

type Kind = "png" | "svg" | "csv";

export function ChartDownloads({ id, title }: { id: string; title: string }) {
  const root = useRef<HTMLDivElement>(null);
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent ? e.key === "Escape" : !root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", close);
    document.addEventListener("keydown", close);
    return () => { document.removeEventListener("pointerdown", close); document.removeEventListener("keydown", close); };
  }, [open]);

  async function save(kind: Kind) {
    setProblem(null);
    const card = root.current?.closest("[data-chart]");
    if (!card) return;
    try {
      const x = await import("./chart-export.ts");
      const footer = x.readFooter();
      const name = `corridor-watch-${id}-${new Date().toISOString().slice(0, 10)}.${kind}`;
      if (kind === "csv") {
        x.download(name, new Blob([x.buildCsv(card, footer)], { type: "text/csv;charset=utf-8" }));
      } else {
        const built = x.buildSvg(card, title, footer);
        if (!built) { setProblem("The chart is not drawn yet: scroll to it and try again."); return; }
        x.download(name, kind === "svg" ? new Blob([built.svg], { type: "image/svg+xml" }) : await x.svgToPng(built.svg, built.width, built.height));
      }
      setOpen(false);
    } catch (e) {
      setProblem(e instanceof Error ? e.message : "The download failed.");
    }
  }
  return (
    <div ref={root} className={styles.menu} data-chart-downloads="">
      <button type="button" className={styles.toggle} aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
        Download<span className={styles.hidden}> {title}</span>
      </button>
      <ul id={listId} hidden={!open}>
        <li><button type="button" onClick={() => save("png")}>Image (PNG)</button></li>
        <li><button type="button" onClick={() => save("svg")}>Vector image (SVG)</button></li>
        <li><button type="button" onClick={() => save("csv")}>Data (CSV)</button></li>
      </ul>
      {problem && <p role="alert" className={styles.problem}>{problem}</p>}
    </div>
  );
}
