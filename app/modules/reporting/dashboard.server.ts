import { db } from "~/db.server";
import { dayOf, formatDay, todayDateOnly } from "~/lib/day";
import type { MessageKey } from "~/messages";
import { can } from "~/modules/auth/permissions";
import type { SessionUser } from "~/modules/auth/session.server";
import {
  computeKpis,
  kpisByDistrict,
  kpisByMonth,
  openFollowUpsByUser,
  targetRows,
} from "./kpis.server";
import { projectToDate, resolvePeriod, runningProject } from "./period";
import { listProjects } from "./projects.server";

export type Figure = {
  key: MessageKey;
  value: number;
  note?: { key: MessageKey; value: number };
};

/** The numbers of the Übersicht page, only those the user's role may see. */
export async function dashboardFigures(
  user: SessionUser,
  now = new Date(),
  options: { personalOnly?: boolean } = {},
): Promise<Figure[]> {
  const figures: Figure[] = [];
  const programme = !options.personalOnly;
  if (can(user.role, "read", "followup")) {
    const mine = { assigneeId: user.id, doneAt: null };
    const [open, overdue] = await Promise.all([
      db.followUp.count({ where: mine }),
      db.followUp.count({ where: { ...mine, dueDate: { lt: todayDateOnly(now) } } }),
    ]);
    figures.push({
      key: "dashboard.myFollowUps",
      value: open,
      note: { key: "dashboard.overdue", value: overdue },
    });
  }
  if (
    can(user.role, "read", "participant", "own") &&
    !can(user.role, "read", "participant", "any")
  ) {
    figures.push({
      key: "dashboard.myParticipants",
      value: await db.participant.count({ where: { coachId: user.id, archivedAt: null } }),
    });
  }
  if (programme && can(user.role, "read", "company")) {
    const [companies, informed] = await Promise.all([
      db.company.count({ where: { archivedAt: null } }),
      db.company.count({ where: { archivedAt: null, informedAt: { not: null } } }),
    ]);
    figures.push({
      key: "dashboard.companies",
      value: companies,
      note: { key: "dashboard.informed", value: informed },
    });
  }
  if (programme && can(user.role, "read", "participant", "any")) {
    const [participants, inApprenticeship] = await Promise.all([
      db.participant.count({ where: { archivedAt: null } }),
      db.participant.count({ where: { archivedAt: null, status: "in_ausbildung" } }),
    ]);
    figures.push({
      key: "dashboard.participants",
      value: participants,
      note: { key: "dashboard.inApprenticeship", value: inApprenticeship },
    });
  }
  if (programme && can(user.role, "read", "internship", "any")) {
    figures.push({ key: "dashboard.internships", value: await db.internship.count() });
  }
  if (can(user.role, "read", "event")) {
    figures.push({
      key: "dashboard.upcomingEvents",
      value: await db.event.count({ where: { startsAt: { gte: now }, cancelledAt: null } }),
    });
  }
  if (can(user.role, "read", "user", "any")) {
    const [users, invitations, outbox] = await Promise.all([
      db.user.count({ where: { active: true } }),
      db.invitation.count({ where: { usedAt: null, revokedAt: null, expiresAt: { gt: now } } }),
      db.emailOutbox.count({ where: { status: { in: ["pending", "held", "failed"] } } }),
    ]);
    figures.push({ key: "dashboard.users", value: users });
    figures.push({ key: "dashboard.pendingInvitations", value: invitations });
    figures.push({ key: "dashboard.outbox", value: outbox });
  }
  return figures;
}

/** The lead's project view: targets, figures of a period, breakdowns, the team's follow-ups. */
export async function projectDashboard(url: URL, now: Date) {
  const projects = await listProjects();
  const project =
    projects.find((p) => p.id === url.searchParams.get("projekt")) ?? runningProject(projects, now);
  if (!project) return null;
  const { isProjectToDate, ...period } = resolvePeriod(url.searchParams, project, now);
  const toDate = projectToDate(project, now);
  // The targets need the project so far; the page's period is usually exactly that.
  const [kpis, kpisToDate, byDistrict, byMonth, followUps] = await Promise.all([
    computeKpis(project.id, period, now),
    isProjectToDate ? null : computeKpis(project.id, toDate, now),
    kpisByDistrict(project.id, period),
    kpisByMonth(project.id, period),
    openFollowUpsByUser(now),
  ]);
  const targets = targetRows(project, kpisToDate ?? kpis, toDate.to);
  return {
    projects: projects.map((p) => ({ id: p.id, name: p.name })),
    project: { id: project.id, name: project.name, startIso: dayOf(project.startDate) },
    period: {
      from: formatDay(period.from),
      to: formatDay(period.to),
      fromIso: period.from,
      toIso: period.to,
    },
    targets,
    kpis,
    byDistrict,
    byMonth,
    followUps,
  };
}

/** A coach's own numbers: their participants in the running project, so far. */
export async function coachDashboard(user: SessionUser, now: Date) {
  const projects = await listProjects();
  const project = runningProject(projects, now);
  if (!project) return null;
  const period = projectToDate(project, now);
  return {
    project: { id: project.id, name: project.name, startIso: dayOf(project.startDate) },
    period: { from: formatDay(period.from), fromIso: period.from, toIso: period.to },
    kpis: await computeKpis(project.id, period, now, user.id),
  };
}

export type ProjectDashboard = NonNullable<Awaited<ReturnType<typeof projectDashboard>>>;
export type CoachDashboard = NonNullable<Awaited<ReturnType<typeof coachDashboard>>>;
