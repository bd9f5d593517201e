import { db } from "~/db.server";
import { dateOnly, hourOf, today } from "~/lib/day";
import { forgetOldHits } from "~/lib/rate-limit.server";
import { dailyBackup } from "~/modules/backup/backup.server";
import { removeAbandonedUploads } from "~/modules/company/import.server";
import { removeOrphanDocumentFiles } from "~/modules/documents/documents.server";
import { type DeliveryReport, deliverOutbox, queueEmail } from "~/modules/email/email.server";
import { reminderEmail } from "~/modules/event/emails";
import { cancelLink, EVENT_EMAIL_SELECT } from "~/modules/event/registration.server";
import { isOverdue } from "~/modules/interaction/follow-ups.server";
import { retentionJob } from "~/modules/retention/apply.server";
import { digestEmail } from "./digest-email";
import { claimJobLock, releaseJobLock } from "./lock.server";

/** Reminders go out once an event is 48 hours away or less (a duration, not calendar days). */
const REMINDER_WINDOW_MS = 48 * 60 * 60 * 1000;

/**
 * Reminders to everyone registered for an event that starts within the next two days. Each
 * registration is claimed (reminderSentAt) in the same transaction that queues its email, so
 * running the job twice — or two runs at once — sends one reminder.
 */
export async function queueReminders(now = new Date()) {
  const due = await db.eventRegistration.findMany({
    where: {
      status: "angemeldet",
      email: { not: null },
      reminderSentAt: null,
      event: {
        cancelledAt: null,
        startsAt: { gt: now, lte: new Date(now.getTime() + REMINDER_WINDOW_MS) },
      },
    },
    select: {
      id: true,
      name: true,
      email: true,
      event: { select: { ...EVENT_EMAIL_SELECT, publicSlug: true } },
    },
    take: 500,
  });
  let queued = 0;
  for (const r of due) {
    await db.$transaction(async (tx) => {
      const claimed = await tx.eventRegistration.updateMany({
        where: { id: r.id, reminderSentAt: null },
        data: { reminderSentAt: now },
      });
      if (claimed.count !== 1) return;
      const mail = await reminderEmail({
        name: r.name,
        event: r.event,
        cancelLink: cancelLink(r.event.publicSlug, r.id),
      });
      await queueEmail(
        {
          kind: "event-reminder",
          to: r.email!,
          toName: r.name,
          ...mail,
          idempotencyKey: `reminder:${r.id}`,
        },
        tx,
      );
      queued++;
    });
  }
  return queued;
}

/**
 * The daily digest to each active coach with follow-ups due today or overdue. One per coach and
 * day: the JobRun key is written in the transaction that queues the email.
 */
export async function queueDigests(now = new Date()) {
  const day = today(now);
  const open = await db.followUp.findMany({
    where: {
      doneAt: null,
      dueDate: { lte: dateOnly(day) },
      assignee: { active: true, role: { in: ["jobcoach", "vermittlung", "leitung"] } },
    },
    orderBy: { dueDate: "asc" },
    select: {
      title: true,
      dueDate: true,
      assigneeId: true,
      assignee: { select: { name: true, email: true } },
      company: { select: { name: true } },
    },
  });
  const byUser = new Map<string, typeof open>();
  for (const f of open) byUser.set(f.assigneeId, [...(byUser.get(f.assigneeId) ?? []), f]);
  let queued = 0;
  for (const [userId, items] of byUser) {
    const key = `digest:${userId}:${day}`;
    await db.$transaction(async (tx) => {
      if (await tx.jobRun.findUnique({ where: { key } })) return;
      await tx.jobRun.create({ data: { key, ranAt: now } });
      const first = items[0]!;
      const mail = await digestEmail({
        name: first.assignee.name,
        items: items.map((f) => ({
          title: f.title,
          dueDate: f.dueDate,
          overdue: isOverdue(f.dueDate, now),
          about: f.company?.name ?? null,
        })),
      });
      await queueEmail(
        {
          kind: "followup-digest",
          to: first.assignee.email,
          toName: first.assignee.name,
          ...mail,
          idempotencyKey: key,
        },
        tx,
      );
      queued++;
    });
  }
  return queued;
}

export type JobsReport = {
  reminders: number;
  digests: number;
  delivery: DeliveryReport;
  uploadsRemoved: number;
  /** Document files whose document was deleted (by a user, a retention rule or an erasure). */
  documentFilesRemoved: number;
  /** The daily backup taken in this run, if any. */
  backup: string | null;
  /** Records the automatic retention run changed today (null: not switched on, paused or done). */
  retention: number | null;
};

/**
 * Everything that runs on a schedule, safe to run twice: reminders, the morning digest (from
 * 6 o'clock), delivery of due outbox rows, the daily backup and, when switched on, the daily
 * retention run. `npm run jobs` runs it once; the server every minute. With several servers
 * on one database, the one that claims the lock runs them (null for the others).
 */
export async function runJobs(now = new Date()): Promise<JobsReport | null> {
  // One server runs the jobs at a time; a run that dies leaves the lock to expire.
  if (!(await claimJobLock(JOBS_LOCK, JOBS_LOCK_MS, now))) return null;
  try {
    return await runJobsNow(now);
  } finally {
    await releaseJobLock(JOBS_LOCK);
  }
}

/** The lock's name and how long a run may hold it before another server takes over. */
export const JOBS_LOCK = "geplante-aufgaben";
export const JOBS_LOCK_MS = 10 * 60 * 1000;

async function runJobsNow(now: Date): Promise<JobsReport> {
  const reminders = await queueReminders(now);
  const digests = hourOf(now) >= 6 ? await queueDigests(now) : 0;
  const delivery = await deliverOutbox({ now, limit: 200 });
  const uploadsRemoved = await removeAbandonedUploads(now);
  const documentFilesRemoved = await removeOrphanDocumentFiles(now);
  await forgetOldHits(now);
  const backup = (await dailyBackup(now))?.file ?? null;
  const retention = (await retentionJob(now))?.applied ?? null;
  return { reminders, digests, delivery, uploadsRemoved, documentFilesRemoved, backup, retention };
}
