"use client";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useId, useOptimistic, useRef, useState, useTransition } from "react";
import { DEFAULT_FILTERS, MULTI_KEYS, filtersToSearchParams } from "@/lib/incident-model.ts";
import type { Filters } from "@/lib/incident-model.ts";
import { ATTACK_TYPES, PROJECT_SECTORS, PROVINCES, TARGET_LINKS, attackTypeShort } from "@/lib/vocab.ts";
import { isWholeYearBoundary } from "@/lib/format.ts";
import type { FilterOptions } from "@/lib/data/known-slugs.ts";
import { CheckboxMenu } from "./checkbox-menu.tsx";
import styles from "./filters.module.css";

type Props = {
  /** From filterOptions() in lib/data/known-slugs.ts. */
  options: FilterOptions;
  /** The filters parsed once by the page with parseFilters(await searchParams, await knownSlugs()). */
  filters: Filters;
};

const entries = <K extends string>(vocab: Record<K, string>) => (Object.keys(vocab) as K[]).map((value) => ({ value, label: vocab[value] }));
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** How many filters differ from the defaults (sorting and paging are not filters). */
export function activeFilterCount(f: Filters): number {
  const lists = MULTI_KEYS.filter((k) => f[k].length).length;
  return lists + Number(Boolean(f.from || f.to)) + Number(f.victims !== DEFAULT_FILTERS.victims) + Number(f.links !== DEFAULT_FILTERS.links) + Number(Boolean(f.q));
}

/**
 * The filter controls. They only rewrite the URL (built with filtersToSearchParams, page
 * reset to 1); the server re-renders the view from it, so a reload or a shared link shows
 * the same view. Each change is a history entry, so Back undoes it; typing in the search
 * box replaces the entry instead, so Back does not replay every keystroke. Sort order and
 * page size are kept. On a phone the controls fold behind a "Filters" button.
 */
