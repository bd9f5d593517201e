import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  addMonthsToDay,
  atTime,
  calendarWeeks,
  dateOnly,
  dayOf,
  dayRange,
  daysBetween,
  formatDate,
  formatDateTime,
  formatDay,
  formatMonth,
  formatTime,
  hourOf,
  isAfterToday,
  monthDays,
  monthsOf,
  parseDateOnly,
  parseDay,
  startOfDay,
  today,
  weekday,
  weekOf,
  yearsBetween,
} from "./day";

const inRange = (t: Date, r: { since: Date; until: Date }) => r.since <= t && t < r.until;
const anyDay = fc
  .date({
    min: new Date("1990-01-01T00:00:00Z"),
    max: new Date("2060-12-31T00:00:00Z"),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

describe("the team's day", () => {
  it("is Berlin's: 00:30 on 1 March in Berlin is 1 March, though still February in UTC", () => {
    const instant = new Date("2027-02-28T23:30:00Z");
    expect(dayOf(instant)).toBe("2027-03-01");
    expect(today(instant)).toBe("2027-03-01");
    expect(inRange(instant, dayRange({ from: "2027-03-01", to: "2027-03-31" }))).toBe(true);
    expect(inRange(instant, dayRange({ from: "2027-02-01", to: "2027-02-28" }))).toBe(false);
  });

  it("turns at Berlin midnight on the nights of the clock changes and New Year", () => {
    // 2027-03-27 23:30 UTC is 01:30 on the 28th in Berlin (summer time begins at 02:00 that night).
    expect(today(new Date("2027-03-27T23:30:00Z"))).toBe("2027-03-28");
    expect(today(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
    expect(startOfDay("2027-03-28").toISOString()).toBe("2027-03-27T23:00:00.000Z");
    expect(startOfDay("2027-03-29").toISOString()).toBe("2027-03-28T22:00:00.000Z");
    expect(startOfDay("2027-10-31").toISOString()).toBe("2027-10-30T22:00:00.000Z");
    expect(startOfDay("2027-11-01").toISOString()).toBe("2027-10-31T23:00:00.000Z");
  });

  it("a period ending on the last day of a month includes that whole day", () => {
    const march = dayRange({ from: "2027-03-01", to: "2027-03-31" });
    expect(inRange(dateOnly("2027-03-31"), march)).toBe(true);
    expect(inRange(new Date("2027-03-31T21:59:00Z"), march)).toBe(true); // 23:59 in Berlin
    expect(inRange(new Date("2027-03-31T22:00:00Z"), march)).toBe(false); // 1 April, 00:00
    expect(inRange(dateOnly("2027-04-01"), march)).toBe(false);
    expect(inRange(dateOnly("2027-02-28"), march)).toBe(false);
  });

  it("an event at 10:00 on the day after the change to summer time is 10:00", () => {
    const startsAt = atTime("2027-03-29", "10:00");
    expect(startsAt.toISOString()).toBe("2027-03-29T08:00:00.000Z");
    expect(formatTime(startsAt)).toBe("10:00");
    expect(formatDateTime(startsAt)).toBe("29.03.2027, 10:00");
    expect(atTime("2027-03-26", "10:00").toISOString()).toBe("2027-03-26T09:00:00.000Z");
    expect(formatTime(atTime("2027-03-28", "10.30"))).toBe("10:30");
    expect(hourOf(atTime("2027-03-28", "06:00"))).toBe(6);
  });

  it("reads every instant of a day, and every date-only value, as that day", () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 0, max: 24 * 60 - 1 }), (day, minute) => {
        const { since, until } = dayRange({ from: day, to: day });
        const t = new Date(since.getTime() + minute * 60_000);
        // A day has 23, 24 or 25 hours; the minutes of a 24-hour clock fall into it except on
        // the short day, where the last hour belongs to the next day.
        if (t < until) expect(dayOf(t)).toBe(day);
        expect(dayOf(dateOnly(day))).toBe(day);
        expect(dayOf(new Date(until.getTime() - 1))).toBe(day);
        expect(dayOf(until)).toBe(addDays(day, 1));
      }),
    );
  });

  it("counts, adds and weeks days without drifting", () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: -1000, max: 1000 }), (day, n) => {
        expect(daysBetween(day, addDays(day, n))).toBe(n);
        const week = weekOf(day);
        expect(weekday(week.from)).toBe(1);
        expect(daysBetween(week.from, week.to)).toBe(6);
        expect(week.from <= day && day <= week.to).toBe(true);
      }),
    );
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2027-03-28", 1)).toBe("2027-03-29");
    expect(weekOf("2026-12-01")).toEqual({ from: "2026-11-30", to: "2026-12-06" });
    expect(yearsBetween("2008-02-29", "2026-02-28")).toBe(17);
    expect(yearsBetween("2008-02-29", "2026-03-01")).toBe(18);
    expect(yearsBetween("2000-12-01", "2026-11-30")).toBe(25);
    expect(yearsBetween("2000-12-01", "2026-12-01")).toBe(26);
  });

  it("knows months: their days, the months of a period, a calendar page", () => {
    expect(monthDays("2028-02")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    expect(addMonths("2026-12", 1)).toBe("2027-01");
    expect(addMonths("2027-01", -1)).toBe("2026-12");
    expect(monthsOf({ from: "2026-11-15", to: "2027-02-01" })).toEqual([
      "2026-11",
      "2026-12",
      "2027-01",
      "2027-02",
    ]);
    const weeks = calendarWeeks("2026-12");
    expect(weeks[0]).toEqual([
      null,
      "2026-12-01",
      "2026-12-02",
      "2026-12-03",
      "2026-12-04",
      "2026-12-05",
      "2026-12-06",
    ]);
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
    expect(formatMonth("2027-03")).toBe("März 2027");
    expect(formatMonth("2025-04", "short")).toBe("Apr. 25");
  });

  it("is after today only from the next Berlin day on", () => {
    const now = new Date("2026-11-30T23:30:00Z"); // 1 December, 00:30 in Berlin
    expect(isAfterToday(dateOnly("2026-12-01"), now)).toBe(false);
    expect(isAfterToday(dateOnly("2026-12-02"), now)).toBe(true);
    expect(isAfterToday(new Date("2026-12-01T22:59:00Z"), now)).toBe(false);
  });
});

