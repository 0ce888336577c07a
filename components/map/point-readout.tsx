"use client";
// One readout for all of the map's points, filled from the hovered or focused point's
// data-readout. Drawing a hidden readout into every point (as the seven provinces have) made
// a map of 600 points weigh 1.7 MB of HTML and flight data; this is one element. Without
// script each point still has its <title> tooltip and its accessible name.
import { useEffect, useRef, useState } from "react";
import styles from "./map.module.css";

export function PointReadout() {
  const ref = useRef<SVGGElement>(null);
  const [lines, setLines] = useState<string[] | null>(null);
  useEffect(() => {
    const svg = ref.current?.ownerSVGElement;
    if (!svg) return;
    const pointOf = (e: Event) => (e.target instanceof Element ? e.target.closest<SVGAElement>("a[data-readout]") : null);
    const open = (a: SVGAElement | null) => { if (a) setLines(a.dataset.readout!.split("\n")); };
    const show = (e: Event) => open(pointOf(e));
    const hide = (e: Event) => { if (pointOf(e)) setLines(null); };
    // A point focused or hovered before this hydrated has had its event already.
    open(svg.querySelector<SVGAElement>("a[data-readout]:focus, a[data-readout]:hover"));
    svg.addEventListener("pointerover", show);
    svg.addEventListener("focusin", show);
    svg.addEventListener("pointerout", hide);
    svg.addEventListener("focusout", hide);
    return () => {
      svg.removeEventListener("pointerover", show);
      svg.removeEventListener("focusin", show);
      svg.removeEventListener("pointerout", hide);
      svg.removeEventListener("focusout", hide);
    };
  }, []);
  return (
    <g ref={ref} className={styles.pointReadout} aria-hidden="true" data-point-readout="">
      {lines && <>
        <rect x={6} y={6} width={250} height={12 + lines.length * 17} rx={5} fill="#ffffff" stroke="#a8a29e" />
        {lines.map((l, n) => (
          <text key={n} x={14} y={24 + n * 17} fontSize={n === 0 ? 14 : 12.5} fontWeight={n === 0 ? 700 : 400} fill="#1c1917">{l}</text>
        ))}
      </>}
    </g>
  );
}
