import { db, Prisma, queryRows, sqlCount, sqlDate, sqlText } from "~/db.server";
import {
  type Day,
  dayOf,
  dayRange,
  daysBetween,
  type Month,
  monthDays,
  monthsOf,
  todayDateOnly,
} from "~/lib/day";
import { MULTIPLIER_TYPES } from "~/modules/company/values";
import { type Period, projectToDate } from "./period";
import { INTEGRATED_OUTCOMES, KPIS, type Kpi } from "./values";

// Every number of the reports, computed from the records by the definitions in
// docs/kpi-definitions.md (the same texts stand in the catalogue as kpi.*.def).

/** The period's days as SQL instants: [start of `from`, start of the day after `to`) in Berlin. */
const bounds = (p: Period) => {
  const { since, until } = dayRange(p);
  return { from: sqlDate(since), until: sqlDate(until) };
};

/**
 * The Berlin month of a timestamp column that lies within `months` (SQLite knows no time zones,
 * so the months' boundaries come in as instants).
 */
const monthCase = (column: string, months: Month[]) =>
  months.length === 0
    ? Prisma.sql`NULL`
    : Prisma.sql`CASE ${Prisma.join(
        months.map(
          (m) =>
            Prisma.sql`WHEN ${Prisma.raw(`"${column}"`)} < ${sqlDate(dayRange(monthDays(m)).until)} THEN ${m}`,
        ),
        " ",
      )} END`;

export type KpiFigures = {
  /** Persons: first entries, re-entries, in a stay at the period's end, left in the period. */
  participants: { entered: number; reentered: number; active: number; exited: number };
  outcomes: {
    apprenticeship: number;
    apprenticeshipPartTime: number;
    job: number;
    school: number;
    integrated: number;
    /** Participants who entered up to the end of the period: the base of the rates. */
    base: number;
    integrationRate: number;
    apprenticeshipRate: number;
  };
  internships: { total: number; completed: number; ledToOffer: number };
  events: { workshops: number; other: number; attendance: number };
  employersInformed: number;
  multiplierContacts: { total: number; byType: Record<string, number> };
};

/** Each person's first entry into the project (their first stay's entry date). */
const firstEntries = (projectId: string) => Prisma.sql`
  SELECT "participantId", min("entryDate") AS "firstEntry" FROM "ParticipantStay"
  WHERE "projectId" = ${projectId} GROUP BY "participantId"`;
const num = (v: number | bigint | null | undefined) => Number(v ?? 0);

/**
 * All KPIs of a project for a period (days inclusive), as of `now`. With `coachId`, the
 * participant, outcome and internship figures count only that coach's participants (the coach's
 * own numbers on the Übersicht); the company and event figures stay the project's.
 */
