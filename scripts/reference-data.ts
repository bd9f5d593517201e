// Derives Lotse's reference data from the public source files (see prisma/reference/SOURCES.md).
// Pure functions: the build script writes their output, the test re-derives and compares.
import { createRequire } from "node:module";
import { parseCsv, parseCsvRecords, writeCsv } from "../app/lib/csv.ts";

export const SERVED_DISTRICTS = ["15003", "15083", "15086", "15089", "15090"] as const;

/** Names as the teams use them; AGS from the GeoNames `community_code`. */
export const DISTRICT_NAMES: Record<string, string> = {
  "15001": "Dessau-Roßlau",
  "15002": "Halle (Saale)",
  "15003": "Magdeburg",
  "15081": "Altmarkkreis Salzwedel",
  "15082": "Landkreis Anhalt-Bitterfeld",
  "15083": "Landkreis Börde",
  "15084": "Burgenlandkreis",
  "15085": "Landkreis Harz",
  "15086": "Landkreis Jerichower Land",
  "15087": "Landkreis Mansfeld-Südharz",
  "15088": "Saalekreis",
  "15089": "Salzlandkreis",
  "15090": "Landkreis Stendal",
  "15091": "Landkreis Wittenberg",
};

/**
 * Shared land borders between the districts of Sachsen-Anhalt (from the state's district map).
 * Each pair once; the derived file lists both directions.
 */
export const DISTRICT_BORDERS: [string, string][] = [
  ["15003", "15083"],
  ["15003", "15086"],
  ["15003", "15089"],
  ["15083", "15081"],
  ["15083", "15085"],
  ["15083", "15086"],
  ["15083", "15089"],
  ["15083", "15090"],
  ["15086", "15082"],
  ["15086", "15089"],
  ["15086", "15090"],
  ["15089", "15082"],
  ["15089", "15085"],
  ["15089", "15087"],
  ["15089", "15088"],
  ["15090", "15081"],
  ["15085", "15087"],
  ["15082", "15001"],
  ["15082", "15088"],
  ["15082", "15091"],
  ["15001", "15091"],
  ["15002", "15088"],
  ["15088", "15084"],
  ["15088", "15087"],
];

export type DistrictRow = {
  ags: string;
  name: string;
  served: boolean;
  latitude: number;
  longitude: number;
  neighbours: string[];
};
export type PostalCodeRow = {
  plz: string;
  ags: string;
  places: string;
  latitude: number;
  longitude: number;
  spansDistricts: boolean;
};
export type KldbRow = {
  code: string;
  level: number;
  title: string;
  shortTitle: string;
  parentCode: string | null;
};
export type OccupationRow = {
  title: string;
  kldbOccupationNumber: string;
  kldbCode: string;
  durationMonths: number;
};

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export function derivePostalCodes(geonamesCsv: string): PostalCodeRow[] {
  const groups = new Map<
    string,
    { plz: string; ags: string; places: Set<string>; lats: number[]; lons: number[] }
  >();
  for (const r of parseCsvRecords(geonamesCsv)) {
    const ags = r.community_code ?? "";
    // The state's rows, keyed by the district code; a stray row of another state is skipped.
    if (r.state !== "Sachsen-Anhalt" || !(ags in DISTRICT_NAMES)) continue;
    const key = `${r.zipcode}|${ags}`;
    const g = groups.get(key) ?? { plz: r.zipcode!, ags, places: new Set(), lats: [], lons: [] };
    g.places.add(r.place!);
    g.lats.push(Number(r.latitude));
    g.lons.push(Number(r.longitude));
    groups.set(key, g);
  }
  const districtsPerPlz = new Map<string, number>();
  for (const g of groups.values())
    districtsPerPlz.set(g.plz, (districtsPerPlz.get(g.plz) ?? 0) + 1);
  return [...groups.values()]
    .map((g) => ({
      plz: g.plz,
      ags: g.ags,
      places: [...g.places].sort((a, b) => a.localeCompare(b, "de")).join("; "),
      latitude: round4(mean(g.lats)),
      longitude: round4(mean(g.lons)),
      spansDistricts: (districtsPerPlz.get(g.plz) ?? 0) > 1,
    }))
    .sort((a, b) => a.plz.localeCompare(b.plz) || a.ags.localeCompare(b.ags));
}

export function deriveDistricts(postalCodes: PostalCodeRow[]): DistrictRow[] {
  return Object.entries(DISTRICT_NAMES).map(([ags, name]) => {
    const own = postalCodes.filter((p) => p.ags === ags);
    const neighbours = DISTRICT_BORDERS.flatMap(([a, b]) =>
      a === ags ? [b] : b === ags ? [a] : [],
    ).sort();
    return {
      ags,
      name,
      served: (SERVED_DISTRICTS as readonly string[]).includes(ags),
      latitude: round4(mean(own.map((p) => p.latitude))),
      longitude: round4(mean(own.map((p) => p.longitude))),
      neighbours,
    };
  });
}

