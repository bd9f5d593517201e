import { db, type Prisma } from "~/db.server";
import { type DayRange, type ListParams, skipTake, toPage } from "~/lib/list-params";
import { audit } from "~/modules/audit/audit.server";
import type { Scope } from "~/modules/auth/permissions";
import type { SessionUser } from "~/modules/auth/session.server";
import { listOccupations } from "~/modules/company/offers.server";
import { listServedDistricts } from "~/modules/company/service.server";
import { participantScope } from "./access.server";
import { occupationLabel } from "./schema";
import type { PARTICIPANT_SORTS } from "./values";

export function ageOn(birthDate: Date, day: Date): number {
  let age = day.getFullYear() - birthDate.getFullYear();
  const m = day.getMonth() - birthDate.getMonth();
  if (m < 0 || (m === 0 && day.getDate() < birthDate.getDate())) age--;
  return age;
}

export type ParticipantListFilters = {
  status?: string | null;
  projectId?: string | null;
  entry?: DayRange | null;
  exit?: DayRange | null;
  /** Participants with an outcome of these types, dated in the range (the report's definition). */
  outcome?: { types: string[]; range: DayRange | null } | null;
};

/** Lists the participants the user may see; the read is written to the audit log. */
export async function listParticipants(
  user: SessionUser,
  scope: Scope,
  params: ListParams<(typeof PARTICIPANT_SORTS)[number]>,
  filters: ParticipantListFilters = {},
  meta: { ip?: string } = {},
) {
  const inRange = (r: DayRange) => ({ gte: r.from, lt: r.until });
  const where: Prisma.ParticipantWhereInput = {
    AND: [
      participantScope(user, scope),
      { archivedAt: null, anonymisedAt: null },
      filters.status ? { status: filters.status } : {},
      filters.projectId ? { projectId: filters.projectId } : {},
      filters.entry ? { entryDate: inRange(filters.entry) } : {},
      filters.exit ? { exitDate: inRange(filters.exit) } : {},
      filters.outcome
        ? {
            outcomes: {
              some: {
                type: { in: filters.outcome.types },
                ...(filters.outcome.range
                  ? {
                      OR: [
                        { startDate: inRange(filters.outcome.range) },
                        { startDate: null, createdAt: inRange(filters.outcome.range) },
                      ],
                    }
                  : {}),
              },
            },
          }
        : {},
      params.q
        ? {
            OR: [
              { lastName: { contains: params.q } },
              { firstName: { contains: params.q } },
              { city: { contains: params.q } },
            ],
          }
        : {},
    ],
  };
  const orderBy: Prisma.ParticipantOrderByWithRelationInput[] =
    params.sort === "entry"
      ? [{ entryDate: { sort: params.dir, nulls: "last" } }]
      : params.sort === "status"
        ? [{ status: params.dir }]
        : [{ lastName: params.dir }, { firstName: params.dir }];
  const [rows, count] = await Promise.all([
    db.participant.findMany({
      where,
      orderBy: [...orderBy, { id: "asc" }],
      ...skipTake(params),
      select: {
        id: true,
        firstName: true,
        lastName: true,
        birthDate: true,
        status: true,
        entryDate: true,
        weeklyHoursAvailable: true,
        city: true,
        district: { select: { name: true } },
        coach: { select: { name: true } },
        wishes: { where: { rank: 1 }, select: { occupation: { select: { title: true } } } },
      },
    }),
    db.participant.count({ where }),
  ]);
  if (rows.length) {
    await audit({
      actorId: user.id,
      action: "read",
      entityType: "participant",
      ip: meta.ip,
      detail: `Liste: ${rows.map((r) => r.id).join(",")}`,
    });
  }
  const today = new Date();
  const data = rows.map(({ birthDate, wishes, ...r }) => ({
    ...r,
    age: ageOn(birthDate, today),
    wish: wishes[0]?.occupation.title ?? null,
  }));
  return toPage(data, count, params);
}