describe("German dates", () => {
  it("formats and parses as coaches write them; impossible days are refused", () => {
    expect(formatDate(dateOnly("2025-12-31"))).toBe("31.12.2025");
    expect(formatDate(new Date("2027-02-28T23:30:00Z"))).toBe("01.03.2027");
    expect(formatDate(null)).toBe("–");
    expect(formatDay("2025-03-01")).toBe("01.03.2025");
    expect(parseDay("31.12.2025")).toBe("2025-12-31");
    expect(parseDay(" 1.3.2027 ")).toBe("2027-03-01");
    expect(parseDay("2025-02-28")).toBe("2025-02-28");
    expect(parseDay("31.02.2025")).toBeNull();
    expect(parseDay("29.02.2023")).toBeNull();
    expect(parseDay("29.02.2024")).toBe("2024-02-29");
    expect(parseDay("2025-13-01")).toBeNull();
    expect(parseDay("morgen")).toBeNull();
    expect(parseDateOnly("29.02.2028")?.toISOString()).toBe("2028-02-29T00:00:00.000Z");
  });

  it("parses what it formats, for every day", () => {
    fc.assert(
      fc.property(anyDay, (day) => {
        expect(parseDay(formatDay(day))).toBe(day);
        expect(parseDay(formatDate(dateOnly(day)))).toBe(day);
        const [y, m, d] = day.split("-").map(Number);
        expect(parseDay(`${d}.${m}.${y}`)).toBe(day);
      }),
    );
  });

  it("moves a day by whole months, the 31st to a shorter month's last day", () => {
    expect(addMonthsToDay("2026-03-31", -1)).toBe("2026-02-28");
    expect(addMonthsToDay("2024-03-31", -1)).toBe("2024-02-29");
    expect(addMonthsToDay("2026-12-01", -12)).toBe("2025-12-01");
    expect(addMonthsToDay("2026-01-15", 24)).toBe("2028-01-15");
  });
});
