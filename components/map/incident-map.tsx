// The map of where incidents happened, drawn on the server as SVG, so it needs no script to
// show, prints, and can be downloaded as it is; the only client code is the points' readout.
// Provinces are links that filter the page; points are links to their incident (or, for a
// place with several, to the incident list for that place). Hovering or focusing either
// shows its figures in a readout (a point's through one small client component,
// point-readout.tsx); the numbers are also in the data tables below.
import { filtersToSearchParams, type Filters } from "@/lib/incident-model.ts";
import type { MapData, MapFigure, MapPlace, ProvinceTotals } from "@/lib/data/map.ts";
import { mapFrame } from "@/lib/geo/boundaries.ts";
import { formatCount } from "@/lib/format.ts";
import { PROVINCES } from "@/lib/vocab.ts";
import { DataTable, EmptyChart } from "@/components/charts/chart-card.tsx";
import { SHADES, breakLabels, breaks, radius, shade } from "./map-scale.ts";
import { PointReadout } from "./point-readout.tsx";
import styles from "./map.module.css";

const W = 600;
const MAP_H = 560;
const LEGEND_H = 74;
const CHINESE = "#1d4ed8";
const OTHER = "#1e293b";

type Props = { data: MapData; filters: Filters; /** The page province links filter, e.g. "/". */ path: string };

const num = (f: MapFigure) => (f.total === null ? "unknown" : formatCount(f.total));
const casualties = (p: ProvinceTotals) => (p.killed.total === null && p.injured.total === null ? null : (p.killed.total ?? 0) + (p.injured.total ?? 0));
const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;

function href(path: string, f: Filters): string {
  const q = filtersToSearchParams({ ...f, page: 1 }).toString();
  return q ? `${path}?${q}` : path;
}

function provinceText(p: ProvinceTotals): string {
  return `${p.name}: ${plural(p.incidents, "incident")}; ${num(p.killed)} killed, ${num(p.injured)} injured; Chinese nationals ${num(p.chineseKilled)} killed, ${num(p.chineseInjured)} injured`;
}

const AT: Record<string, string> = { town: " (town centre)", district: " (district centre)" };

function placeText(p: MapPlace): string {
  const where = `${p.place ? `${p.place}, ${PROVINCES[p.province]}` : PROVINCES[p.province]}${AT[p.precision ?? ""] ?? ""}`;
  const killed = p.killed === null ? "killed unknown" : `${formatCount(p.killed)} killed`;
  const chinese = p.chineseVictims > 0 ? `; ${plural(p.chineseVictims, "Chinese victim")}` : "";
  return p.incidentId
    ? `${where}, ${p.latest}: ${killed}${chinese}`
    : `${where}: ${plural(p.incidents, "incident")} (latest ${p.latest}); ${killed}${chinese}`;
}

/** The box in the empty top-left corner (Afghanistan) where a hovered or focused shape's figures show. */
function Readout({ lines }: { lines: string[] }) {
  return (
    <g className={styles.readout} aria-hidden="true">
      <rect x={6} y={6} width={250} height={12 + lines.length * 17} rx={5} fill="#ffffff" stroke="#a8a29e" />
      {lines.map((l, n) => (
        <text key={n} x={14} y={24 + n * 17} fontSize={n === 0 ? 14 : 12.5} fontWeight={n === 0 ? 700 : 400} fill="#1c1917">{l}</text>
      ))}
    </g>
  );
}

function Legend({ kind, max, y }: { kind: "incidents" | "casualties"; max: number; y: number }) {
  const b = breaks(max);
  const labels = ["0", ...breakLabels(b, max)];
  return (
    <g className={kind === "incidents" ? styles.legendIncidents : styles.legendCasualties}>
      <text x={8} y={y + 12} fontSize={12.5} fontWeight={600} fill="#57534e">{kind === "incidents" ? "Incidents" : "Killed and injured"}</text>
      {labels.map((l, k) => (
        <g key={l}>
          <rect x={8 + k * 58} y={y + 20} width={52} height={12} fill={SHADES[k]} stroke="#a8a29e" strokeWidth={0.5} />
          <text x={8 + k * 58} y={y + 46} fontSize={11.5} fill="#57534e">{l}</text>
        </g>
      ))}
    </g>
  );
}

