import { db, Prisma, queryRows, sqlCount, sqlDate, sqlText } from "~/db.server";
import { addMonthsToDay, type Day, dayOf, startOfDay, today } from "~/lib/day";
import { DATENART_KEYS, DATENARTEN, type DatenartKey } from "./datenarten";
import { heldParticipantIds } from "./holds.server";
import { evidenceKeptUntil, type PeriodOverrides, periodMonths } from "./rules";
import { installationPeriods } from "./rules.server";

// The retention plan: per deletion rule, what is due today and what a legal hold keeps. It
// reads only; applying the plan is a separate step that takes exactly these records.

/** One line of the plan. */
export type PlanLine = {
  key: DatenartKey;
  /** Records whose period ended before this day are due (for ESF evidence: see the projects). */
  before: Day;
  due: number;
  held: number;
};

/** Participants, not yet anonymised, who left before `before`. */
async function exitedBefore(before: Day) {
  const rows = await db.participant.findMany({
    where: { anonymisedAt: null, exitDate: { lt: startOfDay(before) } },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/**
 * Participants, not yet anonymised, whose every stay belongs to a project whose evidence period
 * has ended; a stay in a project without a last payment keeps the person.
 */
async function evidenceEnded(day: Day, periods: PeriodOverrides) {
  const projects = await db.project.findMany({ select: { id: true, lastPaymentOn: true } });
  const ended = projects
    .filter((p) => {
      const until = evidenceKeptUntil(p.lastPaymentOn && dayOf(p.lastPaymentOn), periods);
      return until !== null && until < day;
    })
    .map((p) => p.id);
  if (!ended.length) return [];
  const rows = await queryRows(
    { id: sqlText },
    Prisma.sql`SELECT p.id FROM Participant p WHERE p.anonymisedAt IS NULL
      AND EXISTS (SELECT 1 FROM ParticipantStay s WHERE s.participantId = p.id)
      AND NOT EXISTS (SELECT 1 FROM ParticipantStay s WHERE s.participantId = p.id
        AND (s.projectId IS NULL OR s.projectId NOT IN (${Prisma.join(ended)})))`,
  );
  return rows.map((r) => r.id);
}

/** Counts of records outside the participants, per rule, older than the cut-off. */
const COUNTS: Partial<Record<DatenartKey, (cutoff: string) => Prisma.Sql>> = {
  ansprechperson: (c) =>
    Prisma.sql`SELECT count(*) AS n FROM ContactPerson WHERE coalesce(lastContactAt, createdAt) < ${c}`,
  betrieb: (c) =>
    Prisma.sql`SELECT count(*) AS n FROM Company
      WHERE mergedIntoId IS NULL AND coalesce(lastContactAt, createdAt) < ${c}`,
  kontaktverlauf: (c) =>
    Prisma.sql`SELECT (SELECT count(*) FROM Interaction WHERE createdAt < ${c})
      + (SELECT count(*) FROM FollowUp WHERE createdAt < ${c} AND doneAt IS NOT NULL) AS n`,
  veranstaltung_anmeldung: (c) =>
    Prisma.sql`SELECT (SELECT count(*) FROM EventRegistration r JOIN Event e ON e.id = r.eventId
        WHERE r.name IS NOT NULL AND coalesce(e.endsAt, e.startsAt) < ${c})
      + (SELECT count(*) FROM EventInvitation i JOIN Event e ON e.id = i.eventId
        WHERE coalesce(e.endsAt, e.startsAt) < ${c}) AS n`,
  benutzerkonto: (c) =>
    Prisma.sql`SELECT count(*) AS n FROM User WHERE active = 0 AND updatedAt < ${c}`,
  sicherheit: (c) =>
    Prisma.sql`SELECT (SELECT count(*) FROM Session WHERE createdAt < ${c})
      + (SELECT count(*) FROM LoginThrottle WHERE lastFailureAt < ${c})
      + (SELECT count(*) FROM Invitation WHERE createdAt < ${c}) AS n`,
  protokoll: (c) => Prisma.sql`SELECT count(*) AS n FROM AuditLog WHERE createdAt < ${c}`,
  postausgang: (c) => Prisma.sql`SELECT count(*) AS n FROM EmailOutbox WHERE createdAt < ${c}`,
};

/**
 * What the deletion rules make due today, per rule, and how much of it legal holds keep. Only
 * rules with a period of their own are listed (consents and holds go with their person).
 */
export async function retentionPlan(now = new Date()): Promise<PlanLine[]> {
  const periods = installationPeriods();
  const day = today(now);
  const held = await heldParticipantIds(now);
  const lines: PlanLine[] = [];
  for (const key of DATENART_KEYS) {
    const rule = DATENARTEN[key];
    if (rule.start === "none" || rule.start === "with_person") continue;
    const before = addMonthsToDay(day, -periodMonths(key, periods));
    let ids: string[] | null = null;
    if (key === "esf_nachweis") ids = await evidenceEnded(day, periods);
    else if (rule.start === "exit") ids = await exitedBefore(before);
    if (ids) {
      const kept = ids.filter((id) => held.has(id)).length;
      lines.push({
        key,
        before: key === "esf_nachweis" ? day : before,
        due: ids.length - kept,
        held: kept,
      });
      continue;
    }
    const count = COUNTS[key];
    const [row] = count
      ? await queryRows({ n: sqlCount }, count(sqlDate(startOfDay(before))))
      : [{ n: 0 }];
    lines.push({ key, before, due: row?.n ?? 0, held: 0 });
  }
  return lines;
}
