import { describe, expect, it } from "vitest";
import { geoContains } from "d3-geo";
import { PROVINCES } from "../vocab.ts";
import { mapFrame, provinceShapes } from "./boundaries.ts";
import { placeIncident, provinceCentre } from "./place-incident.ts";

// Capitals (rounded, from any atlas) must fall inside their own province's outline.
const CAPITALS = {
  balochistan: [66.99, 30.18], sindh: [67.01, 24.86], khyber_pakhtunkhwa: [71.58, 34.01], punjab: [74.34, 31.55],
  islamabad: [73.05, 33.69], gilgit_baltistan: [74.31, 35.92], azad_kashmir: [73.47, 34.37],
} as const;

describe("province boundaries", () => {
  it("has the seven provinces and territories, each around its capital", () => {
    const shapes = provinceShapes();
    expect(shapes.map((s) => s.properties.province).sort()).toEqual(Object.keys(PROVINCES).sort());
    for (const s of shapes) {
      for (const [p, xy] of Object.entries(CAPITALS)) expect(geoContains(s, xy as [number, number]), `${p} in ${s.properties.province}`).toBe(p === s.properties.province);
    }
  });

  it("fits Pakistan in the frame", () => {
    const f = mapFrame(600, 560);
    for (const p of f.provinces) {
      expect(p.d.length).toBeGreaterThan(20);
      expect(p.centroid[0]).toBeGreaterThan(0); expect(p.centroid[0]).toBeLessThan(600);
      expect(p.centroid[1]).toBeGreaterThan(0); expect(p.centroid[1]).toBeLessThan(560);
    }
    const [x, y] = f.project(67.01, 24.86)!;
    expect(x).toBeGreaterThan(150); expect(x).toBeLessThan(300); expect(y).toBeGreaterThan(450); // Karachi: south, left of centre
  });
});

describe("placing an incident", () => {
  it("keeps a source's coordinates, else uses the town, district or province centre", () => {
    expect(placeIncident({ province: "sindh", district: null, city: "Karachi", latitude: 24.9, longitude: 67.1, geoPrecision: null }))
      .toEqual({ latitude: 24.9, longitude: 67.1, geoPrecision: "site" });
    expect(placeIncident({ province: "sindh", district: null, city: "Karachi", latitude: null, longitude: null }).geoPrecision).toBe("town");
    expect(placeIncident({ province: "khyber_pakhtunkhwa", district: "Dera Ismail Khan", city: "No Such Town", latitude: null, longitude: null }).geoPrecision).toBe("district");
    const p = placeIncident({ province: "balochistan", district: null, city: null, latitude: null, longitude: null });
    expect(p.geoPrecision).toBe("province");
    expect([p.latitude, p.longitude]).toEqual(provinceCentre("balochistan"));
    expect(geoContains(provinceShapes().find((s) => s.properties.province === "balochistan")!, [p.longitude, p.latitude])).toBe(true);
  });

  it("does not take a town of the same name in another province", () => {
    // Hyderabad is in Sindh; an incident recorded in Punjab naming it falls back to Punjab's centre.
    expect(placeIncident({ province: "punjab", district: null, city: "Hyderabad", latitude: null, longitude: null }).geoPrecision).toBe("province");
  });
});
