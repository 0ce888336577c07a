// Series colours: distinguishable for common colour-vision deficiencies (Tableau 10, the
// paler members darkened for contrast on white). Provinces keep one colour each, so a
// province looks the same in every chart and under every filter.
import type { Province } from "@/lib/vocab.ts";

export const SERIES_COLORS = ["#4e79a7", "#e8762b", "#c8433f", "#4c9c95", "#59a14f", "#b8941d", "#9d6b93", "#d6607a", "#8c6a54", "#3f5f8a"];
export const OTHER_COLOR = "#78716c";
export const NONE_COLOR = "#bdb6ae";

export const PROVINCE_COLORS: Record<Province, string> = {
  balochistan: "#4e79a7",
  sindh: "#e8762b",
  khyber_pakhtunkhwa: "#59a14f",
  punjab: "#c8433f",
  islamabad: "#9d6b93",
  gilgit_baltistan: "#4c9c95",
  azad_kashmir: "#b8941d",
};

/** The colour of a series, by key: provinces fixed, the catch-all buckets grey, groups in order. */
export function seriesColor(key: string, index: number): string {
  if (Object.hasOwn(PROVINCE_COLORS, key)) return PROVINCE_COLORS[key as Province];
  if (key === "_other") return OTHER_COLOR;
  if (key === "_none") return NONE_COLOR;
  return SERIES_COLORS[index % SERIES_COLORS.length];
}
