import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache, Suspense } from "react";
import { incidentDetail, incidentHeading } from "@/lib/data/incident-detail.ts";
import { formatIncidentDate } from "@/lib/format.ts";
import { ATTACK_TYPES, CONFIDENCES, MAX_ID_LENGTH, PROVINCES, SLUG_PATTERN, TARGET_LINKS } from "@/lib/vocab.ts";
import { AttributionPanel } from "@/components/incident/attribution-panel.tsx";
import { CasualtyTable } from "@/components/incident/casualty-table.tsx";
import { AttackFacts, WhenWhere } from "@/components/incident/incident-facts.tsx";
import { IncidentLocator } from "@/components/map/incident-locator.tsx";
import { IncidentSkeleton } from "@/components/incident/incident-skeleton.tsx";
import { KeyFigures } from "@/components/incident/key-figures.tsx";
import { SourceList } from "@/components/sources/source-list.tsx";
import { IncidentHistory } from "@/components/editors/incident-history.tsx";
import styles from "@/components/incident/incident.module.css";

// No loading.tsx here on purpose: a route-level loading boundary starts streaming before the
// page runs, and a notFound() after that is served as HTTP 200. The existence check runs
// first, outside any boundary; the full record then streams in behind a skeleton.

type Props = { params: Promise<{ id: string }> };

// generateMetadata and the page ask for the same heading: one query per request.
const loadHeading = cache(async (id: string) => {
  await connection(); // read the database at request time, never at build time
  // Ids are slugs; anything else cannot exist, so it is not worth a query.
  return SLUG_PATTERN.test(id) && id.length <= MAX_ID_LENGTH ? incidentHeading(id) : null;
});

type Heading = NonNullable<Awaited<ReturnType<typeof incidentHeading>>>;

function headline(i: Heading): string {
  const place = i.city ? `${i.city}, ${PROVINCES[i.province]}` : PROVINCES[i.province];
  return `${ATTACK_TYPES[i.attackType]}, ${place}, ${formatIncidentDate(i.date, i.datePrecision)}`;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const heading = await loadHeading((await params).id);
  return { title: heading ? headline(heading) : "Incident not found" };
}

export default async function IncidentPage({ params }: Props) {
  const heading = await loadHeading((await params).id);
  if (!heading) notFound();
  return (
    <article>
      <p className={styles.crumbs}><Link href="/incidents">Incidents</Link> › <span>{heading.id}</span></p>
      <h1 className={styles.title}>{headline(heading)}</h1>
      <p className="lede">{heading.target}</p>
      <Suspense fallback={<IncidentSkeleton />}>
        <IncidentRecord id={heading.id} />
      </Suspense>
    </article>
  );
}

async function IncidentRecord({ id }: { id: string }) {
  const i = await incidentDetail(id);
  if (!i) notFound(); // deleted between the two reads
  const groupNames = i.attributions.map((g) => g.group.shortName);
  return (
    <>
      <ul className={styles.tags} aria-label="About this record">
        <li className={styles.tag}>Confidence: {CONFIDENCES[i.confidence].toLowerCase()}</li>
        <li className={i.targetLink === "direct" ? styles.tag : styles.tagWarn}>{TARGET_LINKS[i.targetLink]}</li>
        <li className={i.chineseHarmed ? styles.tagWarn : styles.tag}>Chinese harmed: {i.chineseHarmed === null ? "unknown" : i.chineseHarmed ? "yes" : "no"}</li>
        {i.contested && <li className={styles.tagWarn}>Attribution contested</li>}
        <li className={styles.tag}>{i.sources.length} source{i.sources.length === 1 ? "" : "s"}</li>
      </ul>
      {i.targetLink !== "direct" && (
        <p className="notice">
          {TARGET_LINKS[i.targetLink]}{i.linkNote ? `: ${i.linkNote}` : "."} Incidents whose Chinese target is indirect or disputed are left out
          of charts and totals unless weakly linked incidents are included.
        </p>
      )}

      <h2 id="figures">Casualties at a glance</h2>
      <KeyFigures incident={i} />

      <h2 id="what">What happened</h2>
      <div className={styles.prose}>
        <p>{i.summary}</p>
        {i.notes && <p><strong>Notes:</strong> {i.notes}</p>}
      </div>

      <div className={styles.grid2}>
        <section aria-labelledby="when-where">
          <h2 id="when-where">When and where</h2>
          <WhenWhere incident={i} />
          <IncidentLocator latitude={i.latitude} longitude={i.longitude} geoPrecision={i.geoPrecision} province={i.province} place={i.city ?? i.district} />
        </section>
        <section aria-labelledby="attack">
          <h2 id="attack">Attack and target</h2>
          <AttackFacts incident={i} />
        </section>
      </div>

      <h2 id="attribution">Who is held responsible</h2>
      {i.contested && (
        <p className="notice">
          Sources disagree about responsibility{groupNames.length > 1 ? `: ${groupNames.join(", ")} are each named` : ""}
          {i.attributions.some((g) => g.denied) ? "; at least one named group denies it" : ""}. Each claim is shown with who made it and where.
        </p>
      )}
      <AttributionPanel groups={i.attributions} />

      <h2 id="casualties">Casualties by source</h2>
      <CasualtyTable lines={i.casualties} />

      <h2 id="sources">Sources</h2>
      <p className="muted">Every source cited for this incident, with the quotes it contributes.</p>
      <SourceList sources={i.sources} />

      <IncidentHistory id={i.id} />
    </>
  );
}
