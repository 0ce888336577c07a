// Where to put an incident on the map, and how precisely: the coordinates a source gives for
// the site, else the centre of its town, district or province from the gazetteer. Pure; used
// by seed/geo/place-incidents.ts to write the seed files once, and by its test.
import { geoCentroid } from "d3-geo";
import type { GeoPrecision } from "../generated/prisma/enums.ts";
import type { Province } from "../vocab.ts";
import { coordinatesOf, lookupPlaces, type Place } from "./gazetteer.ts";
import { provinceShapes } from "./boundaries.ts";

export type IncidentPlace = { province: Province; district: string | null; city: string | null; latitude: number | null; longitude: number | null; geoPrecision?: GeoPrecision | null };
export type Placed = { latitude: number; longitude: number; geoPrecision: GeoPrecision };

const round = (x: number) => Math.round(x * 1e4) / 1e4;

function inProvince(places: Place[], province: Province, kinds: Place["kind"][]): Place[] {
  return places.filter((p) => kinds.includes(p.kind) && (p.province === null || p.province === province));
}

/** The province's centroid on the sphere (of its Natural Earth outline). */
export function provinceCentre(province: Province): [number, number] {
  const shape = provinceShapes().find((s) => s.properties.province === province);
  if (!shape) throw new Error(`no boundary for province ${province}`);
  const [lon, lat] = geoCentroid(shape);
  return [round(lat), round(lon)];
}

export function placeIncident(i: IncidentPlace): Placed {
  // Coordinates already on the record came from a source that places the site: keep them.
  if (i.latitude !== null && i.longitude !== null) return { latitude: i.latitude, longitude: i.longitude, geoPrecision: i.geoPrecision ?? "site" };
  if (i.city) {
    for (const town of inProvince(lookupPlaces(i.city), i.province, ["city", "town"])) {
      const c = coordinatesOf(town);
      // A town without its own coordinate falls back to its district's seat: say so.
      if (c) return { latitude: round(c.latitude), longitude: round(c.longitude), geoPrecision: c.precision === "district" ? "district" : "town" };
    }
  }
  if (i.district) {
    for (const d of inProvince(lookupPlaces(i.district), i.province, ["district"])) {
      const c = coordinatesOf(d);
      if (c) return { latitude: round(c.latitude), longitude: round(c.longitude), geoPrecision: "district" };
    }
  }
  const [latitude, longitude] = provinceCentre(i.province);
  return { latitude, longitude, geoPrecision: "province" };
}
