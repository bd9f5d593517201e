import { db } from "~/db.server";
import { AppError, fieldError } from "~/lib/errors";
import { t } from "~/messages";
import { audit } from "~/modules/audit/audit.server";
import type { SessionUser } from "~/modules/auth/session.server";
import type { OfferInput } from "./offer-schema";

/** Creates or updates an offer of a company; an update with a stale version is refused. */
export async function saveOffer(
  user: SessionUser,
  companyId: string,
  input: OfferInput,
  meta: { ip?: string } = {},
) {
  return db.$transaction(async (tx) => {
    const company = await tx.company.findFirst({
      where: { id: companyId, archivedAt: null },
      select: { id: true },
    });
    if (!company) throw new AppError(404, t("validation.notFound"));
    const occupation = await tx.occupation.findFirst({
      where: { id: input.occupationId, active: true },
      select: { title: true },
    });
    if (!occupation) throw fieldError("occupationId", t("offer.unknownOccupation"));
    const data = {
      occupationId: input.occupationId,
      places: input.places,
      placesFilled: input.placesFilled,
      partTimePossible: input.partTimePossible,
      internshipPossible: input.internshipPossible,
      startDate: input.startDate,
    };
    if (!input.offerId) {
      const offer = await tx.trainingOffer.create({
        data: { ...data, companyId },
        select: { id: true },
      });
      await tx.company.update({ where: { id: companyId }, data: { isTrainingCompany: true } });
      await audit(
        {
          actorId: user.id,
          action: "create",
          entityType: "offer",
          entityId: offer.id,
          after: { companyId, ...data },
          ip: meta.ip,
        },
        tx,
      );
      return { title: occupation.title };
    }
    const before = await tx.trainingOffer.findFirst({
      where: { id: input.offerId, companyId, archivedAt: null },
    });
    if (!before) throw new AppError(404, t("validation.notFound"));
    const updated = await tx.trainingOffer.updateMany({
      where: { id: input.offerId, version: input.version ?? -1 },
      data: { ...data, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new AppError(409, t("error.stale"));
    await audit(
      {
        actorId: user.id,
        action: "update",
        entityType: "offer",
        entityId: input.offerId,
        before,
        after: data,
        ip: meta.ip,
      },
      tx,
    );
    return { title: occupation.title };
  });
}

export async function archiveOffer(
  user: SessionUser,
  companyId: string,
  offerId: string,
  meta: { ip?: string } = {},
) {
  return db.$transaction(async (tx) => {
    const offer = await tx.trainingOffer.findFirst({
      where: { id: offerId, companyId, archivedAt: null },
      select: { occupation: { select: { title: true } } },
    });
    if (!offer) throw new AppError(404, t("validation.notFound"));
    await tx.trainingOffer.update({
      where: { id: offerId },
      data: { archivedAt: new Date(), version: { increment: 1 } },
    });
    await audit(
      { actorId: user.id, action: "archive", entityType: "offer", entityId: offerId, ip: meta.ip },
      tx,
    );
    return { title: offer.occupation.title };
  });
}
