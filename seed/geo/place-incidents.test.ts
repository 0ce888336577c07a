// Every seed incident carries coordinates with their precision, as place-incidents.ts writes
// them: a file edited by hand (or a new incident) without re-running it fails here.
import { describe, expect, it } from "vitest";
import { geoContains } from "d3-geo";
import { provinceShapes } from "../../lib/geo/boundaries.ts";
import { placeIncident } from "../../lib/geo/place-incident.ts";
import { loadDataset } from "../../lib/records/load.ts";

describe("seed coordinates", () => {
  const { incidents } = loadDataset();
  it("every incident has a point, a precision, and the point is what the gazetteer gives", () => {
    for (const i of incidents) {
      expect(i.latitude, i.id).not.toBeNull();
      expect(i.geoPrecision, i.id).toBeTruthy();
      if (i.geoPrecision !== "site") {
        expect(placeIncident({ ...i, latitude: null, longitude: null }), `${i.id}: run npx tsx seed/geo/place-incidents.ts`)
          .toEqual({ latitude: i.latitude, longitude: i.longitude, geoPrecision: i.geoPrecision });
      }
    }
  });
  it("every point lies in the incident's own province (within a few km of its outline)", () => {
    for (const i of incidents) {
      const shape = provinceShapes().find((s) => s.properties.province === i.province)!;
      // The simplified outline can cut a coastal town off by a little: allow 0.05 degrees.
      const near = [[0, 0], [0.05, 0], [-0.05, 0], [0, 0.05], [0, -0.05]].some(([dx, dy]) => geoContains(shape, [i.longitude! + dx, i.latitude! + dy]));
      expect(near, `${i.id} at ${i.latitude},${i.longitude} outside ${i.province}`).toBe(true);
    }
  });
});
