import { db, type Prisma } from "~/db.server";
import { labelOf } from "~/labels";
import { type ListParams, parseListParams, skipTake, toPage } from "~/lib/list-params";
import type { Cell, Sheet } from "~/lib/spreadsheet.server";
import { type MessageKey, t } from "~/messages";
import { auditExport } from "~/modules/audit/audit.server";
import type { SessionUser } from "~/modules/auth/session.server";
import { CONTACT_SORTS } from "./values";

export type ContactListFilters = { multiplier?: boolean };

export function contactWhere(
  q: string,
  filters: ContactListFilters,
): Prisma.ContactPersonWhereInput {
  return {
    archivedAt: null,
    ...(filters.multiplier ? { multiplierType: { not: null } } : {}),
    ...(q
      ? {
          OR: [
            { lastName: { contains: q } },
            { firstName: { contains: q } },
            { email: { contains: q.toLowerCase() } },
            { company: { name: { contains: q } } },
          ],
        }
      : {}),
  };
}

function contactOrder(
  params: ListParams<(typeof CONTACT_SORTS)[number]>,
): Prisma.ContactPersonOrderByWithRelationInput[] {
  const order: Prisma.ContactPersonOrderByWithRelationInput[] =
    params.sort === "company"
      ? [{ company: { name: params.dir } }, { lastName: "asc" }]
      : [{ lastName: params.dir }, { firstName: params.dir }];
  return [...order, { id: "asc" }];
}

/** The contact's current consent to email invitations, if any. */
const currentEmailConsent = {
  where: { purpose: "email_einladungen", withdrawnAt: null },
  select: { givenAt: true },
  orderBy: { givenAt: "desc" },
  take: 1,
} satisfies Prisma.ContactPerson$consentsArgs;

export async function listContacts(
  params: ListParams<(typeof CONTACT_SORTS)[number]>,
  filters: ContactListFilters = {},
) {
  const where = contactWhere(params.q, filters);
  const [rows, count] = await Promise.all([
    db.contactPerson.findMany({
      where,
      orderBy: contactOrder(params),
      ...skipTake(params),
      select: {
        id: true,
        salutation: true,
        firstName: true,
        lastName: true,
        function: true,
        email: true,
        phone: true,
        multiplierType: true,
        emailInvalidAt: true,
        company: { select: { name: true } },
        consents: currentEmailConsent,
      },
    }),
    db.contactPerson.count({ where }),
  ]);
  return toPage(rows, count, params);
}

/** All contacts of a list view (same filters and order, no paging) for export. */
export function exportContacts(
  params: ListParams<(typeof CONTACT_SORTS)[number]>,
  filters: ContactListFilters,
  limit = 200_000,
  /** Only these rows of the view (the ticked ones); none: the whole view. */
  onlyIds: string[] = [],
) {
  return db.contactPerson.findMany({
    where: {
      ...contactWhere(params.q, filters),
      ...(onlyIds.length ? { id: { in: onlyIds.slice(0, 500) } } : {}),
    },
    orderBy: contactOrder(params),
    take: limit,
    select: {
      salutation: true,
      firstName: true,
      lastName: true,
      function: true,
      email: true,
      phone: true,
      multiplierType: true,
      emailInvalidAt: true,
      company: { select: { name: true } },
      consents: currentEmailConsent,
    },
  });
}

type ContactExportRow = Awaited<ReturnType<typeof exportContacts>>[number];

/** The contact's exported columns, defined once: header label and value. */
const CONTACT_COLUMNS: readonly { label: MessageKey; value: (c: ContactExportRow) => Cell }[] = [
  { label: "contact.salutation", value: (c) => c.salutation },
  { label: "contact.firstName", value: (c) => c.firstName },
  { label: "contact.lastName", value: (c) => c.lastName },
  { label: "contact.function", value: (c) => c.function },
  { label: "contact.company", value: (c) => c.company?.name },
  { label: "contact.email", value: (c) => c.email },
  { label: "contact.phone", value: (c) => c.phone },
  { label: "contact.consent", value: (c) => c.consents[0]?.givenAt ?? null },
  {
    label: "contact.multiplier",
    value: (c) => (c.multiplierType ? labelOf("multiplier", c.multiplierType) : null),
  },
  { label: "contact.emailInvalidSince", value: (c) => c.emailInvalidAt },
];

/** The contact list as a sheet, with the view's filters and order; the export is audited. */
export async function exportContactSheet(
  user: SessionUser,
  url: URL,
  meta: { ip?: string; format: string },
): Promise<Sheet> {
  const params = parseListParams(url, { sortable: CONTACT_SORTS, defaultSort: "name" });
  // From the bulk bar: the ticked rows, unless all rows of the filter were chosen.
  const ticked = url.searchParams.get("alle") === "on" ? [] : url.searchParams.getAll("ids");
  const rows = await exportContacts(params, parseContactFilters(url), 200_000, ticked);
  await auditExport({
    actorId: user.id,
    entityType: "contact",
    what: meta.format,
    rows: rows.length,
    view: url.search,
    ip: meta.ip,
  });
  return {
    name: t("contact.title"),
    header: CONTACT_COLUMNS.map((c) => t(c.label)),
    rows: rows.map((r) => CONTACT_COLUMNS.map((c) => c.value(r))),
  };
}

/** The list filters from the URL. */
export const parseContactFilters = (url: URL): ContactListFilters => ({
  multiplier: url.searchParams.get("multiplikator") === "ja",
});
