import { db, type Prisma } from "~/db.server";
import { type ListParams, skipTake, toPage } from "~/lib/list-params";
import { type COMPANY_SORTS, OUTREACH_STATUSES } from "./values";

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

/** The kanban board: per status the most recently contacted companies and the total count. */
export async function pipelineBoard(
  filters: { districtAgs?: string | null; ownerId?: string | null },
  perColumn = 30,
) {
  const base = {
    archivedAt: null,
    ...(filters.districtAgs ? { districtAgs: filters.districtAgs } : {}),
    ...(filters.ownerId ? { ownerId: filters.ownerId } : {}),
  };
  const counts = await db.company.groupBy({ by: ["outreachStatus"], where: base, _count: true });
  const countBy = new Map(counts.map((c) => [c.outreachStatus, c._count]));
  return Promise.all(
    OUTREACH_STATUSES.map(async (status) => ({
      status,
      count: countBy.get(status) ?? 0,
      cards: await db.company.findMany({
        where: { ...base, outreachStatus: status },
        orderBy: [{ lastContactAt: { sort: "desc", nulls: "last" } }, { id: "asc" }],
        take: perColumn,
        select: {
          id: true,
          name: true,
          city: true,
          lastContactAt: true,
          partTimeReadiness: true,
          owner: { select: { name: true } },
        },
      }),
    })),
  );
}
