import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { allPlaces, coordinatesOf, findPlaces, lookupPlace } from "./gazetteer.ts";
import { PROVINCES } from "../vocab.ts";
import curated from "./data/gazetteer-curated.json" with { type: "json" };

describe("gazetteer", () => {
  it("knows old and variant spellings", () => {
    expect(lookupPlace("NWFP")?.province).toBe("khyber_pakhtunkhwa");
    expect(lookupPlace("Baluchistan")?.province).toBe("balochistan");
    expect(lookupPlace("Northern Areas")?.province).toBe("gilgit_baltistan");
    expect(lookupPlace("Bisham")?.name).toBe("Besham");
    expect(lookupPlace("Draban")?.name).toBe("Daraban");
    expect(lookupPlace("D.I. Khan")?.name).toBe("Dera Ismail Khan");
    expect(lookupPlace("Diamer", "district")?.name).toBe("Diamir");
    expect(lookupPlace("Muzaffarabad")?.province).toBe("azad_kashmir");
    expect(lookupPlace("Atlantis")).toBeNull();
  });

  it("prefers the city to its namesake district, and keeps both", () => {
    expect(lookupPlace("Gwadar")?.kind).toBe("city");
    expect(lookupPlace("Gwadar", "district")?.kind).toBe("district");
  });

  it("every province slug is a vocabulary slug, every coordinate inside Pakistan's box", () => {
    for (const p of allPlaces()) {
      if (p.province) expect(Object.keys(PROVINCES)).toContain(p.province);
      if (p.latitude != null) {
        expect(p.latitude).toBeGreaterThan(23.5); expect(p.latitude).toBeLessThan(37.2);
        expect(p.longitude!).toBeGreaterThan(60.8); expect(p.longitude!).toBeLessThan(77.9);
      }
    }
  });

  it("every curated entry cites a source; a coordinate only where its source states one", () => {
    for (const p of curated.places) {
      expect(p.source.publisher && p.source.title && p.source.url).toBeTruthy();
      if (p.latitude != null) expect(p.source.states).toMatch(/°/);
    }
  });

  it("finds sites, towns, districts and provinces in running text with exact offsets", () => {
    const text = "A car rammed a bus near Bisham in Shangla district (NWFP) on the Karakoram Highway. Later, at Jinnah International Airport in Karachi, and in Hub; the Balochistan Liberation Army said. A business hub; the tank.";
    const found = findPlaces(text);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.matched);
    expect(found.map((f) => f.name)).toEqual(["Besham", "Shangla", "Khyber Pakhtunkhwa", "Karakoram Highway", "Jinnah International Airport", "Karachi", "Hub", "Balochistan"]);
    expect(coordinatesOf(found[4])).toEqual({ latitude: 24.90667, longitude: 67.16083, precision: "exact" });
  });

  it("the Chinese consulate falls back to Karachi's coordinates", () => {
    const c = lookupPlace("Chinese consulate in Clifton")!;
    expect(c.kind).toBe("site");
    expect(coordinatesOf(c)?.precision).toBe("city");
  });

  it("offsets always slice to the matched text (property)", () => {
    const words = fc.constantFrom("Karachi", "Gwadar", "NWFP", "D.I. Khan", "in", "Hub", "Besham", "the", "Karakoram Highway", ",", ".", "\n", "Gilgit-Baltistan", "é", "Dasu");
    fc.assert(fc.property(fc.array(fc.oneof(words, fc.string()), { maxLength: 30 }), (parts) => {
      const text = parts.join(" ");
      for (const f of findPlaces(text)) if (text.slice(f.start, f.end) !== f.matched) return false;
      return true;
    }));
  });
});
