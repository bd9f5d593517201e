import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseCsvRecords } from "../app/lib/csv";
import { buildReferenceFiles, SERVED_DISTRICTS, stationsFile } from "./reference-data";

const refDir = path.resolve("prisma/reference");
const read = (f: string) => readFileSync(path.join(refDir, f), "utf8");
const sourceDir = process.env.REFDATA_SOURCE_DIR ?? path.resolve("../shared/data");
const sourcesPresent = existsSync(path.join(sourceDir, "geonames-postal-codes-de.csv"));

type District = { ags: string; served: boolean; neighbours: string[] };
const districts = JSON.parse(read("districts.json")) as District[];
const postalCodes = parseCsvRecords(read("postal-codes.csv"), { separator: ";" });
const kldb = parseCsvRecords(read("kldb.csv"), { separator: ";" });
const occupations = parseCsvRecords(read("occupations.csv"), { separator: ";" });

describe("shipped reference data", () => {
  it("has the five served districts with their AGS codes and symmetric neighbours", () => {
    expect(districts.filter((d) => d.served).map((d) => d.ags)).toEqual(
      [...SERVED_DISTRICTS].sort(),
    );
    const byAgs = new Map(districts.map((d) => [d.ags, d]));
    expect(byAgs.get("15003")!.neighbours).toEqual(["15083", "15086", "15089"]);
    for (const d of districts)
      for (const n of d.neighbours) expect(byAgs.get(n)!.neighbours).toContain(d.ags);
  });

  it("maps every PLZ of Sachsen-Anhalt to its districts and marks the ones crossing a border", () => {
    expect(postalCodes.length).toBeGreaterThan(200);
    for (const served of SERVED_DISTRICTS)
      expect(postalCodes.some((p) => p.ags === served)).toBe(true);
    for (const plz of ["39517", "39264", "39397", "39638"]) {
      const rows = postalCodes.filter((p) => p.plz === plz);
      expect(rows.length, plz).toBeGreaterThanOrEqual(2);
      expect(rows.every((r) => r.spans_districts === "1")).toBe(true);
    }
    // A PLZ can only cross the border between neighbouring districts.
    const neighbours = new Map(districts.map((d) => [d.ags, new Set(d.neighbours)]));
    const byPlz = new Map<string, typeof postalCodes>();
    for (const p of postalCodes) byPlz.set(p.plz!, [...(byPlz.get(p.plz!) ?? []), p]);
    for (const [plz, rows] of byPlz) {
      for (const a of rows)
        for (const b of rows)
          if (a.ags !== b.ags)
            expect(neighbours.get(a.ags!)!.has(b.ags!), `${plz}: ${a.ags}/${b.ags}`).toBe(true);
    }
    expect(postalCodes.find((p) => p.plz === "39104")).toMatchObject({ ags: "15003" });
    for (const p of postalCodes) {
      expect(Number(p.latitude)).toBeGreaterThan(50.9);
      expect(Number(p.latitude)).toBeLessThan(53.1);
    }
  });

  it("has at least 120 apprenticeship occupations, each with a 5-digit KldB code that exists", () => {
    const codes = new Set(kldb.map((k) => k.code));
    expect(occupations.length).toBeGreaterThanOrEqual(120);
    for (const o of occupations) {
      expect(o.kldb_code).toMatch(/^\d{5}$/);
      expect(codes.has(o.kldb_code!), o.title).toBe(true);
      expect(o.kldb_occupation_number!.startsWith(o.kldb_code!)).toBe(true);
    }
    expect(occupations.find((o) => o.title === "Medizinische/r Fachangestellte/r")?.kldb_code).toBe(
      "81102",
    );
  });

  it("keeps the whole KldB hierarchy: every code below level 1 has its parent", () => {
    const codes = new Set(kldb.map((k) => k.code));
    expect(kldb.filter((k) => k.level === "5").length).toBe(1301);
    for (const k of kldb) {
      expect(k.code!.length).toBe(Number(k.level));
      if (k.level !== "1") expect(codes.has(k.parent_code!), k.code).toBe(true);
    }
  });

  it.runIf(sourcesPresent)(
    "is exactly what the script derives from the public source files",
    () => {
      const files = buildReferenceFiles({
        geonames: readFileSync(path.join(sourceDir, "geonames-postal-codes-de.csv"), "utf8"),
        kldb: readFileSync(path.join(sourceDir, "kldb-2010-v2020-gliederung.csv"), "utf8"),
        occupationList: readFileSync(
          path.resolve("scripts/reference/ausbildungsberufe.csv"),
          "utf8",
        ),
        stations: readFileSync(stationsFile(), "utf8"),
      });
      for (const [name, content] of Object.entries(files)) expect(read(name), name).toBe(content);
    },
  );
});
