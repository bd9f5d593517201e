import { db, Prisma, queryRows, sqlDate, sqlText } from "~/db.server";
import { dayOf, yearsBetween } from "~/lib/day";
import {
  type DayRange,
  dayParam,
  dayRangeParam,
  type ListParams,
  pickParam,
  skipTake,
  toPage,
} from "~/lib/list-params";
import { foldText } from "~/lib/text";
import { audit } from "~/modules/audit/audit.server";
import type { Scope } from "~/modules/auth/permissions";
import type { SessionUser } from "~/modules/auth/session.server";
import { listOccupations, listServedDistricts } from "~/modules/reference/lists.server";
import { INTEGRATED_OUTCOMES } from "~/modules/reporting/values";
import { participantScope } from "./access.server";
import { occupationLabel } from "./schema";
import {
  OUTCOME_TYPES,
  type PARTICIPANT_SORTS,
  PARTICIPANT_STATUSES,
  PROFILE_CONSENT,
} from "./values";

/** Age in whole years on a day (Berlin), for a birth date. */
export const ageOn = (birthDate: Date, day: Date): number =>
  yearsBetween(dayOf(birthDate), dayOf(day));

// The filters follow the report's definitions (docs/kpi-definitions.md), so a figure's link
// lists exactly the participants it counts. With a project, they look at its stays.
export type ParticipantListFilters = {
  status?: string | null;
  /** Only the participants this coach looks after (not those shared with them). */
  coachId?: string | null;
  /** Participants of the project: now, or with a stay in it. */
  projectId?: string | null;
  /** First entry (into the project) in the range – re-entries are not counted. */
  entry?: DayRange | null;
  /** Came back in the range: a stay beginning in it after an earlier stay (in the project). */
  reentry?: DayRange | null;
  /** Left in the range (any stay). */
  exit?: DayRange | null;
  /** In a stay at the end of the range's last day. */
  activeAt?: DayRange | null;
  /** Participants with an outcome of these types, dated in the range (the report's definition). */
  outcome?: { types: string[]; range: DayRange | null; partTime?: boolean } | null;
};

const inRange = (r: DayRange) => ({ gte: r.since, lt: r.until });

/** Ids of participants with a stay beginning in the range that is not their first (in the project). */
async function reenteredIds(range: DayRange, projectId: string | null | undefined) {
  const project = projectId ? Prisma.sql`AND s."projectId" = ${projectId}` : Prisma.empty;
  const earlier = projectId ? Prisma.sql`AND e."projectId" = ${projectId}` : Prisma.empty;
  const rows = await queryRows(
    { id: sqlText },
    Prisma.sql`SELECT DISTINCT s."participantId" AS id FROM "ParticipantStay" s
      WHERE s."entryDate" >= ${sqlDate(range.since)} AND s."entryDate" < ${sqlDate(range.until)} ${project}
        AND EXISTS (SELECT 1 FROM "ParticipantStay" e
          WHERE e."participantId" = s."participantId" AND e."entryDate" < s."entryDate" ${earlier})`,
  );
  return rows.map((r) => r.id);
}

async function participantFilters(
  f: ParticipantListFilters,
): Promise<Prisma.ParticipantWhereInput[]> {
  const project = f.projectId ? { projectId: f.projectId } : {};
  const outcome = f.outcome;
  return [
    f.status ? { status: f.status } : {},
    f.coachId ? { coachId: f.coachId } : {},
    f.projectId ? { OR: [project, { stays: { some: project } }] } : {},
    f.entry
      ? {
          stays: { some: { ...project, entryDate: inRange(f.entry) } },
          NOT: { stays: { some: { ...project, entryDate: { lt: f.entry.since } } } },
        }
      : {},
    f.reentry ? { id: { in: await reenteredIds(f.reentry, f.projectId) } } : {},
    f.exit ? { stays: { some: { ...project, exitDate: inRange(f.exit) } } } : {},
    f.activeAt
      ? {
          stays: {
            some: {
              ...project,
              entryDate: { lt: f.activeAt.until },
              OR: [{ exitDate: null }, { exitDate: { gte: f.activeAt.until } }],
            },
          },
        }
      : {},
    outcome
      ? {
          outcomes: {
            some: {
              type: { in: outcome.types },
              ...(outcome.partTime ? { partTime: true } : {}),
              ...(f.projectId ? { stay: { projectId: f.projectId } } : {}),
              ...(outcome.range
                ? {
                    OR: [
                      { startDate: inRange(outcome.range) },
                      { startDate: null, createdAt: inRange(outcome.range) },
                    ],
                  }
                : {}),
            },
          },
        }
      : {},
  ];
}

