import { db } from "~/db.server";
import { todayDateOnly } from "~/lib/day";
import { can } from "~/modules/auth/permissions";
import type { SessionUser } from "~/modules/auth/session.server";

export type Figure = { key: string; value: number; note?: { key: string; value: number } };

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
