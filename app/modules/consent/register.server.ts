import type { Tx } from "~/db.server";
import { labelOf } from "~/labels";
import { isAfterToday } from "~/lib/day";
import { AppError, fieldError } from "~/lib/errors";
import { t } from "~/messages";
import { audit } from "~/modules/audit/audit.server";
import type { SessionUser } from "~/modules/auth/session.server";
import { EMAIL_CONSENT } from "~/modules/contact/values";
import { PROFILE_CONSENT } from "~/modules/participant/values";

/** A purpose as people read it: "Fotos", "E-Mail-Einladungen". */
const purposeLabel = (purpose: string) =>
  purpose === EMAIL_CONSENT ? t("consent.emailPurpose") : labelOf("consentPurpose", purpose);

/** Whose consent it is: a contact person or a participant. */
export type ConsentOwner = { contactId: string } | { participantId: string };
export type ConsentInput = { givenAt: Date; method: string; note: string | null };

/**
 * A participant's consent belongs to the participant's record, so its audit entry does too (the
 * lead reads it in the participant's trail); a contact's consent is audited on its own.
 */
const auditTarget = (owner: ConsentOwner, consentId: string) =>
  "participantId" in owner
    ? { entityType: "participant" as const, entityId: owner.participantId }
    : { entityType: "consent" as const, entityId: consentId };

/**
 * The one consent register: records that the owner agreed to a purpose (when and how), inside
 * the caller's transaction. A purpose has at most one consent that is not withdrawn.
 */
export async function addConsent(
  tx: Tx,
  user: SessionUser,
  owner: ConsentOwner,
  purpose: string,
  input: ConsentInput,
  meta: { ip?: string } = {},
) {
  if (isAfterToday(input.givenAt)) throw fieldError("givenAt", t("consent.future"));
  const open = await tx.consent.findFirst({
    where: { ...owner, purpose, withdrawnAt: null },
    select: { id: true },
  });
  if (open) throw fieldError("givenAt", t("consent.alreadyGiven"));
  const consent = await tx.consent.create({
    data: { ...owner, purpose, ...input, recordedById: user.id },
    select: { id: true },
  });
  await audit(
    {
      actorId: user.id,
      action: "create",
      ...auditTarget(owner, consent.id),
      after: { consentId: consent.id, ...owner, purpose, ...input },
      detail: `Einwilligung erfasst: ${purposeLabel(purpose)}`,
      ip: meta.ip,
    },
    tx,
  );
}

/** Records the withdrawal of one of the owner's open consents. */
export async function endConsent(
  tx: Tx,
  user: SessionUser,
  owner: ConsentOwner,
  consentId: string,
  withdrawnAt: Date,
  meta: { ip?: string } = {},
) {
  const consent = await tx.consent.findFirst({
    where: { ...owner, id: consentId, withdrawnAt: null },
    select: { givenAt: true, purpose: true },
  });
  if (!consent) throw new AppError(404, t("validation.notFound"));
  if (withdrawnAt < consent.givenAt)
    throw fieldError("withdrawnAt", t("consent.withdrawBeforeGiven"));
  await tx.consent.update({ where: { id: consentId }, data: { withdrawnAt } });
  await audit(
    {
      actorId: user.id,
      action: "update",
      ...auditTarget(owner, consentId),
      after: { consentId, withdrawnAt },
      detail: `Einwilligung widerrufen: ${purposeLabel(consent.purpose)}`,
      ip: meta.ip,
    },
    tx,
  );
  return { notice: withdrawalNotice(consent.purpose) };
}

/**
 * What a withdrawal stops, said to the person who records it: no more invitation emails, no
 * more short profile for employers, no more photos.
 */
export function withdrawalNotice(purpose: string): string {
  if (purpose === EMAIL_CONSENT) return t("consent.stoppedEmail");
  if (purpose === PROFILE_CONSENT) return t("consent.stoppedProfile");
  if (purpose === "fotos") return t("consent.stoppedPhotos");
  return t("consent.withdrawSaved");
}