export async function computeKpis(
  projectId: string,
  period: Period,
  now = new Date(),
  coachId?: string,
): Promise<KpiFigures> {
  const { from, until } = bounds(period);
  const ofCoach = (column: Prisma.Sql) =>
    coachId
      ? Prisma.sql`AND ${column} IN (SELECT id FROM "Participant" WHERE "coachId" = ${coachId})`
      : Prisma.empty;
  const nowSql = sqlDate(now);
  const integrated = Prisma.join([...INTEGRATED_OUTCOMES]);
  const [participants, outcomes, internships, events, informed, multipliers] = await Promise.all([
    // Per person, from their stays in the project: the first stay is their entry, later stays
    // beginning in the period are re-entries. (One row per person, then plain sums.)
    queryRows(
      {
        entered: sqlCount,
        reentered: sqlCount,
        active: sqlCount,
        exited: sqlCount,
        base: sqlCount,
      },
      Prisma.sql`
      SELECT
        count(CASE WHEN "firstEntry" >= ${from} AND "firstEntry" < ${until} THEN 1 END) AS entered,
        count(CASE WHEN "startsIn" > (CASE WHEN "firstEntry" >= ${from} AND "firstEntry" < ${until} THEN 1 ELSE 0 END) THEN 1 END) AS reentered,
        sum(active) AS active,
        sum(exited) AS exited,
        count(CASE WHEN "firstEntry" < ${until} THEN 1 END) AS base
      FROM (
        SELECT "participantId", min("entryDate") AS "firstEntry",
          count(CASE WHEN "entryDate" >= ${from} AND "entryDate" < ${until} THEN 1 END) AS "startsIn",
          max(CASE WHEN "entryDate" < ${until} AND ("exitDate" IS NULL OR "exitDate" >= ${until}) THEN 1 ELSE 0 END) AS active,
          max(CASE WHEN "exitDate" >= ${from} AND "exitDate" < ${until} THEN 1 ELSE 0 END) AS exited
        FROM "ParticipantStay" WHERE "projectId" = ${projectId} ${ofCoach(Prisma.sql`"participantId"`)}
        GROUP BY "participantId") AS person`,
    ),
    // An outcome counts on its date: the start of the contract or job, else when it was recorded;
    // it belongs to the project of the stay it was recorded in.
    queryRows(
      {
        apprenticeship: sqlCount,
        apprenticeshipPartTime: sqlCount,
        job: sqlCount,
        school: sqlCount,
        integrated: sqlCount,
        integratedToDate: sqlCount,
        apprenticeshipToDate: sqlCount,
      },
      Prisma.sql`
      WITH o AS (
        SELECT o."participantId", o.type, o."partTime", coalesce(o."startDate", o."createdAt") AS day
        FROM "Outcome" o JOIN "ParticipantStay" s ON s.id = o."stayId"
        WHERE s."projectId" = ${projectId} AND s."entryDate" < ${until} ${ofCoach(Prisma.sql`o."participantId"`)})
      SELECT
        count(DISTINCT CASE WHEN type = 'ausbildung' AND day >= ${from} AND day < ${until} THEN "participantId" END) AS apprenticeship,
        count(DISTINCT CASE WHEN type = 'ausbildung' AND "partTime" AND day >= ${from} AND day < ${until} THEN "participantId" END) AS "apprenticeshipPartTime",
        count(DISTINCT CASE WHEN type = 'arbeit' AND day >= ${from} AND day < ${until} THEN "participantId" END) AS job,
        count(DISTINCT CASE WHEN type = 'schule' AND day >= ${from} AND day < ${until} THEN "participantId" END) AS school,
        count(DISTINCT CASE WHEN type IN (${integrated}) AND day >= ${from} AND day < ${until} THEN "participantId" END) AS integrated,
        count(DISTINCT CASE WHEN type IN (${integrated}) AND day < ${until} THEN "participantId" END) AS "integratedToDate",
        count(DISTINCT CASE WHEN type = 'ausbildung' AND day < ${until} THEN "participantId" END) AS "apprenticeshipToDate"
      FROM o`,
    ),
    queryRows(
      { total: sqlCount, completed: sqlCount, ledToOffer: sqlCount },
      Prisma.sql`
      SELECT
        count(CASE WHEN status <> 'vorgeschlagen' AND "startDate" >= ${from} AND "startDate" < ${until} THEN 1 END) AS total,
        count(CASE WHEN status = 'abgeschlossen' AND "endDate" >= ${from} AND "endDate" < ${until} THEN 1 END) AS completed,
        count(CASE WHEN status = 'abgeschlossen' AND "ledToOffer" AND "endDate" >= ${from} AND "endDate" < ${until} THEN 1 END) AS "ledToOffer"
      FROM "Internship" WHERE "projectId" = ${projectId} ${ofCoach(Prisma.sql`"participantId"`)}`,
    ),
    queryRows(
      { workshops: sqlCount, other: sqlCount, attendance: sqlCount },
      Prisma.sql`
      SELECT
        count(CASE WHEN e.type = 'workshop' THEN 1 END) AS workshops,
        count(CASE WHEN e.type <> 'workshop' THEN 1 END) AS other,
        coalesce(sum((SELECT coalesce(sum(r.persons), 0) FROM "EventRegistration" r
          WHERE r."eventId" = e.id AND r.attendance = 'anwesend')), 0) AS attendance
      FROM "Event" e
      WHERE e."projectId" = ${projectId} AND e."cancelledAt" IS NULL
        AND e."startsAt" >= ${from} AND e."startsAt" < ${until} AND e."startsAt" <= ${nowSql}`,
    ),
    queryRows(
      { informed: sqlCount },
      Prisma.sql`
      SELECT count(*) AS informed FROM "Company"
      WHERE "informedAt" >= ${from} AND "informedAt" < ${until}`,
    ),
    // From the few multipliers to their interactions: "multiplierType > ''" (not IS NOT NULL)
    // lets SQLite use the multiplierType indexes instead of walking every interaction.
    queryRows(
      { type: sqlText, contacts: sqlCount },
      Prisma.sql`
      SELECT type, count(*) AS contacts FROM (
        SELECT i.id, coalesce(cp."multiplierType", c."multiplierType") AS type
        FROM "Interaction" i JOIN "Company" c ON c.id = i."companyId"
        LEFT JOIN "ContactPerson" cp ON cp.id = i."contactId"
        WHERE i."companyId" IN (SELECT id FROM "Company" WHERE "multiplierType" > '')
          AND i."deletedAt" IS NULL AND i."occurredAt" >= ${from} AND i."occurredAt" < ${until}
        UNION
        SELECT i.id, cp."multiplierType"
        FROM "Interaction" i JOIN "ContactPerson" cp ON cp.id = i."contactId"
        WHERE i."contactId" IN (SELECT id FROM "ContactPerson" WHERE "multiplierType" > '')
          AND i."deletedAt" IS NULL AND i."occurredAt" >= ${from} AND i."occurredAt" < ${until}
      ) AS contact GROUP BY type`,
    ),
  ]);
  // Aggregates without GROUP BY answer exactly one row.
  const p = participants[0]!;
  const o = outcomes[0]!;
  const base = num(p.base);
  const byType = Object.fromEntries(MULTIPLIER_TYPES.map((t) => [t, 0])) as Record<string, number>;
  for (const m of multipliers) byType[m.type] = num(m.contacts);
  return {
    participants: {
      entered: num(p.entered),
      reentered: num(p.reentered),
      active: num(p.active),
      exited: num(p.exited),
    },
    outcomes: {
      apprenticeship: num(o.apprenticeship),
      apprenticeshipPartTime: num(o.apprenticeshipPartTime),
      job: num(o.job),
      school: num(o.school),
      integrated: num(o.integrated),
      base,
      integrationRate: base ? num(o.integratedToDate) / base : 0,
      apprenticeshipRate: base ? num(o.apprenticeshipToDate) / base : 0,
    },
    internships: {
      total: num(internships[0]?.total),
      completed: num(internships[0]?.completed),
      ledToOffer: num(internships[0]?.ledToOffer),
    },
    events: {
      workshops: num(events[0]?.workshops),
      other: num(events[0]?.other),
      attendance: num(events[0]?.attendance),
    },
    employersInformed: num(informed[0]?.informed),
    multiplierContacts: {
      total: Object.values(byType).reduce((a, b) => a + b, 0),
      byType,
    },
  };
}