export function FilterBar({ options, filters }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  // Shows a change at once, while the server renders the view for it.
  const [shown, setShown] = useOptimistic(filters);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const linksHelpId = useId();

  const apply = (change: Partial<Filters>, mode: "push" | "replace" = "push") => {
    const next = { ...shown, ...change, page: 1 };
    const qs = filtersToSearchParams(next).toString();
    startTransition(() => {
      setShown(next);
      router[mode](qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    });
  };

  const applyRef = useRef(apply);
  useEffect(() => { applyRef.current = apply; });

  // Search text: local while typing, applied after a pause.
  const [text, setText] = useState(filters.q ?? "");
  const searchRef = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => {
    // Follow the URL (Back, Reset) unless the user is typing in the box.
    if (document.activeElement !== searchRef.current) setText(filters.q ?? "");
  }, [filters.q]);
  useEffect(() => () => clearTimeout(timer.current), []);
  const onSearch = (value: string) => {
    setText(value);
    clearTimeout(timer.current);
    // Through the ref: by the time the pause ends, other filters may have changed.
    timer.current = setTimeout(() => applyRef.current({ q: value.trim() || undefined }, "replace"), 400);
  };

  const first = options.years?.first ?? new Date().getUTCFullYear();
  const last = options.years?.last ?? first;
  const years: number[] = [];
  for (let y = last; y >= first; y--) years.push(y);
  const fromValue = shown.from ? (isWholeYearBoundary(shown.from, false) ? String(shown.from.getUTCFullYear()) : isoDay(shown.from)) : "";
  const toValue = shown.to ? (isWholeYearBoundary(shown.to, true) ? String(shown.to.getUTCFullYear()) : isoDay(shown.to)) : "";
  const fromYear = shown.from?.getUTCFullYear();
  const toYear = shown.to?.getUTCFullYear();

  const pickYear = (which: "from" | "to", value: string) => {
    if (value === "") return apply({ [which]: undefined });
    if (value.length > 4) return; // the exact day already in the URL, chosen again
    const y = Number(value);
    apply({ [which]: which === "from" ? new Date(Date.UTC(y, 0, 1)) : new Date(Date.UTC(y, 11, 31)) });
  };

  const active = activeFilterCount(shown);

  return (
    <section className={styles.bar} aria-label="Filters">
      <button type="button" className={styles.toggle} aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        Filters{active > 0 && ` (${active} active)`}
        <span aria-hidden="true">{open ? " ▴" : " ▾"}</span>
      </button>
      <form
        id={panelId}
        className={styles.panel}
        data-open={open}
        onSubmit={(e) => { e.preventDefault(); clearTimeout(timer.current); apply({ q: text.trim() || undefined }); }}
      >
        <div className={styles.years}>
          <label className={styles.field}>
            <span className={styles.fieldLabel}>From year</span>
            <select name="from" value={fromValue} onChange={(e) => pickYear("from", e.target.value)}>
              <option value="">Any</option>
              {fromValue.length > 4 && <option value={fromValue}>{fromValue}</option>}
              {years.map((y) => <option key={y} value={y} disabled={toYear !== undefined && y > toYear}>{y}</option>)}
            </select>
          </label>
          <label className={styles.field}>
            <span className={styles.fieldLabel}>To year</span>
            <select name="to" value={toValue} onChange={(e) => pickYear("to", e.target.value)}>
              <option value="">Any</option>
              {toValue.length > 4 && <option value={toValue}>{toValue}</option>}
              {years.map((y) => <option key={y} value={y} disabled={fromYear !== undefined && y < fromYear}>{y}</option>)}
            </select>
          </label>
        </div>
        <CheckboxMenu label="Provinces" name="province" items={entries(PROVINCES)} selected={shown.province} onChange={(province) => apply({ province })} />
        <CheckboxMenu
          label="Groups" name="group"
          items={options.groups.map((g) => ({ value: g.id, label: g.name, hint: g.shortName !== g.name ? `(${g.shortName})` : undefined, short: g.shortName }))}
          selected={shown.group} onChange={(group) => apply({ group })}
        />
        <CheckboxMenu label="Attack types" name="type" items={entries(ATTACK_TYPES).map((t) => ({ ...t, short: attackTypeShort(t.value) }))} selected={shown.type} onChange={(type) => apply({ type })} />
        <CheckboxMenu label="Sectors" name="sector" items={entries(PROJECT_SECTORS)} selected={shown.sector} onChange={(sector) => apply({ sector })} />
        <CheckboxMenu label="Target" name="target" items={entries(TARGET_LINKS)} selected={shown.target} onChange={(target) => apply({ target })} />
        <CheckboxMenu label="Projects" name="project" items={options.projects.map((p) => ({ value: p.id, label: p.name }))} selected={shown.project} onChange={(project) => apply({ project })} />
        <label className={`${styles.field} ${styles.search}`}>
          <span className={styles.fieldLabel}>Search text</span>
          <input ref={searchRef} type="search" name="q" value={text} maxLength={100} placeholder="Place, target or summary" onChange={(e) => onSearch(e.target.value)} />
        </label>
        <div className={styles.toggles}>
          <label className={styles.check}>
            <input type="checkbox" name="victims" value="chinese" checked={shown.victims === "chinese"} onChange={(e) => apply({ victims: e.target.checked ? "chinese" : "all" })} />
            <span>Chinese victims only</span>
          </label>
          <label className={styles.check}>
            <input type="checkbox" name="links" value="all" aria-describedby={linksHelpId} checked={shown.links === "all"} onChange={(e) => apply({ links: e.target.checked ? "all" : "direct" })} />
            <span>Include weakly-linked incidents</span>
          </label>
          <p id={linksHelpId} className={styles.help}>
            By default the record counts incidents that harmed Chinese nationals or directly targeted Chinese interests.
            Tick to also count attacks whose link is only indirect or disputed and that harmed no Chinese national, such as
            attacks on Pakistani workers of a Chinese-funded project. The Target menu asks the target question alone.
          </p>
        </div>
        <p className={styles.status} role="status" aria-live="polite">{pending ? "Updating…" : ""}</p>
      </form>
    </section>
  );
}
