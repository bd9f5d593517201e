import { db, type Tx } from "~/db.server";
import { formatDate } from "~/lib/day";
import { AppError, fieldError } from "~/lib/errors";
import { t } from "~/messages";
import { audit } from "~/modules/audit/audit.server";
import type { SessionUser } from "~/modules/auth/session.server";
import { moveOutreach } from "~/modules/company/outreach.server";
import type { LogInteractionInput } from "./schema";
import { INFORMED_TOPIC, NEW_ENTRY_PARAM } from "./values";

/**
 * Logs a contact with a company in one transaction: the interaction and its topics, an optional
 * follow-up, the company's last contact, and the pipeline moving on (neu → kontaktiert, and
 * "über Teilzeitausbildung informiert" → informiert, which counts the company as informed).
 */
export async function logInteraction(
  user: SessionUser,
  companyId: string,
  input: LogInteractionInput,
  meta: { ip?: string } = {},
) {
  return db.$transaction((tx) => logInteractionIn(tx, user, companyId, input, meta));
}

/** The same inside the caller's transaction; `eventId` ties it to an event (attendance). */
export async function logInteractionIn(
  tx: Tx,
  user: SessionUser,
  companyId: string,
  input: LogInteractionInput,
  meta: { ip?: string; eventId?: string } = {},
) {
  {
    const company = await tx.company.findFirst({
      where: { id: companyId, archivedAt: null },
      select: { name: true, outreachStatus: true, informedAt: true, lastContactAt: true },
    });
    if (!company) throw new AppError(404, t("validation.notFound"));
    if (input.contactId) {
      const contact = await tx.contactPerson.findFirst({
        where: { id: input.contactId, companyId, archivedAt: null },
        select: { id: true },
      });
      if (!contact) throw fieldError("contactId", t("interaction.contactNotHere"));
    }
    if (input.followUpAssigneeId) {
      const assignee = await tx.user.findFirst({
        where: { id: input.followUpAssigneeId, active: true },
        select: { id: true },
      });
      if (!assignee) throw fieldError("followUpAssigneeId", t("field.invalidChoice"));
    }
    const interaction = await tx.interaction.create({
      data: {
        type: input.type,
        occurredAt: input.occurredAt,
        authorId: user.id,
        companyId,
        contactId: input.contactId,
        outcome: input.outcome,
        notes: input.notes,
        eventId: meta.eventId ?? null,
        topics: { create: input.topics.map((topic) => ({ topic })) },
      },
      select: { id: true },
    });
    let followUpId: string | null = null;
    if (input.followUpDue) {
      const followUp = await tx.followUp.create({
        data: {
          title: input.followUpTitle ?? t("interaction.followUpDefault", { name: company.name }),
          dueDate: input.followUpDue,
          assigneeId: input.followUpAssigneeId ?? user.id,
          createdById: user.id,
          companyId,
          contactId: input.contactId,
          interactionId: interaction.id,
        },
        select: { id: true },
      });
      followUpId = followUp.id;
    }

    if (!company.lastContactAt || company.lastContactAt < input.occurredAt)
      await tx.company.update({
        where: { id: companyId },
        data: { lastContactAt: input.occurredAt },
      });
    const informs = input.topics.includes(INFORMED_TOPIC);
    await moveOutreach(tx, user.id, { id: companyId, ...company }, [
      { kind: "contact", at: input.occurredAt, informs },
    ]);
    if (input.contactId) {
      await tx.contactPerson.updateMany({
        where: {
          id: input.contactId,
          OR: [{ lastContactAt: null }, { lastContactAt: { lt: input.occurredAt } }],
        },
        data: { lastContactAt: input.occurredAt },
      });
    }
    await audit(
      {
        actorId: user.id,
        action: "create",
        entityType: "interaction",
        entityId: interaction.id,
        after: { companyId, ...input },
        ip: meta.ip,
      },
      tx,
    );
    return { interactionId: interaction.id, followUpId, companyName: company.name };
  }
}

/** What the toast says after a logged contact: with the follow-up's day when one was set. */
export const loggedText = (input: LogInteractionInput, companyName: string) =>
  input.followUpDue
    ? t("interaction.savedWithFollowUp", { name: companyName, date: formatDate(input.followUpDue) })
    : t("interaction.saved", { name: companyName });

/** The page after a logged contact, marking the new entry in its Verlauf. */
export const withNewEntry = (path: string, interactionId: string) =>
  `${path}?${NEW_ENTRY_PARAM}=${encodeURIComponent(interactionId)}`;