export type KpiRow = {
  kpi: Kpi;
  actual: number;
  target: number | null;
  isRate: boolean;
  /** Linear forecast to the end of the project (rates: the current rate). */
  forecast: number | null;
  /** Against the target: reached, on track (the forecast reaches it), at risk; null without one. */
  status: TargetStatus | null;
};
export type TargetStatus = "reached" | "on_track" | "at_risk";

/** Whether a target is reached, will be at the current pace, or will not. */
export function targetStatus(
  actual: number,
  target: number | null,
  forecast: number | null,
): TargetStatus | null {
  if (target == null) return null;
  if (actual >= target) return "reached";
  if (forecast == null) return null;
  return forecast >= target ? "on_track" : "at_risk";
}

type ProjectForTargets = {
  startDate: Date;
  endDate: Date;
  targets: { kpi: string; value: number }[];
};

/** The project's KPIs so far against its targets, with a linear forecast to its end. */
export function targetRows(project: ProjectForTargets, k: KpiFigures, to: Day): KpiRow[] {
  const actual: Record<Kpi, number> = {
    participants: k.participants.entered,
    apprenticeship_rate: k.outcomes.apprenticeshipRate,
    internships: k.internships.total,
    workshops: k.events.workshops,
    employers_informed: k.employersInformed,
    multiplier_contacts: k.multiplierContacts.total,
  };
  const start = dayOf(project.startDate);
  const span = daysBetween(start, dayOf(project.endDate));
  const elapsed = Math.min(1, Math.max(0, daysBetween(start, to) / span));
  const targets = new Map(project.targets.map((t) => [t.kpi, t.value]));
  return KPIS.map((kpi) => {
    const isRate = kpi === "apprenticeship_rate";
    const target = targets.get(kpi) ?? null;
    const forecast = isRate
      ? actual[kpi]
      : elapsed > 0.05
        ? Math.round(actual[kpi] / elapsed)
        : null;
    return {
      kpi,
      actual: actual[kpi],
      target,
      isRate,
      forecast,
      status: targetStatus(actual[kpi], target, forecast),
    };
  });
}

