import Link from "next/link";
import type { IncidentDetail } from "@/lib/data/incident-detail.ts";
import { formatIncidentDate } from "@/lib/format.ts";
import { ATTACK_TYPES, CHINESE_LINKS, CONFIDENCES, DATE_PRECISIONS, LOCATION_PRECISIONS, PROJECT_SECTORS, PROVINCES } from "@/lib/vocab.ts";
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
      <dt>Coordinates</dt><dd>{coordinates(i.latitude, i.longitude)}</dd>
    </dl>
  );
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
      <dt>Chinese link</dt>
      <dd>{CHINESE_LINKS[i.chineseLink]}{i.linkNote && <div className="muted">{i.linkNote}</div>}</dd>
      <dt>Confidence</dt><dd>{CONFIDENCES[i.confidence]}</dd>
    </dl>
  );
}
