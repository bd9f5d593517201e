import { db } from "~/db.server";
import { referenceCache } from "./cache.server";

// Reference lists every module and form uses, cached until the reference data changes.

/** Occupations for the offer form, sorted by title. */
export const listOccupations = referenceCache(() =>
  db.occupation.findMany({
    where: { active: true },
    orderBy: { title: "asc" },
    select: { id: true, title: true, kldbCode: true, durationMonths: true },
  }),
);

/** The served districts for filters and forms. */
export const listServedDistricts = referenceCache(() =>
  db.district.findMany({
    where: { served: true },
    orderBy: { name: "asc" },
    select: { ags: true, name: true },
  }),
);