/** The KPIs that carry targets, against them, with a forecast to the end of the project. */
export async function projectKpis(projectId: string, now = new Date()): Promise<KpiRow[]> {
  const project = await db.project.findUniqueOrThrow({
    where: { id: projectId },
    select: { startDate: true, endDate: true, targets: { select: { kpi: true, value: true } } },
  });
  const period = projectToDate(project, now);
  return targetRows(project, await computeKpis(projectId, period, now), period.to);
}

export type DistrictRow = {
  ags: string;
  name: string;
  entered: number;
  apprenticeship: number;
  employersInformed: number;
};

/** Per served district: participants entered (first entry), apprenticeships begun, employers informed. */
export async function kpisByDistrict(projectId: string, period: Period): Promise<DistrictRow[]> {
  const { from, until } = bounds(period);
  const [districts, entered, apprenticeship, informed] = await Promise.all([
    queryRows(
      { ags: sqlText, name: sqlText },
      Prisma.sql`
      SELECT ags, name FROM "District" WHERE served ORDER BY name`,
    ),
    queryRows(
      { ags: sqlText, n: sqlCount },
      Prisma.sql`
      SELECT p."districtAgs" AS ags, count(*) AS n
      FROM (${firstEntries(projectId)}) f
      JOIN "Participant" p ON p.id = f."participantId"
      WHERE f."firstEntry" >= ${from} AND f."firstEntry" < ${until}
      GROUP BY 1`,
    ),
    queryRows(
      { ags: sqlText, n: sqlCount },
      Prisma.sql`
      SELECT p."districtAgs" AS ags, count(DISTINCT o."participantId") AS n
      FROM "Outcome" o JOIN "ParticipantStay" s ON s.id = o."stayId"
      JOIN "Participant" p ON p.id = o."participantId"
      WHERE s."projectId" = ${projectId} AND o.type = 'ausbildung'
        AND coalesce(o."startDate", o."createdAt") >= ${from}
        AND coalesce(o."startDate", o."createdAt") < ${until}
      GROUP BY 1`,
    ),
    queryRows(
      { ags: sqlText, n: sqlCount },
      Prisma.sql`
      SELECT "districtAgs" AS ags, count(*) AS n FROM "Company"
      WHERE "informedAt" >= ${from} AND "informedAt" < ${until} GROUP BY 1`,
    ),
  ]);
  const by = (rows: { ags: string; n: number }[]) => new Map(rows.map((r) => [r.ags, num(r.n)]));
  const e = by(entered);
  const a = by(apprenticeship);
  const i = by(informed);
  return districts.map((d) => ({
    ags: d.ags,
    name: d.name,
    entered: e.get(d.ags) ?? 0,
    apprenticeship: a.get(d.ags) ?? 0,
    employersInformed: i.get(d.ags) ?? 0,
  }));
}