/** The KldB file drops leading zeros ("1" is area "01"): a code has as many digits as its level. */
export function deriveKldb(kldbCsv: string): KldbRow[] {
  const [, ...rows] = parseCsv(kldbCsv, { separator: ";" });
  return rows
    .filter((r) => r[0] && r[1])
    .map((r) => {
      const level = Number(r[1]);
      const code = r[0]!.padStart(level, "0");
      return {
        code,
        level,
        title: r[2]!.trim(),
        shortTitle: r[3]!.trim(),
        parentCode: level > 1 ? code.slice(0, -1) : null,
      };
    });
}

/** Assigned occupations listed under each 5-digit code: "81102-106 Medizinische/r Fachangestellte/r". */
export function kldbAssignedOccupations(kldbCsv: string): Map<string, string> {
  const byNumber = new Map<string, string>();
  const [, ...rows] = parseCsv(kldbCsv, { separator: ";" });
  for (const r of rows) {
    if (r[1] !== "5") continue;
    for (const col of r) {
      const idx = col.indexOf("Zugeordnete Berufe (Beispiele):");
      if (idx < 0) continue;
      const list = col.slice(idx + "Zugeordnete Berufe (Beispiele):".length).trim();
      for (const m of list.matchAll(/(\d{5}-\d{3}) (.+?)(?=\s{2}\d{5}-\d{3} |$)/g)) {
        byNumber.set(m[1]!, m[2]!.trim());
      }
    }
  }
  return byNumber;
}

export function deriveOccupations(occupationListCsv: string, kldbCsv: string): OccupationRow[] {
  const assigned = kldbAssignedOccupations(kldbCsv);
  return parseCsvRecords(occupationListCsv, { separator: ";" }).map((r) => {
    const number = r.kldb_beruf_nr!;
    if (!assigned.has(number)) {
      throw new Error(`Ausbildungsberuf "${r.titel}": ${number} steht nicht in der KldB-Datei.`);
    }
    return {
      title: r.titel!,
      kldbOccupationNumber: number,
      kldbCode: number.slice(0, 5),
      durationMonths: Number(r.dauer_monate),
    };
  });
}

export type ReferenceFiles = Record<string, string>;

/** Deutsche Bahn's station list as the db-stations package ships it. */
export function stationsFile() {
  return createRequire(import.meta.url).resolve("db-stations/full.ndjson");
}

/** The federal state whose railway stations the commute model uses (all served districts lie in it). */
const STATION_STATE = "Sachsen-Anhalt";

/**
 * Passenger railway stations of the state from db-stations' full list (one JSON object per line,
 * Deutsche Bahn's station data): EVA number, name, coordinates and DB's station category.
 */
export function deriveStations(ndjson: string) {
  type Row = {
    id: string;
    name: string;
    category: number;
    federalState: string;
    location: { latitude: number; longitude: number };
  };
  return ndjson
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Row)
    .filter((s) => s.federalState === STATION_STATE && s.location)
    .map((s) => ({
      id: s.id,
      name: s.name,
      latitude: Number(s.location.latitude.toFixed(5)),
      longitude: Number(s.location.longitude.toFixed(5)),
      category: s.category,
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function buildReferenceFiles(sources: {
  geonames: string;
  kldb: string;
  occupationList: string;
  stations: string;
}): ReferenceFiles {
  const postalCodes = derivePostalCodes(sources.geonames);
  const districts = deriveDistricts(postalCodes);
  const kldb = deriveKldb(sources.kldb);
  const occupations = deriveOccupations(sources.occupationList, sources.kldb);
  const sep = { separator: ";" };
  return {
    "districts.json": `${JSON.stringify(districts, null, 2)}\n`,
    "postal-codes.csv": writeCsv(
      [
        ["plz", "ags", "places", "latitude", "longitude", "spans_districts"],
        ...postalCodes.map((p) => [
          p.plz,
          p.ags,
          p.places,
          p.latitude,
          p.longitude,
          p.spansDistricts ? 1 : 0,
        ]),
      ],
      sep,
    ),
    "kldb.csv": writeCsv(
      [
        ["code", "level", "title", "short_title", "parent_code"],
        ...kldb.map((k) => [k.code, k.level, k.title, k.shortTitle, k.parentCode]),
      ],
      sep,
    ),
    "occupations.csv": writeCsv(
      [
        ["title", "kldb_occupation_number", "kldb_code", "duration_months"],
        ...occupations.map((o) => [o.title, o.kldbOccupationNumber, o.kldbCode, o.durationMonths]),
      ],
      sep,
    ),
    "rail-stations.csv": writeCsv(
      [
        ["eva", "name", "latitude", "longitude", "category"],
        ...deriveStations(sources.stations).map((s) => [
          s.id,
          s.name,
          s.latitude,
          s.longitude,
          s.category,
        ]),
      ],
      sep,
    ),
  };
}
