"use client";
// next/dynamic with ssr: false keeps recharts off the server render and out of the first
// load; the parent reserves the plot's height, so nothing shifts when it arrives.
import dynamic from "next/dynamic";

export const YearStackPlot = dynamic(() => import("./plots.tsx").then((m) => m.YearStackPlot), { ssr: false });
export const CategoryBarPlot = dynamic(() => import("./plots.tsx").then((m) => m.CategoryBarPlot), { ssr: false });
export const CasualtyTrendPlot = dynamic(() => import("./plots.tsx").then((m) => m.CasualtyTrendPlot), { ssr: false });
