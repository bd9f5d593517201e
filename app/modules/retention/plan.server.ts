import { db, Prisma, queryRows, sqlDate, sqlText } from "~/db.server";
import { addMonthsToDay, type Day, dayOf, startOfDay, today } from "~/lib/day";
import { DATENART_KEYS, DATENARTEN, type DatenartKey } from "./datenarten";
import { heldParticipantIds } from "./holds.server";
import { evidenceKeptUntil, type PeriodOverrides, periodMonths } from "./rules";
import { installationPeriods } from "./rules.server";

// What the deletion rules make due: per rule the records and the step each one gets. The plan
// (plan.server → apply.server) takes exactly these; the page and `npm run retention` show the
// counts. Reading only.

/** What happens to one record: a step of anonymise.server or a deletion by table. */
export const STEPS = [
  "participant",
  "participant_contact",
  "participant_coaching",
  "contact",
  "company",
  "registration",
  "user",
  "Session",
  "LoginThrottle",
  "Invitation",
  "PasswordReset",
  "EventInvitation",
  "AuditLog",
  "EmailOutbox",
  "Interaction",
  "FollowUp",
  "SubjectRequest",
] as const;
export type Step = (typeof STEPS)[number];

export type DueItem = { step: Step; id: string };

/** One line of the plan. */
export type PlanLine = {
  key: DatenartKey;
  /** Records whose period ended before this day are due (for ESF evidence: see the projects). */
  before: Day;
  due: number;
  held: number;
};

export type DueRule = PlanLine & { items: DueItem[] };

const ids = async (query: Prisma.Sql) => (await queryRows({ id: sqlText }, query)).map((r) => r.id);

/** Projects whose evidence period has ended by `day`. */
async function endedProjects(day: Day, periods: PeriodOverrides) {
  const projects = await db.project.findMany({ select: { id: true, lastPaymentOn: true } });
  return projects
    .filter((p) => {
      const until = evidenceKeptUntil(p.lastPaymentOn && dayOf(p.lastPaymentOn), periods);
      return until !== null && until < day;
    })
    .map((p) => p.id);
}

/** A participant's contact data still there. */
const HAS_CONTACT = Prisma.sql`(p.street IS NOT NULL OR p.plz IS NOT NULL OR p.city IS NOT NULL
  OR p.phone IS NOT NULL OR p.email IS NOT NULL)`;
/** A participant's coaching data still there. */
const HAS_COACHING = Prisma.sql`(p."youngestChildBirthDate" IS NOT NULL OR p.childcare IS NOT NULL
  OR p."childcareHoursPerWeek" IS NOT NULL OR p."weeklyHoursAvailable" IS NOT NULL
  OR p."drivingLicence" OR p."hasCar" OR NOT p."usesPublicTransport" OR p."maxCommuteMinutes" IS NOT NULL
  OR p.strengths IS NOT NULL OR p.notes IS NOT NULL
  OR EXISTS (SELECT 1 FROM "ParticipantOccupation" w WHERE w."participantId" = p.id)
  OR EXISTS (SELECT 1 FROM "ParticipantShare" s WHERE s."participantId" = p.id)
  OR EXISTS (SELECT 1 FROM "Internship" i WHERE i."participantId" = p.id
    AND (i."companyFeedback" IS NOT NULL OR i."participantFeedback" IS NOT NULL))
  OR EXISTS (SELECT 1 FROM "Outcome" o WHERE o."participantId" = p.id AND o.note IS NOT NULL)
  OR EXISTS (SELECT 1 FROM "CaseNote" n WHERE n."participantId" = p.id)
  OR EXISTS (SELECT 1 FROM "Document" d WHERE d."participantId" = p.id))`;

type Finder = (c: { cutoff: Prisma.Sql; day: Day; periods: PeriodOverrides }) => Promise<DueItem[]>;
const as = (step: Step) => (list: string[]) => list.map((id) => ({ step, id }));

