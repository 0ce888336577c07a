"use client";
// The Download menu on every chart card: PNG, SVG and CSV. The export code is loaded on the
// first click, so it adds nothing to the page's first load.
import { useRef, useState } from "react";
import styles from "./downloads.module.css";

type Kind = "png" | "svg" | "csv";

export function ChartDownloads({ id, title }: { id: string; title: string }) {
  const menu = useRef<HTMLDetailsElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  async function save(kind: Kind) {
    setProblem(null);
    const card = menu.current?.closest("[data-chart]");
    if (!card) return;
    const x = await import("./chart-export.ts");
    const footer = x.readFooter();
    const name = `corridor-watch-${id}-${new Date().toISOString().slice(0, 10)}.${kind}`;
    try {
      if (kind === "csv") {
        x.download(name, new Blob([x.buildCsv(card, footer)], { type: "text/csv;charset=utf-8" }));
      } else {
        const built = x.buildSvg(card, title, footer);
        if (!built) { setProblem("The chart is not drawn yet: scroll to it and try again."); return; }
        x.download(name, kind === "svg" ? new Blob([built.svg], { type: "image/svg+xml" }) : await x.svgToPng(built.svg, built.width, built.height));
      }
      if (menu.current) menu.current.open = false;
    } catch (e) {
      setProblem(e instanceof Error ? e.message : "The download failed.");
    }
  }
  return (
    <details ref={menu} className={styles.menu} data-chart-downloads="">
      <summary aria-label={`Download ${title}`}>Download</summary>
      <ul>
        <li><button type="button" onClick={() => save("png")}>Image (PNG)</button></li>
        <li><button type="button" onClick={() => save("svg")}>Vector image (SVG)</button></li>
        <li><button type="button" onClick={() => save("csv")}>Data (CSV)</button></li>
      </ul>
      {problem && <p role="alert" className={styles.problem}>{problem}</p>}
    </details>
  );
}
