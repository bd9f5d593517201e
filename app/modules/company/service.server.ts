import { db, type Prisma } from "~/db.server";
import { type ListParams, pickParam, skipTake, toPage } from "~/lib/list-params";
import { foldText } from "~/lib/text";
import { listAssignableUsers } from "./detail.server";
import {
  type COMPANY_SORTS,
  MULTIPLIER_TYPES,
  NO_CONTACT_DAYS,
  OUTREACH_STATUSES,
  PART_TIME_READINESS,
} from "./values";

export type CompanyListFilters = {
  districtAgs?: string | null;
  status?: (typeof OUTREACH_STATUSES)[number] | null;
  partTimeReadiness?: (typeof PART_TIME_READINESS)[number] | null;
  ownerId?: string | null;
  /** "ja" = any multiplier, or one type */
  multiplier?: string | null;
  tag?: string | null;
  occupationId?: string | null;
  /** No contact for at least this many days (or never). */
  noContactDays?: number | null;
};

const ORDER: Record<
  (typeof COMPANY_SORTS)[number],
  (dir: "asc" | "desc") => Prisma.CompanyOrderByWithRelationInput
> = {
  name: (dir) => ({ name: dir }),
  plz: (dir) => ({ plz: dir }),
  status: (dir) => ({ outreachStatus: dir }),
  // Plain order so SQLite can walk the index; NULL (never contacted) sorts as the oldest.
  lastContact: (dir) => ({ lastContactAt: dir }),
};

/** Reads the list filters from the URL; unknown values are ignored. */
export function parseCompanyFilters(url: URL, districtCodes: string[]): CompanyListFilters {
  const sp = url.searchParams;
  const id = (name: string) => {
    const v = sp.get(name);
    return v && v.length <= 64 ? v : null;
  };
  const multiplier = sp.get("multiplikator");
  const days = pickParam(url, "ohneKontakt", NO_CONTACT_DAYS);
  return {
    districtAgs: pickParam(url, "kreis", districtCodes),
    status: pickParam(url, "status", OUTREACH_STATUSES),
    partTimeReadiness: pickParam(url, "tz", PART_TIME_READINESS),
    ownerId: id("zustaendig"),
    multiplier:
      multiplier === "ja" || (MULTIPLIER_TYPES as readonly string[]).includes(multiplier ?? "")
        ? multiplier
        : null,
    tag: sp.get("schlagwort")?.slice(0, 60) || null,
    occupationId: id("beruf"),
    noContactDays: days ? Number(days) : null,
  };
}

export function companyWhere(
  q: string,
  filters: CompanyListFilters,
  now = new Date(),
): Prisma.CompanyWhereInput {
  const folded = foldText(q);
  const and: Prisma.CompanyWhereInput[] = [{ archivedAt: null }];
  if (filters.districtAgs) and.push({ districtAgs: filters.districtAgs });
  if (filters.status) and.push({ outreachStatus: filters.status });
  if (filters.partTimeReadiness) and.push({ partTimeReadiness: filters.partTimeReadiness });
  if (filters.ownerId) and.push({ ownerId: filters.ownerId });
  if (filters.multiplier)
    and.push({ multiplierType: filters.multiplier === "ja" ? { not: null } : filters.multiplier });
  if (filters.tag) and.push({ tags: { some: { tag: { name: filters.tag } } } });
  if (filters.occupationId)
    and.push({ offers: { some: { occupationId: filters.occupationId, archivedAt: null } } });
  if (filters.noContactDays) {
    const before = new Date(now.getTime() - filters.noContactDays * 24 * 60 * 60 * 1000);
    and.push({ OR: [{ lastContactAt: null }, { lastContactAt: { lt: before } }] });
  }
  if (q) {
    and.push({
      OR: [
        { name: { contains: q } },
        { normalizedName: { contains: folded } },
        { city: { contains: q } },
        { plz: { startsWith: q } },
      ],
    });
  }
  return { AND: and };
}

export async function listCompanies(
  params: ListParams<(typeof COMPANY_SORTS)[number]>,
  filters: CompanyListFilters = {},
) {
  const where = companyWhere(params.q, filters);
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

/** All companies of a list view (same filters and order, no paging) for export. */
export async function exportCompanies(
  params: ListParams<(typeof COMPANY_SORTS)[number]>,
  filters: CompanyListFilters,
  limit = 100_000,
) {
  return db.company.findMany({
    where: companyWhere(params.q, filters),
    orderBy: [ORDER[params.sort](params.dir), { id: "asc" }],
    take: limit,
    select: {
      name: true,
      legalForm: true,
      street: true,
      plz: true,
      city: true,
      industry: true,
      size: true,
      website: true,
      phone: true,
      email: true,
      outreachStatus: true,
      partTimeReadiness: true,
      isTrainingCompany: true,
      takesInternships: true,
      multiplierType: true,
      informedAt: true,
      lastContactAt: true,
      district: { select: { name: true } },
      owner: { select: { name: true } },
      tags: { select: { tag: { select: { name: true } } } },
    },
  });
}

/** Values for the filter menus of the company list. */
export async function companyFilterOptions() {
  const [districts, owners, tags, occupations] = await Promise.all([
    listServedDistricts(),
    listAssignableUsers(),
    db.tag.findMany({ orderBy: { name: "asc" }, take: 500, select: { name: true } }),
    db.occupation.findMany({
      where: { offers: { some: { archivedAt: null } } },
      orderBy: { title: "asc" },
      select: { id: true, title: true },
    }),
  ]);
  return { districts, owners, tags: tags.map((t) => t.name), occupations };
}
