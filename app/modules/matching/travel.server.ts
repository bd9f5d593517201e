import { db } from "~/db.server";
import { AppError, fieldError } from "~/lib/errors";
import { t } from "~/messages";
import { audit } from "~/modules/audit/audit.server";
import type { Scope } from "~/modules/auth/permissions";
import type { SessionUser } from "~/modules/auth/session.server";
import { participantScope } from "~/modules/participant/access.server";
import type { TravelTimeInput } from "./schema";
import { travelMode } from "./score";

/**
 * Stores the real travel time from a participant's PLZ to an offer's company PLZ for her mode
 * (car or public transport): one row per PLZ pair and mode, used for everyone who travels it and
 * shown as "bekannt". A later entry replaces the earlier one.
 */
export async function recordTravelTime(
  user: SessionUser,
  scope: Scope,
  participantId: string,
  input: TravelTimeInput,
  meta: { ip?: string } = {},
) {
  const participant = await db.participant.findFirst({
    where: { id: participantId, archivedAt: null, ...participantScope(user, scope) },
    select: { plz: true, hasCar: true, drivingLicence: true },
  });
  if (!participant) throw new AppError(404, t("validation.notFound"));
  const offer = await db.trainingOffer.findUnique({
    where: { id: input.offerId },
    select: { company: { select: { plz: true } } },
  });
  if (!offer) throw new AppError(404, t("validation.notFound"));
  if (!participant.plz || !offer.company.plz)
    throw fieldError("minutes", t("matching.travelTimeNoPlz"));
  const key = {
    fromPlz: participant.plz,
    toPlz: offer.company.plz,
    mode: travelMode(participant),
  };
  const saved = await db.travelTime.upsert({
    where: { fromPlz_toPlz_mode: key },
    create: { ...key, minutes: input.minutes, enteredById: user.id },
    update: { minutes: input.minutes, enteredById: user.id },
  });
  await audit({
    actorId: user.id,
    action: "update",
    entityType: "travel_time",
    entityId: saved.id,
    after: { ...key, minutes: input.minutes },
    ip: meta.ip,
  });
  return saved;
}
