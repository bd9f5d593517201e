import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { db } from "~/db.server";
import { parseCsvRecords } from "~/lib/csv";

type DistrictFile = {
  ags: string;
  name: string;
  served: boolean;
  latitude: number;
  longitude: number;
  neighbours: string[];
}[];

const referenceDir = () => path.resolve(process.env.LOTSE_REFERENCE_DIR ?? "prisma/reference");
const read = (name: string) => readFileSync(path.join(referenceDir(), name), "utf8");
const FILES = [
  "districts.json",
  "postal-codes.csv",
  "kldb.csv",
  "occupations.csv",
  "rail-stations.csv",
];

/** Loads the shipped reference data into the database when it is missing or the files changed. */
export async function ensureReferenceData(): Promise<"loaded" | "current"> {
  const contents = Object.fromEntries(FILES.map((f) => [f, read(f)]));
  const digest = createHash("sha256")
    .update(FILES.map((f) => contents[f]).join("\0"))
    .digest("hex")
    .slice(0, 16);
  const key = `reference-data:${digest}`;
  if (await db.jobRun.findUnique({ where: { key } })) return "current";

  const districts = JSON.parse(contents["districts.json"]!) as DistrictFile;
  const sep = { separator: ";" };
  const postalCodes = parseCsvRecords(contents["postal-codes.csv"]!, sep);
  const kldb = parseCsvRecords(contents["kldb.csv"]!, sep);
  const occupations = parseCsvRecords(contents["occupations.csv"]!, sep);
  const stations = parseCsvRecords(contents["rail-stations.csv"]!, sep);

  await db.$transaction(
    async (tx) => {
      for (const d of districts) {
        const data = {
          name: d.name,
          served: d.served,
          latitude: d.latitude,
          longitude: d.longitude,
        };
        await tx.district.upsert({
          where: { ags: d.ags },
          create: { ags: d.ags, ...data },
          update: data,
        });
      }
      await tx.districtNeighbour.deleteMany();
      await tx.districtNeighbour.createMany({
        data: districts.flatMap((d) =>
          d.neighbours.map((n) => ({ districtAgs: d.ags, neighbourAgs: n })),
        ),
      });
      await tx.postalCode.deleteMany();
      await tx.postalCode.createMany({
        data: postalCodes.map((p) => ({
          plz: p.plz!,
          districtAgs: p.ags!,
          places: p.places!,
          latitude: Number(p.latitude),
          longitude: Number(p.longitude),
          spansDistricts: p.spans_districts === "1",
        })),
      });
      await tx.railStation.deleteMany();
      await tx.railStation.createMany({
        data: stations.map((r) => ({
          eva: r.eva!,
          name: r.name!,
          latitude: Number(r.latitude),
          longitude: Number(r.longitude),
          category: Number(r.category),
        })),
      });
      const existing = new Set(
        (await tx.kldbUnit.findMany({ select: { code: true } })).map((k) => k.code),
      );
      // Parents first, so every parentCode exists when its child is written.
      const sorted = [...kldb].sort((a, b) => Number(a.level) - Number(b.level));
      const rows = sorted.map((k) => ({
        code: k.code!,
        level: Number(k.level),
        title: k.title!,
        shortTitle: k.short_title!,
        parentCode: k.parent_code || null,
      }));
      await tx.kldbUnit.createMany({ data: rows.filter((r) => !existing.has(r.code)) });
      for (const r of rows.filter((r) => existing.has(r.code))) {
        await tx.kldbUnit.update({ where: { code: r.code }, data: r });
      }
      for (const o of occupations) {
        const data = {
          kldbOccupationNumber: o.kldb_occupation_number!,
          kldbCode: o.kldb_code!,
          durationMonths: Number(o.duration_months) || null,
          active: true,
        };
        await tx.occupation.upsert({
          where: { title: o.title! },
          create: { title: o.title!, ...data },
          update: data,
        });
      }
      await tx.jobRun.create({ data: { key } });
    },
    { timeout: 120_000 },
  );
  return "loaded";
}
