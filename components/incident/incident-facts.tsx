import Link from "next/link";
import type { IncidentDetail } from "@/lib/data/incident-detail.ts";
import { formatIncidentDate } from "@/lib/format.ts";
import { ATTACK_TYPES, CONFIDENCES, TARGET_LINKS, DATE_PRECISIONS, LOCATION_PRECISIONS, PROJECT_SECTORS, PROVINCES } from "@/lib/vocab.ts";
import { precisionPhrase } from "@/components/map/incident-locator.tsx";
import styles from "./incident.module.css";
import { projectHref } from "@/lib/links.ts";

/** "26 March 2024 (exact day)", "March 2021 (month only)". */
export function dateWithPrecision(i: Pick<IncidentDetail, "date" | "datePrecision">): string {
  return `${formatIncidentDate(i.date, i.datePrecision)} (${DATE_PRECISIONS[i.datePrecision].toLowerCase()})`;
}

function coordinates(lat: number | null, lon: number | null): string {
  if (lat === null || lon === null) return "not recorded";
  return `${Math.abs(lat).toFixed(4)}° ${lat >= 0 ? "N" : "S"}, ${Math.abs(lon).toFixed(4)}° ${lon >= 0 ? "E" : "W"}`;
}

export function WhenWhere({ incident: i }: { incident: IncidentDetail }) {
  return (
    <dl className={styles.facts}>
      <dt>Date</dt>
      <dd>{dateWithPrecision(i)}{i.dateNote && <div className="muted">{i.dateNote}</div>}</dd>
      <dt>Province</dt><dd>{PROVINCES[i.province]}</dd>
      <dt>District</dt><dd>{i.district ?? <span className="muted">not recorded</span>}</dd>
      <dt>City or town</dt><dd>{i.city ?? <span className="muted">not recorded</span>}</dd>
      <dt>Location</dt><dd>{i.locationDetail ?? <span className="muted">no detail recorded</span>}</dd>
      <dt>Location precision</dt><dd>{LOCATION_PRECISIONS[i.locationPrecision]}</dd>
      <dt>Coordinates</dt>
      <dd>
        {coordinates(i.latitude, i.longitude)}
        {i.latitude !== null && <div className="muted">{precisionPhrase(i.geoPrecision, i.geoPrecision === "district" ? i.district : i.city, i.province)}</div>}
      </dd>
    </dl>
  );
}

/** Whether Chinese nationals were among the victims, as the casualty figures settle it. */
export function harmedText(h: boolean | null): string {
  return h === null ? "unknown (no source gives a Chinese figure)" : h ? "yes: Chinese nationals among the victims" : "no: sources say no Chinese national was killed or injured";
}

export function AttackFacts({ incident: i }: { incident: IncidentDetail }) {
  return (
    <dl className={styles.facts}>
      <dt>Attack type</dt><dd>{ATTACK_TYPES[i.attackType]}</dd>
      <dt>Target</dt><dd>{i.target}</dd>
      <dt>Project</dt>
      <dd>
        {i.project
          ? <><Link href={projectHref(i.project.id)}>{i.project.name}</Link> <span className="muted">({PROJECT_SECTORS[i.project.sector]}{i.project.isCpec ? ", CPEC" : ""})</span></>
          : <span className="muted">no specific project</span>}
      </dd>
      <dt>Chinese target</dt>
      <dd>{TARGET_LINKS[i.targetLink]}{i.linkNote && <div className="muted">{i.linkNote}</div>}</dd>
      <dt>Chinese harmed</dt>
      <dd>{harmedText(i.chineseHarmed)}</dd>
      <dt>Confidence</dt><dd>{CONFIDENCES[i.confidence]}</dd>
    </dl>
  );
}
