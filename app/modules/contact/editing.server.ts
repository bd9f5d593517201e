import { db, type Tx } from "~/db.server";
import { AppError, fieldError } from "~/lib/errors";
import { personSearchName } from "~/lib/text";
import { t } from "~/messages";
import { audit } from "~/modules/audit/audit.server";
import type { Scope } from "~/modules/auth/permissions";
import type { SessionUser } from "~/modules/auth/session.server";
import { allowedOwner } from "~/modules/company/owner.server";
import { addConsent, type ConsentInput, endConsent } from "~/modules/consent/register.server";
import type { ContactInput } from "./schema";
import { EMAIL_CONSENT } from "./values";

type Meta = { ip?: string };

async function checkCompany(tx: Tx, companyId: string | null) {
  if (!companyId) return;
  const company = await tx.company.findFirst({
    where: { id: companyId, archivedAt: null },
    select: { id: true },
  });
  if (!company) throw fieldError("companyId", t("contact.companyUnknown"));
}

export async function createContact(user: SessionUser, input: ContactInput, meta: Meta = {}) {
  return db.$transaction(async (tx) => {
    await checkCompany(tx, input.companyId);
    const contact = await tx.contactPerson.create({
      data: {
        ...input,
        normalizedName: personSearchName(input.firstName, input.lastName),
        ownerId: await allowedOwner(tx, user, "contact", user.id, input.ownerId ?? user.id),
        ...(input.companyId
          ? { employments: { create: { companyId: input.companyId, function: input.function } } }
          : {}),
      },
      select: { id: true, firstName: true, lastName: true },
    });
    await audit(
      {
        actorId: user.id,
        action: "create",
        entityType: "contact",
        entityId: contact.id,
        after: input,
        ip: meta.ip,
      },
      tx,
    );
    return contact;
  });
}

/**
 * Saves a contact (optimistic locking). Moving to another company closes the current
 * employment and opens a new one, so the history stays.
 */
export async function updateContact(
  user: SessionUser,
  id: string,
  input: ContactInput & { version: number },
  meta: Meta = {},
) {
  return db.$transaction(async (tx) => {
    const current = await tx.contactPerson.findFirst({ where: { id, archivedAt: null } });
    if (!current) throw new AppError(404, t("validation.notFound"));
    if (current.version !== input.version) throw new AppError(409, t("error.stale"));
    await checkCompany(tx, input.companyId);
    const { version, ...data } = input;
    const updated = await tx.contactPerson.updateMany({
      where: { id, version },
      data: {
        ...data,
        ownerId: await allowedOwner(tx, user, "contact", current.ownerId, data.ownerId),
        normalizedName: personSearchName(data.firstName, data.lastName),
        version: { increment: 1 },
      },
    });
    if (updated.count !== 1) throw new AppError(409, t("error.stale"));
    if (current.companyId !== input.companyId) {
      const now = new Date();
      await tx.contactEmployment.updateMany({
        where: { contactId: id, endedAt: null },
        data: { endedAt: now },
      });
      if (input.companyId) {
        await tx.contactEmployment.create({
          data: {
            contactId: id,
            companyId: input.companyId,
            function: input.function,
            startedAt: now,
          },
        });
      }
    }
    await audit(
      {
        actorId: user.id,
        action: "update",
        entityType: "contact",
        entityId: id,
        before: current,
        after: data,
        ip: meta.ip,
      },
      tx,
    );
    return { name: `${input.firstName} ${input.lastName}` };
  });
}

export async function archiveContact(user: SessionUser, scope: Scope, id: string, meta: Meta = {}) {
  return db.$transaction(async (tx) => {
    const current = await tx.contactPerson.findFirst({
      where: { id, archivedAt: null },
      select: { firstName: true, lastName: true, ownerId: true },
    });
    if (!current) throw new AppError(404, t("validation.notFound"));
    if (scope === "own" && current.ownerId !== user.id)
      throw new AppError(403, t("error.403.text"));
    await tx.contactPerson.update({
      where: { id },
      data: { archivedAt: new Date(), version: { increment: 1 } },
    });
    await audit(
      { actorId: user.id, action: "archive", entityType: "contact", entityId: id, ip: meta.ip },
      tx,
    );
    return { name: `${current.firstName} ${current.lastName}` };
  });
}

/** Records that the contact agreed to email invitations (when and how). */
export async function recordEmailConsent(
  user: SessionUser,
  contactId: string,
  input: ConsentInput,
  meta: Meta = {},
) {
  return db.$transaction(async (tx) => {
    const contact = await tx.contactPerson.findFirst({
      where: { id: contactId, archivedAt: null },
      select: { id: true },
    });
    if (!contact) throw new AppError(404, t("validation.notFound"));
    await addConsent(tx, user, { contactId }, EMAIL_CONSENT, input, meta);
  });
}

export async function withdrawConsent(
  user: SessionUser,
  contactId: string,
  consentId: string,
  withdrawnAt: Date,
  meta: Meta = {},
) {
  return db.$transaction((tx) => endConsent(tx, user, { contactId }, consentId, withdrawnAt, meta));
}

export async function getContact(id: string) {
  return db.contactPerson.findFirst({
    where: { id, archivedAt: null },
    select: {
      id: true,
      salutation: true,
      firstName: true,
      lastName: true,
      function: true,
      email: true,
      phone: true,
      mobile: true,
      companyId: true,
      multiplierType: true,
      ownerId: true,
      notes: true,
      version: true,
      emailInvalidAt: true,
      company: { select: { id: true, name: true } },
      owner: { select: { name: true } },
      employments: {
        orderBy: { startedAt: "desc" },
        select: {
          id: true,
          startedAt: true,
          endedAt: true,
          function: true,
          company: { select: { id: true, name: true } },
        },
      },
      consents: {
        orderBy: { givenAt: "desc" },
        select: {
          id: true,
          purpose: true,
          givenAt: true,
          method: true,
          withdrawnAt: true,
          note: true,
          recordedBy: { select: { name: true } },
        },
      },
    },
  });
}

/** Companies for the contact form's company choice. */
export function listCompanyChoices() {
  return db.company.findMany({
    where: { archivedAt: null },
    orderBy: { name: "asc" },
    take: 5000,
    select: { id: true, name: true, city: true },
  });
}
