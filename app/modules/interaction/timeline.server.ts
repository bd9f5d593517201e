import { z } from "zod";
import {
  Prisma,
  queryRows,
  sqlChoice,
  sqlInstant,
  sqlInstantText,
  sqlJoined,
  sqlText,
  sqlTextOrNull,
} from "~/db.server";
import type { TimelineItem } from "./timeline-item";

export type { TimelineItem };

export type TimelineSubject = { companyId: string } | { contactId: string };

const TIMELINE_KINDS = ["interaction", "followup", "internship", "event", "status"] as const;

const ROW = {
  kind: sqlChoice(TIMELINE_KINDS),
  id: sqlText,
  at: sqlInstant,
  /** Per kind: type / title / from status / status / title */
  a: sqlTextOrNull,
  /** Per kind: outcome / assignee / to status / occupation / attendance */
  b: sqlTextOrNull,
  /** Per kind: notes / due date / changed by / participant id */
  c: z.union([z.string(), z.date()]).nullable(),
  /** Per kind: author / done */
  d: z.union([z.string(), z.number(), z.bigint()]).nullable(),
  /** Interaction: contact name; topics separated by "|" */
  e: sqlTextOrNull,
  topics: sqlTextOrNull,
};
type Row = z.output<z.ZodObject<typeof ROW>>;

const when = (value: Date | string) => (value instanceof Date ? value : new Date(value));
const textOf = (value: Date | string | null) =>
  value instanceof Date ? value.toISOString() : value;

/**
 * Everything that happened with a company or contact, newest first, one page of it in one query:
 * interactions, follow-ups, status changes, internships and event registrations.
 */
export async function timelineFor(subject: TimelineSubject, page: number, perPage = 20) {
  const byCompany = "companyId" in subject;
  const id = byCompany ? subject.companyId : subject.contactId;
  const subjectColumn = Prisma.raw(byCompany ? '"companyId"' : '"contactId"');
  const parts = [
    Prisma.sql`SELECT 'interaction' AS kind, i.id AS id, i."occurredAt" AS at, i.type AS a, i.outcome AS b,
        i.notes AS c, u.name AS d, ct."firstName" || ' ' || ct."lastName" AS e,
        (SELECT ${sqlJoined(Prisma.sql`t.topic`, "|")} FROM "InteractionTopic" t WHERE t."interactionId" = i.id) AS topics
      FROM "Interaction" i JOIN "User" u ON u.id = i."authorId" LEFT JOIN "ContactPerson" ct ON ct.id = i."contactId"
      WHERE i.${subjectColumn} = ${id} AND i."deletedAt" IS NULL`,
    Prisma.sql`SELECT 'followup', f.id, f."createdAt", f.title, u.name, ${sqlInstantText(Prisma.sql`f."dueDate"`)},
        CASE WHEN f."doneAt" IS NOT NULL THEN '1' ELSE '0' END, NULL, NULL
      FROM "FollowUp" f JOIN "User" u ON u.id = f."assigneeId" WHERE f.${subjectColumn} = ${id}`,
    // A contact's internships are those they supervise.
    Prisma.sql`SELECT 'internship', p.id, coalesce(p."startDate", p."createdAt"), p.status, o.title,
        p."participantId", NULL, NULL, NULL
      FROM "Internship" p JOIN "Occupation" o ON o.id = p."occupationId"
      WHERE ${byCompany ? Prisma.sql`p."companyId" = ${id}` : Prisma.sql`p."supervisorId" = ${id}`}`,
    Prisma.sql`SELECT 'event', r.id, e."startsAt", e.title, r.attendance, NULL, NULL, NULL, NULL
      FROM "EventRegistration" r JOIN "Event" e ON e.id = r."eventId" WHERE r.${subjectColumn} = ${id}`,
  ];
  if (byCompany)
    parts.push(Prisma.sql`SELECT 'status', s.id, s."createdAt", s."fromStatus", s."toStatus",
        u.name, NULL, NULL, NULL
      FROM "CompanyStatusChange" s LEFT JOIN "User" u ON u.id = s."changedById" WHERE s."companyId" = ${id}`);
  const rows = await queryRows(
    ROW,
    Prisma.sql`${Prisma.join(parts, " UNION ALL ")}
      ORDER BY at DESC, id ASC LIMIT ${perPage + 1} OFFSET ${(page - 1) * perPage}`,
  );
  return {
    items: rows.slice(0, perPage).map(toItem),
    page,
    hasMore: rows.length > perPage,
  };
}

function toItem(r: Row): TimelineItem {
  const at = when(r.at);
  switch (r.kind) {
    case "interaction":
      return {
        kind: r.kind,
        id: r.id,
        at,
        type: r.a ?? "",
        topics: r.topics ? r.topics.split("|") : [],
        outcome: r.b,
        notes: textOf(r.c),
        author: String(r.d ?? ""),
        contact: r.e,
      };
    case "followup":
      return {
        kind: r.kind,
        id: r.id,
        at,
        title: r.a ?? "",
        assignee: r.b ?? "",
        due: when(r.c ?? at),
        done: Boolean(Number(r.d)),
      };
    case "status":
      return { kind: r.kind, id: r.id, at, from: r.a ?? "", to: r.b ?? "", by: textOf(r.c) };
    case "internship":
      return {
        kind: r.kind,
        id: r.id,
        at,
        status: r.a ?? "",
        occupation: r.b ?? "",
        participantId: textOf(r.c) ?? "",
      };
    case "event":
      return { kind: r.kind, id: r.id, at, title: r.a ?? "", attendance: r.b };
  }
}
