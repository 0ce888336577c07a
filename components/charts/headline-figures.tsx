import Link from "next/link";
import { FIGURES, HEADLINE_FIGURE_KEYS, type Filters } from "@/lib/incident-model.ts";
import { incidentsSortedHref } from "@/lib/links.ts";
import type { Figure, Headlines } from "@/lib/data/overview.ts";
import styles from "./charts.module.css";

const MAIN = HEADLINE_FIGURE_KEYS.map((key) => ({ key, label: FIGURES[key].label, sort: FIGURES[key].sort }));

const count = (n: number) => n.toLocaleString("en-GB");
const plural = (n: number, word: string) => `${count(n)} ${word}${n === 1 ? "" : "s"}`;


function unknownText(f: Figure, incidents: number): string {
  if (incidents === 0) return "no incidents";
  if (f.unknown === 0) return `known for all ${plural(incidents, "incident")}`;
  if (f.unknown === incidents) return `unknown for all ${plural(incidents, "incident")}`;
  return `unknown for ${plural(f.unknown, "incident")}`;
}

/** The headline numbers as server-rendered text, each linking to the incidents behind it. */
export function HeadlineFigures({ headlines, filters }: { headlines: Headlines; filters: Filters }) {
  const { incidents, figures } = headlines;
  const attackers = figures.attackersKilled;
  return (
    <section aria-labelledby="headlines-title">
      <h2 id="headlines-title" className={styles.visuallyHidden}>Headline figures</h2>
      <ul className={styles.headlines}>
        <li className={styles.headline} data-main="" data-figure="incidents">
          <span className={styles.headlineLabel}>Incidents</span>
          <span className={styles.headlineValue}>{count(incidents)}</span>
          <span className={styles.headlineUnknown}>matching the filters</span>
          <Link href={incidentsSortedHref(filters)}>List them<span className={styles.visuallyHidden}> (all {count(incidents)} incidents)</span></Link>
        </li>
        {MAIN.map(({ key, label, sort }) => {
          const f = figures[key];
          return (
            <li key={key} className={styles.headline} data-figure={key}>
              <span className={styles.headlineLabel}>{label}</span>
              <span className={styles.headlineValue} data-unknown={f.total === null || undefined}>{f.total === null ? "unknown" : count(f.total)}</span>
              <span className={styles.headlineUnknown}>{unknownText(f, incidents)}</span>
              <Link href={incidentsSortedHref(filters, sort)}>See incidents<span className={styles.visuallyHidden}>, most {label.toLowerCase()} first</span></Link>
            </li>
          );
        })}
      </ul>
      <p className={styles.secondary} data-figure="attackersKilled">
        Attackers killed (not counted among victims): <strong>{attackers.total === null ? "unknown" : count(attackers.total)}</strong>{" "}
        ({unknownText(attackers, incidents)}). Each incident counts its best figure (the latest credible account); where sources disagree the incident page shows the range.
      </p>
    </section>
  );
}
