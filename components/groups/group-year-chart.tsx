"use client";
// next/dynamic with ssr: false keeps recharts (~120 KB gzipped) off the group page's first
// load; the box keeps its height, so nothing shifts when the drawing arrives.
import dynamic from "next/dynamic";
import type { YearPoint } from "@/lib/data/groups.ts";

const GroupYearPlot = dynamic(() => import("./group-year-plot.tsx").then((m) => m.GroupYearPlot), {
  ssr: false,
  loading: () => <div style={{ width: "100%", height: 280 }} aria-hidden="true" />,
});

export function GroupYearChart({ years }: { years: YearPoint[] }) {
  return <GroupYearPlot years={years} />;
}
