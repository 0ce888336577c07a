"use client";
import { useId, useRef, useState } from "react";
import { useDismissableDetails } from "@/components/use-dismissable-details.ts";
import styles from "./filters.module.css";

export type MenuItem<K extends string = string> = { value: K; label: string; hint?: string; /** Shown on the closed menu when this is the only choice. */ short?: string };

type Props<K extends string> = {
  label: string;
  /** The query parameter, so the checkboxes also make sense as form fields. */
  name: string;
  items: MenuItem<K>[];
  selected: K[];
  onChange: (selected: K[]) => void;
};

/**
 * A multi-select that stays compact: a <details> disclosure holding a fieldset of
 * checkboxes. Native elements keep it keyboard operable; it closes on Escape or a click
 * elsewhere, like a menu. The checkboxes exist only while it is open: a closed menu shows
 * nothing of them, and the page need not send and hydrate every group and project on
 * every view.
 */
export function CheckboxMenu<K extends string>({ label, name, items, selected, onChange }: Props<K>) {
  const ref = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  const legendId = useId();
  const chosen = new Set(selected);
  const labelOf = new Map(items.map((i) => [i.value, i.short ?? i.label]));
  const state = selected.length === 0 ? "any" : selected.length === 1 ? (labelOf.get(selected[0]) ?? selected[0]) : `${selected.length} selected`;

  useDismissableDetails(ref);

  const toggle = (value: string, on: boolean) =>
    onChange(on ? items.map((i) => i.value).filter((v) => v === value || chosen.has(v)) : selected.filter((v) => v !== value));

  return (
    <details ref={ref} className={styles.menu} data-active={selected.length > 0 || undefined} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className={styles.menuButton}>
        <span className={styles.menuLabel}>{label}</span>
        <span className={styles.menuState}>{state}</span>
      </summary>
      <fieldset className={styles.menuBody} aria-labelledby={legendId}>
        <legend id={legendId} className={styles.visuallyHidden}>{label}</legend>
        {open && items.map((i) => (
          <label key={i.value} className={styles.check}>
            <input type="checkbox" name={name} value={i.value} checked={chosen.has(i.value)} onChange={(e) => toggle(i.value, e.target.checked)} />
            <span>{i.label}{i.hint && <span className={styles.hint}> {i.hint}</span>}</span>
          </label>
        ))}
        {open && selected.length > 0 && (
          <button type="button" className={styles.clear} onClick={() => onChange([])}>Clear {label.toLowerCase()}</button>
        )}
      </fieldset>
    </details>
  );
}
