import { db, type Prisma } from "~/db.server";
import { type ListParams, skipTake, toPage } from "~/lib/list-params";
import type { OFFER_SORTS } from "./values";

/**
 * Offers that can still take someone: free places, company not archived and not "Kein Interesse".
 * Free places are counted in the database (places > placesFilled) so paging stays exact.
 */
export async function listOpenOffers(
  params: ListParams<(typeof OFFER_SORTS)[number]>,
  filters: { districtAgs?: string | null; partTimeOnly?: boolean } = {},
) {
  const where: Prisma.TrainingOfferWhereInput = {
    archivedAt: null,
    places: { gt: db.trainingOffer.fields.placesFilled },
    ...(filters.partTimeOnly ? { partTimePossible: true } : {}),
    company: {
      archivedAt: null,
      outreachStatus: { not: "kein_interesse" },
      ...(filters.districtAgs ? { districtAgs: filters.districtAgs } : {}),
    },
    ...(params.q
      ? {
          OR: [
            { occupation: { title: { contains: params.q } } },
            { occupation: { kldbCode: { startsWith: params.q } } },
            { company: { name: { contains: params.q } } },
          ],
        }
      : {}),
  };
  const orderBy: Prisma.TrainingOfferOrderByWithRelationInput =
    params.sort === "company"
      ? { company: { name: params.dir } }
      : params.sort === "start"
        ? { startDate: { sort: params.dir, nulls: "last" } }
        : { occupation: { title: params.dir } };
  const [rows, count] = await Promise.all([
    db.trainingOffer.findMany({
      where,
      orderBy: [orderBy, { id: "asc" }],
      ...skipTake(params),
      select: {
        id: true,
        places: true,
        placesFilled: true,
        partTimePossible: true,
        internshipPossible: true,
        startDate: true,
        occupation: { select: { title: true, kldbCode: true } },
        company: {
          select: {
            name: true,
            city: true,
            partTimeReadiness: true,
            district: { select: { name: true } },
          },
        },
      },
    }),
    db.trainingOffer.count({ where }),
  ]);
  return toPage(
    rows.map(({ places, placesFilled, ...r }) => ({ ...r, free: places - placesFilled })),
    count,
    params,
  );
}
