"use client";
// The box a chart draws in. The drawing (recharts, the heaviest part of the overview) is
// mounted only when the box comes near the screen, and in a transition, so the page is
// interactive first and one chart's rendering never blocks a tap: on a phone, where the
// charts sit below the headline figures, nothing of recharts runs until the reader scrolls.
// The box keeps its height either way, so nothing shifts when the drawing arrives.
import { startTransition, useEffect, useRef, useState, type ReactNode } from "react";
import { flushSync } from "react-dom";
import styles from "./charts.module.css";

export function PlotArea({ height, children }: { height: number; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a browser without IntersectionObserver draws at once, after hydration
    if (typeof IntersectionObserver === "undefined") { setNear(true); return; }
    // Printing (or saving as PDF) must draw every chart, not only those scrolled to.
    const print = window.matchMedia?.("print");
    const drawNow = () => flushSync(() => setNear(true));
    const onPrintChange = (e: MediaQueryListEvent) => { if (e.matches) drawNow(); };
    if (print?.matches) { setNear(true); return; }
    window.addEventListener("beforeprint", drawNow);
    print?.addEventListener("change", onPrintChange);
    const watch = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      watch.disconnect();
      startTransition(() => setNear(true));
    }, { rootMargin: "300px 0px" });
    watch.observe(box);
    return () => {
      watch.disconnect();
      window.removeEventListener("beforeprint", drawNow);
      print?.removeEventListener("change", onPrintChange);
    };
  }, []);
  // Until then a plain placeholder fills the box, so a reader scrolling fast sees where the chart comes.
  return (
    <div ref={ref} className={styles.plot} style={{ height }}>
      {near ? children : <div className={`skeleton ${styles.plotPlaceholder}`} aria-hidden="true" />}
    </div>
  );
}
