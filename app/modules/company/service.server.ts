import { db, type Prisma } from "~/db.server";
import { type ListParams, skipTake, toPage } from "~/lib/list-params";
import type { COMPANY_SORTS, OUTREACH_STATUSES } from "./values";

export type CompanyListFilters = {
  districtAgs?: string | null;
  status?: (typeof OUTREACH_STATUSES)[number] | null;
};

const ORDER: Record<
  (typeof COMPANY_SORTS)[number],
  (dir: "asc" | "desc") => Prisma.CompanyOrderByWithRelationInput
> = {
  name: (dir) => ({ name: dir }),
  plz: (dir) => ({ plz: dir }),
  status: (dir) => ({ outreachStatus: dir }),
  lastContact: (dir) => ({ lastContactAt: { sort: dir, nulls: "last" } }),
};

export async function listCompanies(
  params: ListParams<(typeof COMPANY_SORTS)[number]>,
  filters: CompanyListFilters = {},
) {
  const where: Prisma.CompanyWhereInput = {
    archivedAt: null,
    ...(filters.districtAgs ? { districtAgs: filters.districtAgs } : {}),
    ...(filters.status ? { outreachStatus: filters.status } : {}),
    ...(params.q
      ? {
          OR: [
            { name: { contains: params.q } },
            { normalizedName: { contains: params.q.toLowerCase() } },
            { city: { contains: params.q } },
            { plz: { startsWith: params.q } },
          ],
        }
      : {}),
  };
  const [rows, count] = await Promise.all([
    db.company.findMany({
      where,
      orderBy: [ORDER[params.sort](params.dir), { id: "asc" }],
      ...skipTake(params),
      select: {
        id: true,
        name: true,
        plz: true,
        city: true,
        outreachStatus: true,
        partTimeReadiness: true,
        multiplierType: true,
        lastContactAt: true,
        district: { select: { name: true } },
        owner: { select: { name: true } },
        _count: { select: { offers: { where: { archivedAt: null } } } },
      },
    }),
    db.company.count({ where }),
  ]);
  return toPage(rows, count, params);
}

/** The served districts for filters and forms. */
export function listServedDistricts() {
  return db.district.findMany({
    where: { served: true },
    orderBy: { name: "asc" },
    select: { ags: true, name: true },
  });
}