/** Per rule with a period of its own: the records due. Rules that go with their person have none. */
const FINDERS: Partial<Record<DatenartKey, Finder>> = {
  // Every stay belongs to a project whose evidence period has ended.
  esf_nachweis: async ({ day, periods }) => {
    const ended = await endedProjects(day, periods);
    if (!ended.length) return [];
    return as("participant")(
      await ids(Prisma.sql`SELECT p.id FROM "Participant" p WHERE p."anonymisedAt" IS NULL
        AND EXISTS (SELECT 1 FROM "ParticipantStay" s WHERE s."participantId" = p.id)
        AND NOT EXISTS (SELECT 1 FROM "ParticipantStay" s WHERE s."participantId" = p.id
          AND (s."projectId" IS NULL OR s."projectId" NOT IN (${Prisma.join(ended)})))`),
    );
  },
  // Left before the cut-off; someone interested who never entered is no evidence at all and
  // goes entirely once nothing about her changed for the period.
  tn_kontakt: async ({ cutoff }) => [
    ...as("participant_contact")(
      await ids(Prisma.sql`SELECT p.id FROM "Participant" p WHERE p."anonymisedAt" IS NULL
        AND p."exitDate" < ${cutoff} AND ${HAS_CONTACT}`),
    ),
    ...as("participant")(
      await ids(Prisma.sql`SELECT p.id FROM "Participant" p WHERE p."anonymisedAt" IS NULL
        AND p."entryDate" IS NULL AND p."updatedAt" < ${cutoff}
        AND NOT EXISTS (SELECT 1 FROM "ParticipantStay" s WHERE s."participantId" = p.id)`),
    ),
  ],
  tn_beratung: async ({ cutoff }) =>
    as("participant_coaching")(
      await ids(Prisma.sql`SELECT p.id FROM "Participant" p WHERE p."anonymisedAt" IS NULL
        AND p."exitDate" < ${cutoff} AND ${HAS_COACHING}`),
    ),
  ansprechperson: async ({ cutoff }) =>
    as("contact")(
      await ids(Prisma.sql`SELECT id FROM "ContactPerson" WHERE "anonymisedAt" IS NULL
        AND coalesce("lastContactAt", "createdAt") < ${cutoff}`),
    ),
  betrieb: async ({ cutoff }) =>
    as("company")(
      await ids(Prisma.sql`SELECT id FROM "Company" WHERE "anonymisedAt" IS NULL
        AND "mergedIntoId" IS NULL AND coalesce("lastContactAt", "createdAt") < ${cutoff}`),
    ),
  kontaktverlauf: async ({ cutoff }) => [
    ...as("Interaction")(
      await ids(Prisma.sql`SELECT id FROM "Interaction" WHERE "createdAt" < ${cutoff}`),
    ),
    ...as("FollowUp")(
      await ids(Prisma.sql`SELECT id FROM "FollowUp" WHERE "createdAt" < ${cutoff} AND "doneAt" IS NOT NULL
        AND ("interactionId" IS NULL OR "interactionId" NOT IN
          (SELECT id FROM "Interaction" WHERE "createdAt" < ${cutoff}))`),
    ),
  ],
  veranstaltung_anmeldung: async ({ cutoff }) => [
    ...as("registration")(
      await ids(Prisma.sql`SELECT r.id FROM "EventRegistration" r JOIN "Event" e ON e.id = r."eventId"
        WHERE (r.name <> '' OR r.email IS NOT NULL OR r.phone IS NOT NULL)
        AND coalesce(e."endsAt", e."startsAt") < ${cutoff}`),
    ),
    ...as("EventInvitation")(
      await ids(Prisma.sql`SELECT i.id FROM "EventInvitation" i JOIN "Event" e ON e.id = i."eventId"
        WHERE coalesce(e."endsAt", e."startsAt") < ${cutoff}`),
    ),
  ],
  benutzerkonto: async ({ cutoff }) =>
    as("user")(
      await ids(Prisma.sql`SELECT id FROM "User" WHERE NOT active AND "anonymisedAt" IS NULL
        AND "updatedAt" < ${cutoff}`),
    ),
  sicherheit: async ({ cutoff }) => [
    ...as("Session")(await ids(Prisma.sql`SELECT id FROM "Session" WHERE "createdAt" < ${cutoff}`)),
    ...as("LoginThrottle")(
      await ids(
        Prisma.sql`SELECT "key" AS id FROM "LoginThrottle" WHERE "lastFailureAt" < ${cutoff}`,
      ),
    ),
    ...as("Invitation")(
      await ids(Prisma.sql`SELECT id FROM "Invitation" WHERE "createdAt" < ${cutoff}`),
    ),
  ],
  protokoll: async ({ cutoff }) =>
    as("AuditLog")(await ids(Prisma.sql`SELECT id FROM "AuditLog" WHERE "createdAt" < ${cutoff}`)),
  postausgang: async ({ cutoff }) =>
    as("EmailOutbox")(
      await ids(Prisma.sql`SELECT id FROM "EmailOutbox" WHERE "createdAt" < ${cutoff}
        AND status NOT IN ('pending', 'sending')`),
    ),
  betroffenenanfrage: async ({ cutoff }) =>
    as("SubjectRequest")(
      await ids(Prisma.sql`SELECT id FROM "SubjectRequest" WHERE status = 'beantwortet'
        AND "answeredAt" < ${cutoff}`),
    ),
};

/** Steps on a participant: a legal hold on her or her project keeps her. */
export const PARTICIPANT_STEPS: ReadonlySet<Step> = new Set([
  "participant",
  "participant_contact",
  "participant_coaching",
]);

/**
 * What the deletion rules make due today, per rule: the records (minus what a legal hold keeps)
 * and how many a hold keeps. Only rules with a period of their own are listed (consents and
 * holds go with their person).
 */
export async function dueRecords(now = new Date()): Promise<DueRule[]> {
  const periods = installationPeriods();
  const day = today(now);
  const held = await heldParticipantIds(now);
  const rules: DueRule[] = [];
  for (const key of DATENART_KEYS) {
    const find = FINDERS[key];
    if (!find || DATENARTEN[key].start === "none") continue;
    const before = key === "esf_nachweis" ? day : addMonthsToDay(day, -periodMonths(key, periods));
    const all = await find({ cutoff: sqlDate(startOfDay(before)), day, periods });
    const items = all.filter((i) => !(PARTICIPANT_STEPS.has(i.step) && held.has(i.id)));
    rules.push({ key, before, due: items.length, held: all.length - items.length, items });
  }
  return rules;
}

/** The counts of `dueRecords`, for the page and the command line. */
export async function retentionPlan(now = new Date()): Promise<PlanLine[]> {
  return (await dueRecords(now)).map(({ items: _, ...line }) => line);
}