export function IncidentMap({ data, filters, path }: Props) {
  const total = data.provinces.reduce((n, p) => n + p.incidents, 0);
  if (total === 0) return <EmptyChart />;
  const frame = mapFrame(W, MAP_H);
  const byProvince = new Map(data.provinces.map((p) => [p.province, p]));
  const maxIncidents = Math.max(...data.provinces.map((p) => p.incidents));
  const maxCasualties = Math.max(0, ...data.provinces.map((p) => casualties(p) ?? 0));
  const bi = breaks(maxIncidents), bc = breaks(maxCasualties);
  const maxKilled = Math.max(0, ...data.places.map((p) => p.killed ?? 0));
  // Big points first, so small ones on top of them stay visible and clickable.
  const points = data.places
    .map((p) => ({ p, xy: frame.project(p.lon, p.lat), r: radius(p.killed, maxKilled) }))
    .filter((x): x is typeof x & { xy: [number, number] } => x.xy !== null)
    .sort((a, b) => b.r - a.r);
  const only = filters.province.length === 1 ? filters.province[0] : null;
  const legendY = MAP_H + 4;
  const incidentLabels = ["0", ...breakLabels(bi, maxIncidents)], casualtyLabels = ["0", ...breakLabels(bc, maxCasualties)];
  return (
    <div className={styles.map}>
      <fieldset className={styles.switch}>
        <legend>Shade provinces by</legend>
        <label><input type="radio" name="map-shade" value="incidents" defaultChecked /> Incidents</label>
        <label><input type="radio" name="map-shade" value="casualties" /> Killed and injured</label>
      </fieldset>
      {/* On screen the legend is HTML (legible at any width); the SVG carries its own copy, drawn only into downloads. */}
      <svg viewBox={`0 0 ${W} ${MAP_H}`} data-export-viewbox={`0 0 ${W} ${MAP_H + LEGEND_H}`} className={styles.svg}
        role="group" aria-labelledby="map-title" data-map-svg="">
        <g>
          {frame.provinces.map((shape) => {
            const p = byProvince.get(shape.province)!;
            const c = casualties(p);
            const selected = only === shape.province;
            const target = href(path, { ...filters, province: selected ? [] : [shape.province] });
            const text = provinceText(p);
            return (
              <a key={shape.province} href={target} className={styles.province} data-province={shape.province}
                aria-label={`${text}. ${selected ? "Show every province" : `Show only ${p.name}`}`}>
                <title>{text}</title>
                <path d={shape.d} style={{ "--inc": shade(p.incidents, bi), "--cas": shade(c, bc) } as React.CSSProperties}
                  stroke={selected ? "#1c1917" : "#78716c"} strokeWidth={selected ? 2 : 0.8} strokeLinejoin="round" />
                <Readout lines={[p.name, plural(p.incidents, "incident"), `${num(p.killed)} killed, ${num(p.injured)} injured`,
                  `Chinese: ${num(p.chineseKilled)} killed, ${num(p.chineseInjured)} injured`]} />
              </a>
            );
          })}
        </g>
        <g>
          {points.map(({ p, xy: [px, py], r: pr }) => {
            // A tenth of a viewBox unit is finer than any screen shows, and keeps 600 points' markup short.
            const [x, y, r] = [px, py, pr].map((v) => Math.round(v * 10) / 10);
            const text = placeText(p);
            const target = p.incidentId
              ? `/incidents/${encodeURIComponent(p.incidentId)}`
              : href("/incidents", { ...filters, province: [p.province], q: p.place ?? filters.q });
            const chinese = p.chineseIncidents > 0;
            const s = Math.round(r * 12.5) / 10;
            return (
              <a key={`${p.lat},${p.lon}`} href={target} className={styles.point} data-incident={p.incidentId ?? undefined} data-place={p.place ?? undefined}
                aria-label={`${text}. ${p.incidentId ? "Open the incident" : "List these incidents"}`}
                data-readout={[`${p.place ?? PROVINCES[p.province]}${AT[p.precision ?? ""] ?? ""}`, p.incidentId ? p.latest : `${plural(p.incidents, "incident")}, latest ${p.latest}`,
                  p.killed === null ? "Killed: unknown" : `${formatCount(p.killed)} killed`,
                  p.chineseVictims > 0 ? `${plural(p.chineseVictims, "Chinese victim")} (killed, injured or kidnapped)` : "No Chinese victims reported"].join("\n")}>
                <title>{text}</title>
                {chinese
                  ? <path d={`M${x} ${y - s}L${x + s} ${y}L${x} ${y + s}L${x - s} ${y}Z`} fill={CHINESE} fillOpacity={0.85} stroke="#ffffff" strokeWidth={1} />
                  : <circle cx={x} cy={y} r={r} fill={OTHER} fillOpacity={0.7} stroke="#ffffff" strokeWidth={1} />}
              </a>
            );
          })}
        </g>
        <PointReadout />
        <g className={styles.exportOnly} data-export-only="">
          <Legend kind="incidents" max={maxIncidents} y={legendY} />
          <Legend kind="casualties" max={maxCasualties} y={legendY} />
          <circle cx={330} cy={legendY + 26} r={6} fill={OTHER} fillOpacity={0.7} />
          <text x={341} y={legendY + 30} fontSize={11.5} fill="#57534e">incident(s), size by killed</text>
          <path d={`M330 ${legendY + 40}l7.5 7.5l-7.5 7.5l-7.5 -7.5Z`} fill={CHINESE} fillOpacity={0.85} />
          <text x={341} y={legendY + 52} fontSize={11.5} fill="#57534e">Chinese nationals among the victims</text>
        </g>
      </svg>
      <div className={styles.key} aria-hidden="true">
        <HtmlLegend title="Incidents" labels={incidentLabels} className={styles.legendIncidents} />
        <HtmlLegend title="Killed and injured" labels={casualtyLabels} className={styles.legendCasualties} />
        <p className={styles.pointKey}>
          <span><svg width="14" height="14" viewBox="0 0 14 14"><circle cx="7" cy="7" r="6" fill={OTHER} fillOpacity={0.7} /></svg> incident(s), sized by people killed</span>
          <span><svg width="14" height="14" viewBox="0 0 14 14"><path d="M7 0l7 7l-7 7l-7 -7Z" fill={CHINESE} fillOpacity={0.85} /></svg> Chinese nationals among the victims</span>
        </p>
      </div>
      <p className={styles.note}>
        Points at a town&apos;s or district&apos;s centre stand for incidents the sources place only to that town or district.{" "}
        Gilgit-Baltistan and Azad Jammu and Kashmir are shown as administered by Pakistan; their status is disputed.
        {data.unplaced > 0 && <> {plural(data.unplaced, "matching incident is", "matching incidents are")} placed only to the province: counted in its shade, not drawn as a point.</>}
        {data.gridKm > 10 && <> With this many places, incidents within about {data.gridKm} km of each other are drawn as one point.</>}
        {data.truncated && <> Only the {formatCount(data.places.length)} places with the most incidents are drawn.</>}
        {" "}Boundaries: Natural Earth (public domain).
      </p>
      <div className={styles.table}>
        <DataTable caption="Incidents and casualties by province (best figure of each incident)">
          <thead>
            <tr>
              <th scope="col">Province</th><th scope="col" className="num">Incidents</th><th scope="col" className="num">Killed</th>
              <th scope="col" className="num">Injured</th><th scope="col" className="num">Chinese killed</th><th scope="col" className="num">Chinese injured</th>
            </tr>
          </thead>
          <tbody>
            {data.provinces.map((p) => (
              <tr key={p.province}>
                <th scope="row">{p.name}</th><td className="num">{formatCount(p.incidents)}</td>
                <FigureCell f={p.killed} /><FigureCell f={p.injured} /><FigureCell f={p.chineseKilled} /><FigureCell f={p.chineseInjured} />
              </tr>
            ))}
          </tbody>
        </DataTable>
      </div>
    </div>
  );
}

function HtmlLegend({ title, labels, className }: { title: string; labels: string[]; className: string }) {
  return (
    <div className={className}>
      <p className={styles.keyTitle}>{title}</p>
      <ul className={styles.shades}>
        {labels.map((l, k) => <li key={l}><span style={{ background: SHADES[k] }} />{l}</li>)}
      </ul>
    </div>
  );
}

function FigureCell({ f }: { f: MapFigure }) {
  return (
    <td className="num">
      {num(f)}
      {f.total !== null && f.unknown > 0 && <span className={styles.unknownNote}> (+{f.unknown} unknown)</span>}
    </td>
  );
}
