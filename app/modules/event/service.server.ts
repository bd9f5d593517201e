import { db, type Prisma } from "~/db.server";
import { type ListParams, skipTake, toPage } from "~/lib/list-params";

/** Upcoming events soonest first, past ones newest first, with registration and attendance counts. */
export async function listEvents(
  params: ListParams,
  when: "kommend" | "vergangen",
  now = new Date(),
) {
  const where: Prisma.EventWhereInput =
    when === "kommend" ? { startsAt: { gte: now } } : { startsAt: { lt: now } };
  const [rows, count] = await Promise.all([
    db.event.findMany({
      where,
      orderBy: [{ startsAt: when === "kommend" ? "asc" : "desc" }, { id: "asc" }],
      ...skipTake(params),
      select: {
        id: true,
        title: true,
        type: true,
        startsAt: true,
        place: true,
        onlineUrl: true,
        capacity: true,
        cancelledAt: true,
        _count: { select: { registrations: { where: { status: "angemeldet" } } } },
      },
    }),
    db.event.count({ where }),
  ]);
  const attended = await db.eventRegistration.groupBy({
    by: ["eventId"],
    where: { eventId: { in: rows.map((r) => r.id) }, attendance: "anwesend" },
    _count: true,
  });
  const attendedBy = new Map(attended.map((a) => [a.eventId, a._count]));
  return toPage(
    rows.map(({ _count, ...r }) => ({
      ...r,
      registered: _count.registrations,
      attended: attendedBy.get(r.id) ?? 0,
    })),
    count,
    params,
  );
}
