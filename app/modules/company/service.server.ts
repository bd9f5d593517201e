import type { z } from "zod";
import {
  db,
  engine,
  likeContains,
  Prisma,
  queryRows,
  sqlBool,
  sqlChoice,
  sqlCount,
  sqlDate,
  sqlInstantOrNull,
  sqlJoined,
  sqlLike,
  sqlText,
  sqlTextOrNull,
} from "~/db.server";
import { addDays, startOfDay, today } from "~/lib/day";
import {
  type DayRange,
  dayRangeParam,
  type ListParams,
  parseListParams,
  pickParam,
  skipTake,
  toPage,
} from "~/lib/list-params";
import type { Sheet } from "~/lib/spreadsheet.server";
import { foldText } from "~/lib/text";
import { t } from "~/messages";
import { auditExport } from "~/modules/audit/audit.server";
import type { SessionUser } from "~/modules/auth/session.server";
import { listServedDistricts } from "~/modules/reference/lists.server";
import { companyExportHeader, companyExportRow } from "./columns";
import { ASSIGNABLE_ROLES } from "./detail.server";
import {
  COMPANY_SORTS,
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
  /** Counted as informed about part-time apprenticeship in this range (report links). */
  informed?: DayRange | null;
};

// Sort columns; the id breaks ties in the same direction so the covering indexes serve the order.
const ORDER_COLUMN: Record<(typeof COMPANY_SORTS)[number], string> = {
  name: "name",
  plz: "plz",
  status: '"outreachStatus"',
  // NULL (never contacted) sorts as the oldest (SQLite's order; PostgreSQL is told so).
  lastContact: '"lastContactAt"',
};
const orderBy = (params: ListParams<(typeof COMPANY_SORTS)[number]>, alias = "") => {
  const dir = params.dir === "desc" ? "DESC" : "ASC";
  const nulls = engine === "postgres" ? (dir === "ASC" ? " NULLS FIRST" : " NULLS LAST") : "";
  return Prisma.raw(`${alias}${ORDER_COLUMN[params.sort]} ${dir}${nulls}, ${alias}id ${dir}`);
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
    informed: dayRangeParam(url, "informiert"),
  };
}

/** The list filters as an SQL condition on `Company c`. */
export function companyCondition(
  q: string,
  filters: CompanyListFilters,
  now = new Date(),
): Prisma.Sql {
  const and: Prisma.Sql[] = [Prisma.sql`c."archivedAt" IS NULL`];
  if (filters.districtAgs) and.push(Prisma.sql`c."districtAgs" = ${filters.districtAgs}`);
  if (filters.status) and.push(Prisma.sql`c."outreachStatus" = ${filters.status}`);
  if (filters.partTimeReadiness)
    and.push(Prisma.sql`c."partTimeReadiness" = ${filters.partTimeReadiness}`);
  if (filters.ownerId) and.push(Prisma.sql`c."ownerId" = ${filters.ownerId}`);
  if (filters.multiplier === "ja") and.push(Prisma.sql`c."multiplierType" IS NOT NULL`);
  else if (filters.multiplier) and.push(Prisma.sql`c."multiplierType" = ${filters.multiplier}`);
  if (filters.tag)
    and.push(Prisma.sql`EXISTS (SELECT 1 FROM "CompanyTag" ct JOIN "Tag" t ON t.id = ct."tagId"
      WHERE ct."companyId" = c.id AND t.name = ${filters.tag})`);
  if (filters.occupationId)
    and.push(Prisma.sql`EXISTS (SELECT 1 FROM "TrainingOffer" o WHERE o."companyId" = c.id
      AND o."occupationId" = ${filters.occupationId} AND o."archivedAt" IS NULL)`);
  if (filters.informed)
    and.push(Prisma.sql`c."informedAt" >= ${sqlDate(filters.informed.since)}
      AND c."informedAt" < ${sqlDate(filters.informed.until)}`);
  if (filters.noContactDays) {
    // No contact for at least that many days: the last one was on that day before today or earlier.
    const since = startOfDay(addDays(today(now), 1 - filters.noContactDays));
    and.push(Prisma.sql`(c."lastContactAt" IS NULL OR c."lastContactAt" < ${sqlDate(since)})`);
  }
  if (q) {
    const text = likeContains(q);
    const or = [
      Prisma.sql`c.name ${sqlLike()} ${text} ESCAPE '\\'`,
      Prisma.sql`c."normalizedName" LIKE ${likeContains(foldText(q))} ESCAPE '\\'`,
      Prisma.sql`c.city ${sqlLike()} ${text} ESCAPE '\\'`,
    ];
    if (/^\d+$/.test(q)) or.push(Prisma.sql`c.plz LIKE ${`${q}%`}`);
    and.push(Prisma.sql`(${Prisma.join(or, " OR ")})`);
  }
  return Prisma.join(and, " AND ");
}

const LIST_ROW = {
  id: sqlText,
  name: sqlText,
  plz: sqlTextOrNull,
  city: sqlTextOrNull,
  outreachStatus: sqlChoice(OUTREACH_STATUSES),
  partTimeReadiness: sqlChoice(PART_TIME_READINESS),
  multiplierType: sqlTextOrNull,
  lastContactAt: sqlInstantOrNull,
  districtName: sqlTextOrNull,
  ownerName: sqlTextOrNull,
};

/**
 * One page of the company list. The page's ids come from a covering index first (so deep pages
 * skip index entries, not rows); only those 25 rows are then read with their joins.
 */
