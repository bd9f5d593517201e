import { db, type Prisma } from "~/db.server";
import { type ListParams, skipTake, toPage } from "~/lib/list-params";
import type { CONTACT_SORTS } from "./values";

export type ContactListFilters = { multiplier?: boolean };

function contactWhere(q: string, filters: ContactListFilters): Prisma.ContactPersonWhereInput {
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
) {
  return db.contactPerson.findMany({
    where: contactWhere(params.q, filters),
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

/** The list filters from the URL. */
export const parseContactFilters = (url: URL): ContactListFilters => ({
  multiplier: url.searchParams.get("multiplikator") === "ja",
});
