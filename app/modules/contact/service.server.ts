import { db, type Prisma } from "~/db.server";
import { type ListParams, skipTake, toPage } from "~/lib/list-params";
import type { CONTACT_SORTS } from "./values";

export async function listContacts(
  params: ListParams<(typeof CONTACT_SORTS)[number]>,
  filters: { multiplier?: boolean } = {},
) {
  const where: Prisma.ContactPersonWhereInput = {
    archivedAt: null,
    ...(filters.multiplier ? { multiplierType: { not: null } } : {}),
    ...(params.q
      ? {
          OR: [
            { lastName: { contains: params.q } },
            { firstName: { contains: params.q } },
            { email: { contains: params.q.toLowerCase() } },
            { company: { name: { contains: params.q } } },
          ],
        }
      : {}),
  };
  const orderBy: Prisma.ContactPersonOrderByWithRelationInput[] =
    params.sort === "company"
      ? [{ company: { name: params.dir } }, { lastName: "asc" }]
      : [{ lastName: params.dir }, { firstName: params.dir }];
  const [rows, count] = await Promise.all([
    db.contactPerson.findMany({
      where,
      orderBy: [...orderBy, { id: "asc" }],
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
        consents: {
          where: { purpose: "email_einladungen", withdrawnAt: null },
          select: { givenAt: true },
          orderBy: { givenAt: "desc" },
          take: 1,
        },
      },
    }),
    db.contactPerson.count({ where }),
  ]);
  return toPage(rows, count, params);
}
