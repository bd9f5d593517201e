// Writes prisma/reference/* from the public datasets. Source folder: REFDATA_SOURCE_DIR or ../shared/data.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildReferenceFiles, stationsFile } from "./reference-data.ts";

const root = path.resolve(import.meta.dirname, "..");
export const sourceDir = process.env.REFDATA_SOURCE_DIR ?? path.resolve(root, "../shared/data");
const outDir = path.join(root, "prisma/reference");

const files = buildReferenceFiles({
  geonames: readFileSync(path.join(sourceDir, "geonames-postal-codes-de.csv"), "utf8"),
  kldb: readFileSync(path.join(sourceDir, "kldb-2010-v2020-gliederung.csv"), "utf8"),
  occupationList: readFileSync(path.join(root, "scripts/reference/ausbildungsberufe.csv"), "utf8"),
  stations: readFileSync(stationsFile(), "utf8"),
});
mkdirSync(outDir, { recursive: true });
for (const [name, content] of Object.entries(files)) {
  writeFileSync(path.join(outDir, name), content);
  console.log(`prisma/reference/${name}: ${content.split("\n").length - 2} Einträge`);
}
