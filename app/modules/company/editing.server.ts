import { db, type Tx } from "~/db.server";
import { formatDateTime } from "~/lib/day";
import { AppError } from "~/lib/errors";
import { normalizeCompanyName } from "~/lib/text";
import { type MessageKey, t } from "~/messages";
import { audit } from "~/modules/audit/audit.server";
import type { Scope } from "~/modules/auth/permissions";
import type { SessionUser } from "~/modules/auth/session.server";
import { resolveDistrict } from "~/modules/reference/district.server";
import { DuplicateError, findDuplicates } from "./duplicates.server";
import { initialOutreach, moveOutreach } from "./outreach.server";
import { allowedOwner } from "./owner.server";
import type { CompanyInput } from "./schema";
import type { OutreachStatus } from "./values";

type Meta = { ip?: string };

async function setTags(tx: Tx, companyId: string, names: string[]) {
  await tx.companyTag.deleteMany({ where: { companyId } });
  for (const name of names) {
    const tag = await tx.tag.upsert({
      where: { name },
      create: { name },
      update: {},
      select: { id: true },
    });
    await tx.companyTag.create({ data: { companyId, tagId: tag.id } });
  }
}

/** The company's own fields; tags, district and the outreach state have their own writers. */
function companyData(input: CompanyInput) {
  const { tags: _tags, districtAgs: _d, outreachStatus: _s, ...fields } = input;
  return { ...fields, normalizedName: normalizeCompanyName(input.name) };
}

/** Fields compared for the conflict message, with their labels. */
const TRACKED: [keyof CompanyInput, MessageKey][] = [
  ["name", "company.name"],
  ["legalForm", "company.legalForm"],
  ["street", "company.street"],
  ["plz", "company.plz"],
  ["city", "company.city"],
  ["industry", "company.industry"],
  ["size", "company.size"],
  ["website", "company.website"],
  ["phone", "company.phone"],
  ["email", "company.email"],
  ["ownerId", "company.owner"],
  ["outreachStatus", "company.status"],
  ["partTimeReadiness", "company.partTime"],
  ["isTrainingCompany", "company.isTrainingCompany"],
  ["takesInternships", "company.takesInternships"],
  ["multiplierType", "company.multiplierType"],
  ["notes", "company.notes"],
];

const shown = (v: unknown) =>
  v === null || v === undefined || v === ""
    ? "–"
    : typeof v === "boolean"
      ? t(v ? "common.yes" : "common.no")
      : String(v);

/** Creates a company after the duplicate check (decision 009), unless a duplicate is intended. */
export async function createCompany(
  user: SessionUser,
  input: CompanyInput,
  meta: Meta & { allowDuplicate?: boolean } = {},
) {
  if (!meta.allowDuplicate) {
    const candidates = await findDuplicates(input.name, input.plz);
    if (candidates.length) throw new DuplicateError(candidates);
  }
  return db.$transaction((tx) => createCompanyIn(tx, user, input, meta));
}

/**
 * The one way a company comes into being, inside the caller's transaction: district from the
 * PLZ, the initial outreach state, tags, the audit entry. `user` is null for the public event
 * registration, whose companies wait for review; there an unclear district stays empty.
 */
export async function createCompanyIn(
  tx: Tx,
  user: SessionUser | null,
  input: CompanyInput,
  meta: Meta & { needsReview?: boolean } = {},
) {
  const district = await resolveDistrict(input.plz, input.districtAgs, tx).catch((error) => {
    if (meta.needsReview) return { districtAgs: null, districtOverridden: false };
    throw error;
  });
  const company = await tx.company.create({
    data: {
      ...companyData(input),
      ...district,
      ...initialOutreach(input.outreachStatus),
      // A new record belongs to whoever creates it unless someone who may assign chose another.
      ownerId: user
        ? await allowedOwner(tx, user, "company", user.id, input.ownerId ?? user.id)
        : null,
      createdById: user?.id ?? null,
      needsReview: meta.needsReview ?? false,
    },
    select: { id: true, name: true },
  });
  await setTags(tx, company.id, input.tags);
  await audit(
    {
      actorId: user?.id ?? null,
      action: "create",
      entityType: "company",
      entityId: company.id,
      after: input,
      ip: meta.ip,
      detail: meta.needsReview ? t("event.needsReview") : undefined,
    },
    tx,
  );
  return company;
}

export type Conflict = {
  who: string;
  when: string;
  fields: { label: string; current: string; mine: string }[];
  version: number;
};

