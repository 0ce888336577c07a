import { formatCount } from "@/lib/format.ts";
import styles from "./groups.module.css";

/** A sum over incidents, saying how many incidents' figures are unknown (so the sum is a floor). */
export function SumWithUnknown({ value, unknown }: { value: number | null; unknown: number }) {
  return (
    <>
      {formatCount(value)}
      {value !== null && unknown > 0 && <span className={styles.statNote}>at least; unknown for {formatCount(unknown)} incident{unknown === 1 ? "" : "s"}</span>}
    </>
  );
}