export type MonthRow = {
  month: string;
  entered: number;
  exited: number;
  internships: number;
  employersInformed: number;
};

/** Per month of the period (YYYY-MM): first entries, persons who left, internships begun, employers informed. */
export async function kpisByMonth(projectId: string, period: Period): Promise<MonthRow[]> {
  const { from, until } = bounds(period);
  const months = monthsOf(period);
  const month = (column: string) => monthCase(column, months);
  const [participants, internships, informed] = await Promise.all([
    queryRows(
      { month: sqlText, entered: sqlCount, exited: sqlCount },
      Prisma.sql`
      SELECT month, count(DISTINCT CASE WHEN kind = 'in' THEN id END) AS entered,
        count(DISTINCT CASE WHEN kind = 'out' THEN id END) AS exited FROM (
        SELECT ${month("firstEntry")} AS month, 'in' AS kind, "participantId" AS id FROM (${firstEntries(projectId)}) AS f
          WHERE "firstEntry" >= ${from} AND "firstEntry" < ${until}
        UNION ALL
        SELECT ${month("exitDate")}, 'out', "participantId" FROM "ParticipantStay"
          WHERE "projectId" = ${projectId} AND "exitDate" >= ${from} AND "exitDate" < ${until}
      ) AS moves GROUP BY month`,
    ),
    queryRows(
      { month: sqlText, n: sqlCount },
      Prisma.sql`
      SELECT ${month("startDate")} AS month, count(*) AS n FROM "Internship"
      WHERE "projectId" = ${projectId} AND status <> 'vorgeschlagen'
        AND "startDate" >= ${from} AND "startDate" < ${until} GROUP BY 1`,
    ),
    queryRows(
      { month: sqlText, n: sqlCount },
      Prisma.sql`
      SELECT ${month("informedAt")} AS month, count(*) AS n FROM "Company"
      WHERE "informedAt" >= ${from} AND "informedAt" < ${until} GROUP BY 1`,
    ),
  ]);
  const of = <T extends { month: string }>(rows: T[]) => new Map(rows.map((r) => [r.month, r]));
  const p = of(participants);
  const i = of(internships);
  const c = of(informed);
  return months.map((month) => ({
    month,
    entered: num(p.get(month)?.entered),
    exited: num(p.get(month)?.exited),
    internships: num(i.get(month)?.n),
    employersInformed: num(c.get(month)?.n),
  }));
}

/** Open and overdue follow-ups per active team member (for the lead). */
export async function openFollowUpsByUser(now = new Date()) {
  const rows = await queryRows(
    { id: sqlText, name: sqlText, open: sqlCount, overdue: sqlCount },
    Prisma.sql`
    SELECT u.id, u.name, count(f.id) AS open, count(CASE WHEN f."dueDate" < ${sqlDate(todayDateOnly(now))} THEN 1 END) AS overdue
    FROM "User" u JOIN "FollowUp" f ON f."assigneeId" = u.id AND f."doneAt" IS NULL
    WHERE u.active GROUP BY u.id, u.name ORDER BY open DESC, u.name`,
  );
  return rows.map((r) => ({ ...r, open: num(r.open), overdue: num(r.overdue) }));
}

/** The project's events held in the period, with attendance, for the funder report. */
export function eventsHeld(projectId: string, period: Period, now = new Date()) {
  const { since, until } = dayRange(period);
  return db.event.findMany({
    where: {
      projectId,
      cancelledAt: null,
      startsAt: { gte: since, lt: until < now ? until : now },
    },
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      type: true,
      title: true,
      startsAt: true,
      place: true,
      registrations: { where: { attendance: "anwesend" }, select: { persons: true } },
    },
  });
}
