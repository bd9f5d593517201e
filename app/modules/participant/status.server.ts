import type { db, Tx } from "~/db.server";
import { t } from "~/messages";
import { audit } from "~/modules/audit/audit.server";
import { nextParticipantStatus, type ParticipantStatusEvent } from "./values";

/**
 * The one writer of a participant's status outside the form: applies the rule in values.ts
 * inside the caller's transaction, counts the change in the record's version (unless the caller
 * already did) and audits it. Returns the status after the event.
 */
export async function moveParticipantStatus(
  tx: Tx | typeof db,
  actorId: string | null,
  participantId: string,
  event: ParticipantStatusEvent,
  options: { ip?: string; versionBumped?: boolean } = {},
) {
  const current = await tx.participant.findUniqueOrThrow({
    where: { id: participantId },
    select: { status: true },
  });
  const status = nextParticipantStatus(current.status, event);
  if (status === current.status) return status;
  await tx.participant.update({
    where: { id: participantId },
    data: { status, ...(options.versionBumped ? {} : { version: { increment: 1 } }) },
  });
  await audit(
    {
      actorId,
      action: "update",
      entityType: "participant",
      entityId: participantId,
      before: { status: current.status },
      after: { status },
      detail: t(`participantStatusEvent.${event}`),
      ip: options.ip,
    },
    tx,
  );
  return status;
}
