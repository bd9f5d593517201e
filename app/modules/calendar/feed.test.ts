import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { addDays, dateOnly, today } from "~/lib/day";
import type { SessionUser } from "~/modules/auth/session.server";
import { createUser } from "../../../tests/factories";
import { calendarFeed, hasCalendarLink, renewCalendarLink } from "./feed.server";

const tokenOf = (url: string) =>
  new URL(url).pathname.replace(/^\/kalender\//, "").replace(/\.ics$/, "");

describe("calendar subscription", () => {
  it("serves the user's open follow-ups and organised events as iCalendar; a renewed or wrong token gets nothing", async () => {
    const me = (await createUser("jobcoach")) as SessionUser;
    const other = (await createUser("jobcoach")) as SessionUser;
    const due = addDays(today(), 2);
    await db.followUp.create({
      data: {
        title: "Praxis Nord zurückrufen",
        dueDate: dateOnly(due),
        assigneeId: me.id,
        createdById: me.id,
      },
    });
    await db.followUp.create({
      data: {
        title: "Schon erledigt",
        dueDate: dateOnly(due),
        assigneeId: me.id,
        createdById: me.id,
        doneAt: new Date(),
      },
    });
    await db.followUp.create({
      data: {
        title: "Nicht meins",
        dueDate: dateOnly(due),
        assigneeId: other.id,
        createdById: other.id,
      },
    });
    await db.event.create({
      data: {
        type: "stammtisch",
        title: "Stammtisch Burg",
        startsAt: new Date(Date.now() + 5 * 86_400_000),
        publicSlug: `stammtisch-${Date.now()}`,
        organiserId: me.id,
      },
    });
    expect(await hasCalendarLink(me)).toBe(false);
    const first = tokenOf(await renewCalendarLink(me));
    expect(await hasCalendarLink(me)).toBe(true);
    const feed = (await calendarFeed(first))!;
    expect(feed).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(feed).toContain("END:VCALENDAR");
    expect(feed).toContain("SUMMARY:Wiedervorlage: Praxis Nord zurückrufen");
    expect(feed).toContain(`DTSTART;VALUE=DATE:${due.replace(/-/g, "")}`);
    expect(feed).toContain("SUMMARY:Stammtisch Burg");
    expect(feed).not.toContain("Schon erledigt");
    expect(feed).not.toContain("Nicht meins");
    // Renewing ends the old link; a made-up one never worked.
    const second = tokenOf(await renewCalendarLink(me));
    expect(await calendarFeed(first)).toBeNull();
    expect(await calendarFeed(second)).toContain("Praxis Nord");
    expect(await calendarFeed("x".repeat(43))).toBeNull();
    expect(await calendarFeed("../../etc/passwd")).toBeNull();
    // A deactivated account's link stops working.
    await db.user.update({ where: { id: me.id }, data: { active: false } });
    expect(await calendarFeed(second)).toBeNull();
  });
});