/** One participant the user may see, with everything the page shows; the read is audited. */
export async function getParticipant(
  user: SessionUser,
  scope: Scope,
  id: string,
  meta: { ip?: string; purpose?: string } = {},
) {
  const participant = await db.participant.findFirst({
    where: { AND: [participantScope(user, scope), { id, archivedAt: null, anonymisedAt: null }] },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      birthDate: true,
      gender: true,
      street: true,
      plz: true,
      city: true,
      districtAgs: true,
      phone: true,
      email: true,
      childrenCount: true,
      youngestChildBirthDate: true,
      childcare: true,
      childcareHoursPerWeek: true,
      weeklyHoursAvailable: true,
      drivingLicence: true,
      hasCar: true,
      usesPublicTransport: true,
      maxCommuteMinutes: true,
      schoolCertificate: true,
      labourStatus: true,
      strengths: true,
      entryDate: true,
      exitDate: true,
      status: true,
      coachId: true,
      notes: true,
      version: true,
      district: { select: { name: true } },
      coach: { select: { name: true } },
      shares: { select: { user: { select: { id: true, name: true } } } },
      wishes: {
        orderBy: { rank: "asc" },
        select: { rank: true, occupation: { select: { id: true, title: true, kldbCode: true } } },
      },
      consents: {
        orderBy: { givenAt: "desc" },
        select: { id: true, purpose: true, givenAt: true, method: true, withdrawnAt: true },
      },
      internships: {
        orderBy: [{ startDate: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
        select: {
          id: true,
          status: true,
          startDate: true,
          endDate: true,
          company: { select: { id: true, name: true } },
          occupation: { select: { title: true } },
        },
      },
      outcomes: {
        orderBy: { createdAt: "desc" },
        select: {
          id: true,
          type: true,
          partTime: true,
          weeklyHours: true,
          startDate: true,
          note: true,
          company: { select: { id: true, name: true } },
          occupation: { select: { title: true } },
        },
      },
    },
  });
  if (!participant) return null;
  await audit({
    actorId: user.id,
    action: "read",
    entityType: "participant",
    entityId: id,
    ip: meta.ip,
    detail: meta.purpose ?? null,
  });
  const today = new Date();
  return {
    ...participant,
    age: ageOn(participant.birthDate, today),
    ageAtEntry: ageOn(participant.birthDate, participant.entryDate ?? today),
    youngestChildAge: participant.youngestChildBirthDate
      ? ageOn(participant.youngestChildBirthDate, today)
      : null,
  };
}

/** Who read or changed a participant record, newest first (shown to the project lead). */
export function participantAuditTrail(id: string, take = 50) {
  return db.auditLog.findMany({
    where: { entityType: "participant", entityId: id },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      createdAt: true,
      action: true,
      detail: true,
      actor: { select: { name: true } },
    },
  });
}

/** Active coaches, for the participant form and for sharing. */
export function listCoaches() {
  return db.user.findMany({
    where: { active: true, role: "jobcoach" },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/** What the participant form offers: districts, occupation labels and (for lead and placement) coaches. */
export async function participantFormOptions(scope: Scope) {
  const [districts, occupations, coaches] = await Promise.all([
    listServedDistricts(),
    listOccupations(),
    scope === "any" ? listCoaches() : Promise.resolve(undefined),
  ]);
  return { districts, occupations: occupations.map(occupationLabel), coaches };
}

/**
 * The anonymised short profile for employers: occupations, district, hours, mobility, school
 * and strengths — no name, birth date or children. Null without a current consent to share it.
 */
export async function getParticipantProfile(
  user: SessionUser,
  scope: Scope,
  id: string,
  meta: { ip?: string } = {},
) {
  const p = await db.participant.findFirst({
    where: { AND: [participantScope(user, scope), { id, archivedAt: null, anonymisedAt: null }] },
    select: {
      id: true,
      weeklyHoursAvailable: true,
      drivingLicence: true,
      hasCar: true,
      usesPublicTransport: true,
      maxCommuteMinutes: true,
      schoolCertificate: true,
      strengths: true,
      district: { select: { name: true } },
      wishes: {
        orderBy: { rank: "asc" },
        select: { occupation: { select: { title: true, kldbCode: true } } },
      },
      consents: {
        where: { purpose: "profil_weitergabe", withdrawnAt: null },
        select: { id: true },
        take: 1,
      },
    },
  });
  if (!p) return null;
  const { consents, id: _id, ...profile } = p;
  if (consents.length)
    await audit({
      actorId: user.id,
      action: "read",
      entityType: "participant",
      entityId: id,
      ip: meta.ip,
      detail: "Kurzprofil",
    });
  return {
    consented: consents.length > 0,
    // A reference the employer can quote back without learning who it is.
    reference: `TN-${id.slice(-6).toUpperCase()}`,
    profile: consents.length ? profile : null,
  };
}

/** The participants a user may register for an event: in scope and still in the programme. */
export function listParticipantChoices(user: SessionUser, scope: Scope) {
  return db.participant.findMany({
    where: {
      AND: [
        participantScope(user, scope),
        { archivedAt: null, anonymisedAt: null, status: { not: "ausgeschieden" } },
      ],
    },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    take: 500,
    select: { id: true, firstName: true, lastName: true },
  });
}