/**
 * The visible participants whose name or place contains the text, ignoring case and spelling
 * of umlauts ("Muller" does not, "Mueller" and "müller" do find Müller) – as the header search.
 * A project has hundreds of participants, so the names are compared in memory.
 */
async function idsMatching(user: SessionUser, scope: Scope, q: string): Promise<string[]> {
  const folded = foldText(q.trim());
  const people = await db.participant.findMany({
    where: { AND: [participantScope(user, scope), { archivedAt: null, anonymisedAt: null }] },
    select: { id: true, firstName: true, lastName: true, city: true },
  });
  return people
    .filter((p) =>
      [`${p.firstName} ${p.lastName}`, `${p.lastName} ${p.firstName}`, p.city ?? ""].some((text) =>
        foldText(text).includes(folded),
      ),
    )
    .map((p) => p.id);
}

/**
 * The list's filters from its URL, as the report's figures link to it: `status`, `projekt`,
 * `betreuung=meine`, `eintritt_*`, `wiedereintritt_*`, `austritt_*`, `aktiv_am`,
 * `verbleib=<type>|integriert` with `verbleib_*` and `teilzeit=ja`.
 */
export function parseParticipantFilters(url: URL, userId: string): ParticipantListFilters {
  const verbleib = url.searchParams.get("verbleib");
  const outcomeTypes =
    verbleib === "integriert"
      ? [...INTEGRATED_OUTCOMES]
      : (OUTCOME_TYPES as readonly string[]).includes(verbleib ?? "")
        ? [verbleib!]
        : null;
  return {
    status: pickParam(url, "status", PARTICIPANT_STATUSES),
    coachId: url.searchParams.get("betreuung") === "meine" ? userId : null,
    projectId: url.searchParams.get("projekt")?.slice(0, 64) || null,
    entry: dayRangeParam(url, "eintritt"),
    reentry: dayRangeParam(url, "wiedereintritt"),
    exit: dayRangeParam(url, "austritt"),
    activeAt: dayParam(url, "aktiv_am"),
    outcome: outcomeTypes
      ? {
          types: outcomeTypes,
          range: dayRangeParam(url, "verbleib"),
          partTime: url.searchParams.get("teilzeit") === "ja",
        }
      : null,
  };
}

/** The participants a list shows: in the user's scope, live, with the list's filters. */
export async function participantListWhere(
  user: SessionUser,
  scope: Scope,
  q: string,
  filters: ParticipantListFilters,
): Promise<Prisma.ParticipantWhereInput> {
  return {
    AND: [
      participantScope(user, scope),
      { archivedAt: null, anonymisedAt: null },
      ...(await participantFilters(filters)),
      q ? { id: { in: await idsMatching(user, scope, q) } } : {},
    ],
  };
}

/** Lists the participants the user may see; the read is written to the audit log. */
export async function listParticipants(
  user: SessionUser,
  scope: Scope,
  params: ListParams<(typeof PARTICIPANT_SORTS)[number]>,
  filters: ParticipantListFilters = {},
  meta: { ip?: string } = {},
) {
  const where = await participantListWhere(user, scope, params.q, filters);
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
      stays: {
        orderBy: { entryDate: "asc" },
        select: {
          id: true,
          entryDate: true,
          exitDate: true,
          labourStatus: true,
          project: { select: { name: true } },
          outcomes: { orderBy: { createdAt: "desc" }, take: 1, select: { type: true } },
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
        where: { purpose: PROFILE_CONSENT, withdrawnAt: null },
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