/** Someone else saved the company since the form was loaded: what they changed. */
export class ConflictError extends AppError {
  constructor(public conflict: Conflict) {
    super(409, t("company.conflictHint"));
  }
}

/**
 * Saves a company if nobody changed it since the form was loaded (optimistic locking).
 * On a conflict nothing is written; the caller shows what the other person changed.
 */
export async function updateCompany(
  user: SessionUser,
  id: string,
  input: CompanyInput & { version: number },
  meta: Meta = {},
): Promise<{ ok: true; name: string } | { ok: false; conflict: Conflict }> {
  return db.$transaction(async (tx) => {
    const current = await tx.company.findFirst({
      where: { id, archivedAt: null },
      include: { tags: { select: { tag: { select: { name: true } } } } },
    });
    if (!current) throw new AppError(404, t("validation.notFound"));
    if (current.version !== input.version) {
      const last = await tx.auditLog.findFirst({
        where: { entityType: "company", entityId: id, action: { in: ["update", "create"] } },
        orderBy: { createdAt: "desc" },
        select: { createdAt: true, actor: { select: { name: true } } },
      });
      // An empty owner field keeps the owner (see allowedOwner), so it is no difference.
      const mine = { ...input, ownerId: input.ownerId ?? current.ownerId };
      const fields = TRACKED.filter(
        ([k]) => shown(current[k as keyof typeof current]) !== shown(mine[k]),
      ).map(([k, label]) => ({
        label: t(label),
        current: shown(current[k as keyof typeof current]),
        mine: shown(mine[k]),
      }));
      return {
        ok: false as const,
        conflict: {
          who: last?.actor?.name ?? t("company.someone"),
          when: formatDateTime(last?.createdAt ?? current.updatedAt),
          fields,
          version: current.version,
        },
      };
    }
    const district = await resolveDistrict(input.plz, input.districtAgs, tx);
    const { version: _v, ...rest } = input;
    const updated = await tx.company.updateMany({
      where: { id, version: input.version },
      data: {
        ...companyData(rest),
        ...district,
        ownerId: await allowedOwner(tx, user, "company", current.ownerId, input.ownerId),
        version: { increment: 1 },
      },
    });
    if (updated.count !== 1) throw new AppError(409, t("error.stale"));
    await setTags(tx, id, input.tags);
    await moveOutreach(tx, user.id, current, [{ kind: "set", status: input.outreachStatus }], {
      versionBumped: true,
    });
    const before: Record<string, unknown> = Object.fromEntries(
      TRACKED.map(([k]) => [k, current[k as keyof typeof current]]),
    );
    before.tags = current.tags.map((ct) => ct.tag.name);
    await audit(
      {
        actorId: user.id,
        action: "update",
        entityType: "company",
        entityId: id,
        before,
        after: rest,
        ip: meta.ip,
      },
      tx,
    );
    return { ok: true as const, name: input.name };
  });
}

/** Moves a company in the outreach pipeline (kanban board and status menu). */
export async function changeCompanyStatus(
  user: SessionUser,
  id: string,
  status: OutreachStatus,
  meta: Meta = {},
) {
  return db.$transaction(async (tx) => {
    const current = await tx.company.findFirst({
      where: { id, archivedAt: null },
      select: { name: true, outreachStatus: true, informedAt: true },
    });
    if (!current) throw new AppError(404, t("validation.notFound"));
    if (current.outreachStatus === status) return { name: current.name };
    await moveOutreach(tx, user.id, { id, ...current }, [{ kind: "set", status }]);
    await audit(
      {
        actorId: user.id,
        action: "update",
        entityType: "company",
        entityId: id,
        before: { outreachStatus: current.outreachStatus },
        after: { outreachStatus: status },
        ip: meta.ip,
      },
      tx,
    );
    return { name: current.name };
  });
}

/** Archiving keeps all history; with scope "own" only the company's owner may archive it. */
export async function archiveCompany(user: SessionUser, scope: Scope, id: string, meta: Meta = {}) {
  return db.$transaction(async (tx) => {
    const current = await tx.company.findFirst({
      where: { id, archivedAt: null },
      select: { name: true, ownerId: true },
    });
    if (!current) throw new AppError(404, t("validation.notFound"));
    if (scope === "own" && current.ownerId !== user.id)
      throw new AppError(403, t("error.403.text"));
    await tx.company.update({
      where: { id },
      data: { archivedAt: new Date(), version: { increment: 1 } },
    });
    await audit(
      { actorId: user.id, action: "archive", entityType: "company", entityId: id, ip: meta.ip },
      tx,
    );
    return { name: current.name };
  });
}