export async function listCompanies(
  params: ListParams<(typeof COMPANY_SORTS)[number]>,
  filters: CompanyListFilters = {},
) {
  const where = companyCondition(params.q, filters);
  const { skip, take } = skipTake(params);
  const [rows, counted] = await Promise.all([
    queryRows(
      { ...LIST_ROW, openOffers: sqlCount },
      Prisma.sql`SELECT c.id, c.name, c.plz, c.city, c."outreachStatus", c."partTimeReadiness",
        c."multiplierType", c."lastContactAt", d.name AS "districtName", u.name AS "ownerName",
        (SELECT count(*) FROM "TrainingOffer" o WHERE o."companyId" = c.id AND o."archivedAt" IS NULL) AS "openOffers"
      FROM "Company" c LEFT JOIN "District" d ON d.ags = c."districtAgs" LEFT JOIN "User" u ON u.id = c."ownerId"
      WHERE c.id IN (SELECT c.id FROM "Company" c WHERE ${where} ORDER BY ${orderBy(params, "c.")} LIMIT ${take} OFFSET ${skip})
      ORDER BY ${orderBy(params, "c.")}`,
    ),
    queryRows(
      { count: sqlCount },
      Prisma.sql`SELECT count(*) AS count FROM "Company" c WHERE ${where}`,
    ),
  ]);
  return toPage(rows, counted[0]?.count ?? 0, params);
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

const EXPORT_ROW = {
  ...LIST_ROW,
  legalForm: sqlTextOrNull,
  street: sqlTextOrNull,
  industry: sqlTextOrNull,
  size: sqlTextOrNull,
  website: sqlTextOrNull,
  phone: sqlTextOrNull,
  email: sqlTextOrNull,
  isTrainingCompany: sqlBool,
  takesInternships: sqlBool,
  informedAt: sqlInstantOrNull,
  tags: sqlTextOrNull,
};
export type CompanyExportRow = z.output<z.ZodObject<typeof EXPORT_ROW>>;

/** All companies of a list view (same filters and order, no paging) for export. */
export async function exportCompanies(
  params: ListParams<(typeof COMPANY_SORTS)[number]>,
  filters: CompanyListFilters,
  limit = 100_000,
  /** Only these rows of the view (the ticked ones); none: the whole view. */
  onlyIds: string[] = [],
) {
  const only = onlyIds.length
    ? Prisma.sql` AND c.id IN (${Prisma.join(onlyIds.slice(0, 500))})`
    : Prisma.empty;
  return queryRows(
    EXPORT_ROW,
    Prisma.sql`SELECT c.id, c.name, c."legalForm", c.street, c.plz, c.city, c.industry, c.size, c.website,
      c.phone, c.email, c."outreachStatus", c."partTimeReadiness", c."isTrainingCompany",
      c."takesInternships", c."multiplierType", c."informedAt", c."lastContactAt",
      d.name AS "districtName", u.name AS "ownerName",
      (SELECT ${sqlJoined(Prisma.sql`t.name`, ", ")} FROM "CompanyTag" ct JOIN "Tag" t ON t.id = ct."tagId"
        WHERE ct."companyId" = c.id) AS tags
    FROM "Company" c LEFT JOIN "District" d ON d.ags = c."districtAgs" LEFT JOIN "User" u ON u.id = c."ownerId"
    WHERE ${companyCondition(params.q, filters)}${only}
    ORDER BY ${orderBy(params, "c.")} LIMIT ${limit}`,
  );
}

/**
 * The company list as a sheet, with the filters and order of the view it was started from
 * (columns from columns.ts); the export is audited.
 */
export async function exportCompanySheet(
  user: SessionUser,
  url: URL,
  meta: { ip?: string; format: string },
): Promise<Sheet> {
  const served = (await listServedDistricts()).map((d) => d.ags);
  const params = parseListParams(url, { sortable: COMPANY_SORTS, defaultSort: "name" });
  // From the bulk bar: the ticked rows, unless all rows of the filter were chosen.
  const ticked = url.searchParams.get("alle") === "on" ? [] : url.searchParams.getAll("ids");
  const rows = await exportCompanies(params, parseCompanyFilters(url, served), 100_000, ticked);
  await auditExport({
    actorId: user.id,
    entityType: "company",
    what: meta.format,
    rows: rows.length,
    view: url.search,
    ip: meta.ip,
  });
  return {
    name: t("company.title"),
    header: companyExportHeader(),
    rows: rows.map(companyExportRow),
  };
}

/** Values for the filter menus of the company list, in one query. */
export async function companyFilterOptions() {
  const [districts, rows] = await Promise.all([
    listServedDistricts(),
    queryRows(
      { kind: sqlChoice(["owner", "tag", "occupation"]), value: sqlText, label: sqlText },
      Prisma.sql`SELECT 'owner' AS kind, id AS value, name AS label FROM "User"
        WHERE active AND role IN (${Prisma.join([...ASSIGNABLE_ROLES])})
      UNION ALL SELECT * FROM (SELECT 'tag', name, name FROM "Tag" ORDER BY name LIMIT 500) AS tags
      UNION ALL SELECT 'occupation', o.id, o.title FROM "Occupation" o WHERE EXISTS
        (SELECT 1 FROM "TrainingOffer" t WHERE t."occupationId" = o.id AND t."archivedAt" IS NULL)
      ORDER BY kind, label`,
    ),
  ]);
  const of = (kind: string) => rows.filter((r) => r.kind === kind);
  return {
    districts,
    owners: of("owner").map((r) => ({ id: r.value, name: r.label })),
    tags: of("tag").map((r) => r.label),
    occupations: of("occupation").map((r) => ({ id: r.value, title: r.label })),
  };
}
