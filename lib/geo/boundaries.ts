// Pakistan's province boundaries (Natural Earth admin-1, public domain; see
// lib/geo/data/README.md for how the file was made) and the projection the map draws them in.
// Pure code over a committed file: nothing is fetched, and it runs on the server only
// because the map is drawn there (components/map), so none of it reaches the browser.
import { geoMercator, geoPath, type GeoProjection } from "d3-geo";
import { feature } from "topojson-client";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import type { GeometryCollection, Topology } from "topojson-specification";
import type { Province } from "../vocab.ts";
import topo from "./data/pakistan-provinces.topo.json" with { type: "json" };

export type ProvinceShape = Feature<Polygon | MultiPolygon, { province: Province; name: string }>;

const topology = topo as unknown as Topology<{ provinces: GeometryCollection<{ province: Province; name: string }> }>;
const shapes = feature(topology, topology.objects.provinces) as FeatureCollection<Polygon | MultiPolygon, { province: Province; name: string }>;

/** The seven provinces and territories, in lib/vocab.ts order. */
export function provinceShapes(): ProvinceShape[] {
  return shapes.features;
}

export type MapFrame = {
  width: number;
  height: number;
  /** [x, y] in the frame for a longitude and latitude; null outside the projection. */
  project: (lon: number, lat: number) => [number, number] | null;
  /** Each province's outline as an SVG path, and the point its label or readout anchors to. */
  provinces: { province: Province; name: string; d: string; centroid: [number, number] }[];
};

/**
 * A Mercator projection fitted to Pakistan in a width x height box (with a margin), and the
 * provinces' paths in it. Mercator keeps shapes recognisable at this latitude and is what
 * readers know from web maps; at one country's scale its area distortion is small.
 */
export function mapFrame(width: number, height: number, margin = 8): MapFrame {
  const projection: GeoProjection = geoMercator().fitExtent([[margin, margin], [width - margin, height - margin]], shapes);
  // One decimal is a tenth of a pixel: finer digits only add bytes to the page.
  const path = geoPath(projection).digits(1);
  return {
    width,
    height,
    project: (lon, lat) => {
      const p = projection([lon, lat]);
      return p ? [Math.round(p[0] * 10) / 10, Math.round(p[1] * 10) / 10] : null;
    },
    provinces: shapes.features.map((f) => ({
      province: f.properties.province,
      name: f.properties.name,
      d: path(f) ?? "",
      centroid: path.centroid(f) as [number, number],
    })),
  };
}
