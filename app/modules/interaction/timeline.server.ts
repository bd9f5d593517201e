import { db } from "~/db.server";
import type { TimelineItem } from "./timeline-item";

export type { TimelineItem };

export type TimelineSubject = { companyId: string } | { contactId: string };

/**
 * Everything that happened with a company or contact, newest first. Each source is read up to
 * the end of the requested page and merged, so paging stays exact without a union query.
 */
export async function timelineFor(subject: TimelineSubject, page: number, perPage = 20) {
  const take = page * perPage + 1;
  const byCompany = "companyId" in subject;
  const where = byCompany ? { companyId: subject.companyId } : { contactId: subject.contactId };
  const [interactions, followUps, statusChanges, internships, registrations] = await Promise.all([
    db.interaction.findMany({
      where: { ...where, deletedAt: null },
      orderBy: { occurredAt: "desc" },
      take,
      select: {
        id: true,
        occurredAt: true,
        type: true,
        outcome: true,
        notes: true,
        topics: { select: { topic: true } },
        author: { select: { name: true } },
        contact: { select: { firstName: true, lastName: true } },
      },
    }),
    db.followUp.findMany({
      where,
      orderBy: { createdAt: "desc" },
      take,
      select: {
        id: true,
        createdAt: true,
        title: true,
        dueDate: true,
        doneAt: true,
        assignee: { select: { name: true } },
      },
    }),
    byCompany
      ? db.companyStatusChange.findMany({
          where: { companyId: subject.companyId },
          orderBy: { createdAt: "desc" },
          take,
          select: {
            id: true,
            createdAt: true,
            fromStatus: true,
            toStatus: true,
            changedBy: { select: { name: true } },
          },
        })
      : Promise.resolve([]),
    // A contact's internships are those they supervise.
    db.internship.findMany({
      where: byCompany ? { companyId: subject.companyId } : { supervisorId: subject.contactId },
      orderBy: { createdAt: "desc" },
      take,
      select: {
        id: true,
        createdAt: true,
        startDate: true,
        status: true,
        participantId: true,
        occupation: { select: { title: true } },
      },
    }),
    db.eventRegistration.findMany({
      where,
      orderBy: { createdAt: "desc" },
      take,
      select: { id: true, attendance: true, event: { select: { title: true, startsAt: true } } },
    }),
  ]);
  const items: TimelineItem[] = [
    ...interactions.map((i) => ({
      kind: "interaction" as const,
      id: i.id,
      at: i.occurredAt,
      type: i.type,
      topics: i.topics.map((x) => x.topic),
      outcome: i.outcome,
      notes: i.notes,
      author: i.author.name,
      contact: i.contact ? `${i.contact.firstName} ${i.contact.lastName}` : null,
    })),
    ...followUps.map((f) => ({
      kind: "followup" as const,
      id: f.id,
      at: f.createdAt,
      title: f.title,
      assignee: f.assignee.name,
      due: f.dueDate,
      done: f.doneAt != null,
    })),
    ...statusChanges.map((s) => ({
      kind: "status" as const,
      id: s.id,
      at: s.createdAt,
      from: s.fromStatus,
      to: s.toStatus,
      by: s.changedBy?.name ?? null,
    })),
    ...internships.map((i) => ({
      kind: "internship" as const,
      id: i.id,
      at: i.startDate ?? i.createdAt,
      status: i.status,
      occupation: i.occupation.title,
      participantId: i.participantId,
    })),
    ...registrations.map((r) => ({
      kind: "event" as const,
      id: r.id,
      at: r.event.startsAt,
      title: r.event.title,
      attendance: r.attendance,
    })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime() || a.id.localeCompare(b.id));
  const start = (page - 1) * perPage;
  return {
    items: items.slice(start, start + perPage),
    page,
    hasMore: items.length > start + perPage,
  };
}
