import { db } from "~/db.server";
import { AppError } from "~/lib/errors";
import { t } from "~/messages";
import { audit } from "~/modules/audit/audit.server";
import type { Scope } from "~/modules/auth/permissions";
import type { SessionUser } from "~/modules/auth/session.server";
import { moveOutreach } from "./outreach.server";

/**
 * Merges a duplicate into the kept company in one transaction: contacts (with their history),
 * interactions, follow-ups, offers, internships, outcomes, registrations, status changes, documents and tags
 * move over; empty fields of the kept record are filled; the duplicate is archived and points to it.
 */
export async function mergeCompanies(
  user: SessionUser,
  scope: Scope,
  keepId: string,
  duplicateId: string,
  meta: { ip?: string } = {},
) {
  if (keepId === duplicateId) throw new AppError(400, t("merge.same"));
  return db.$transaction(async (tx) => {
    const [keep, dup] = await Promise.all([
      tx.company.findFirst({ where: { id: keepId, archivedAt: null } }),
      tx.company.findFirst({
        where: { id: duplicateId, archivedAt: null },
        include: { tags: true },
      }),
    ]);
    if (!keep || !dup) throw new AppError(404, t("validation.notFound"));
    if (scope === "own" && dup.ownerId !== user.id) throw new AppError(403, t("error.403.text"));
    const move = { where: { companyId: duplicateId }, data: { companyId: keepId } };
    await tx.contactPerson.updateMany(move);
    await tx.contactEmployment.updateMany(move);
    await tx.interaction.updateMany(move);
    await tx.followUp.updateMany(move);
    await tx.trainingOffer.updateMany(move);
    await tx.internship.updateMany(move);
    await tx.outcome.updateMany(move);
    await tx.eventRegistration.updateMany(move);
    await tx.companyStatusChange.updateMany(move);
    await tx.document.updateMany(move);
    const keptTags = new Set(
      (await tx.companyTag.findMany({ where: { companyId: keepId }, select: { tagId: true } })).map(
        (x) => x.tagId,
      ),
    );
    for (const tag of dup.tags)
      if (!keptTags.has(tag.tagId))
        await tx.companyTag.create({ data: { companyId: keepId, tagId: tag.tagId } });
    const fillable = [
      "legalForm",
      "street",
      "plz",
      "city",
      "districtAgs",
      "industry",
      "size",
      "website",
      "phone",
      "email",
      "ownerId",
      "multiplierType",
      "notes",
    ] as const;
    const fill = Object.fromEntries(
      fillable.filter((f) => keep[f] == null && dup[f] != null).map((f) => [f, dup[f]]),
    );
    const dates = {
      lastContactAt:
        [keep.lastContactAt, dup.lastContactAt]
          .filter((d): d is Date => d != null)
          .sort((a, b) => b.getTime() - a.getTime())[0] ?? null,
    };
    await tx.company.update({
      where: { id: keepId },
      data: { ...fill, ...dates, version: { increment: 1 } },
    });
    // Informing the duplicate informed the company: the earlier date counts.
    if (dup.informedAt)
      await moveOutreach(tx, user.id, keep, [{ kind: "informed", at: dup.informedAt }], {
        versionBumped: true,
      });
    await tx.company.update({
      where: { id: duplicateId },
      data: { archivedAt: new Date(), mergedIntoId: keepId, version: { increment: 1 } },
    });
    await audit(
      {
        actorId: user.id,
        action: "update",
        entityType: "company",
        entityId: keepId,
        detail: `zusammengeführt mit ${duplicateId}`,
        before: { keep, duplicate: dup },
        after: fill,
        ip: meta.ip,
      },
      tx,
    );
    return { keptName: keep.name, mergedName: dup.name };
  });
}
