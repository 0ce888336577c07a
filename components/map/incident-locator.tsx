// A small server-drawn map on the incident page: Pakistan's provinces with the incident's
// point, and in words what the point stands for (the site, or only a town's centre).
import { mapFrame } from "@/lib/geo/boundaries.ts";
import { GEO_PRECISIONS, PROVINCES, type Province } from "@/lib/vocab.ts";
import styles from "./map.module.css";

type Props = { latitude: number | null; longitude: number | null; geoPrecision: keyof typeof GEO_PRECISIONS | null; province: Province; place: string | null };

const W = 300, H = 280;

/** What the point means, in a phrase the page can show beside the coordinates. */
export function precisionPhrase(geoPrecision: Props["geoPrecision"], place: string | null, province: Province): string {
  switch (geoPrecision) {
    case "site": return "the site, as a source places it";
    case "town": return `${place ?? "the town"}'s town centre: the sources name the town, not the exact site`;
    case "district": return `the centre of ${place ?? "the district"}: the sources name only the district`;
    case "province": return `the centre of ${PROVINCES[province]}: the sources name only the province`;
    default: return "precision not recorded";
  }
}

export function IncidentLocator({ latitude, longitude, geoPrecision, province, place }: Props) {
  if (latitude === null || longitude === null) return null;
  const frame = mapFrame(W, H, 4);
  const xy = frame.project(longitude, latitude);
  const label = `Map: the incident's point in ${PROVINCES[province]}, at ${precisionPhrase(geoPrecision, place, province)}`;
  return (
    <figure className={styles.locator}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} data-locator="">
        {frame.provinces.map((p) => (
          <path key={p.province} d={p.d} fill={p.province === province ? "#fdd49e" : "#f5f5f4"} stroke="#a8a29e" strokeWidth={0.8} />
        ))}
        {xy && (geoPrecision === "site"
          ? <circle cx={xy[0]} cy={xy[1]} r={5} fill="#1d4ed8" stroke="#fff" strokeWidth={1.5} />
          : <><circle cx={xy[0]} cy={xy[1]} r={11} fill="none" stroke="#1d4ed8" strokeWidth={1.5} strokeDasharray="3 2" /><circle cx={xy[0]} cy={xy[1]} r={3} fill="#1d4ed8" /></>)}
      </svg>
      <figcaption>{geoPrecision === "site" ? "The site." : `An approximate point: ${GEO_PRECISIONS[geoPrecision ?? "town"].toLowerCase()}.`} Boundaries: Natural Earth.</figcaption>
    </figure>
  );
}
