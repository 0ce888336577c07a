// Colour classes and point sizes for the map, pure so tests and the legend share them.

/** Five light-to-dark classes (ColorBrewer OrRd, colour-blind safe); index 0 is "none". */
export const SHADES = ["#f5f5f4", "#fdd49e", "#fc8d59", "#d7301f", "#7f0000"] as const;

/**
 * Class breaks for values 0..max: 0 gets SHADES[0]; the rest are split into four equal
 * steps of the maximum, rounded up to whole numbers so the legend reads "1-3, 4-6...".
 */
export function breaks(max: number): number[] {
  if (max <= 0) return [];
  const step = Math.max(1, Math.ceil(max / 4));
  return [1, 1 + step, 1 + 2 * step, 1 + 3 * step].filter((b, i) => i === 0 || b <= max);
}

/** The shade for a value, given breaks(max). Null (unknown) is drawn like none but hatched by the caller. */
export function shade(value: number | null, b: number[]): string {
  if (value === null || value <= 0 || b.length === 0) return SHADES[0];
  let k = 0;
  while (k + 1 < b.length && value >= b[k + 1]) k++;
  return SHADES[k + 1];
}

/** Legend labels for breaks: ["1-3", "4-6", ...], the last open-ended up to max. */
export function breakLabels(b: number[], max: number): string[] {
  return b.map((lo, k) => {
    const hi = k + 1 < b.length ? b[k + 1] - 1 : max;
    return lo === hi ? String(lo) : `${lo}–${hi}`;
  });
}

/** Radius of a point: area grows with the number killed (3 px when none or unknown, at most 18 px). */
export function radius(killed: number | null, maxKilled: number): number {
  if (!killed || killed <= 0 || maxKilled <= 0) return 3;
  return Math.round((3 + 15 * Math.sqrt(killed / Math.max(maxKilled, 1))) * 10) / 10;
}
