import { TZDate } from "@date-fns/tz";

// The one owner of days and dates. Every "day" in Lotse is a calendar day in the team's time zone
// (Berlin): today, which day a stored instant falls on, the instants a period covers, German
// date formatting and parsing. Date-only fields (birth date, entry date, due date, …) store the
// day at 00:00 UTC; instants (events, log times, "informed at") are real moments. Both fall on the
// same Berlin day, so one set of functions serves both. Decision 014.

/** The team's time zone. */
export const TEAM_TIME_ZONE = "Europe/Berlin";
const LOCALE = "de-DE";

/** A calendar day as the team's calendar shows it: "YYYY-MM-DD". */
export type Day = string;
/** A calendar month: "YYYY-MM". */
export type Month = string;

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const GERMAN_DAY = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

const toDate = (d: Date | string) => (typeof d === "string" ? new Date(d) : d);
const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const ymd = (y: number, m: number, d: number): Day => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const parts = (day: Day) => day.split("-").map(Number) as [number, number, number];

const isoDayFmt = new Intl.DateTimeFormat("en-CA", {
  timeZone: TEAM_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});
const hourFmt = new Intl.DateTimeFormat("en-GB", {
  timeZone: TEAM_TIME_ZONE,
  hour: "2-digit",
  hourCycle: "h23",
});
const dateFmt = new Intl.DateTimeFormat(LOCALE, {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  timeZone: TEAM_TIME_ZONE,
});
const dateTimeFmt = new Intl.DateTimeFormat(LOCALE, {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: TEAM_TIME_ZONE,
});
const timeFmt = new Intl.DateTimeFormat(LOCALE, {
  hour: "2-digit",
  minute: "2-digit",
  timeZone: TEAM_TIME_ZONE,
});
// Months are named from their 15th at noon UTC, a moment on the same day everywhere.
const monthLongFmt = new Intl.DateTimeFormat(LOCALE, {
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});
const monthShortFmt = new Intl.DateTimeFormat(LOCALE, {
  month: "short",
  year: "2-digit",
  timeZone: "UTC",
});

/** Whether `text` is a real calendar day written YYYY-MM-DD (2025-02-30 is not). */
export function isDay(text: string): text is Day {
  const m = ISO_DAY.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

/** The Berlin calendar day an instant falls on; a date-only value (00:00 UTC) gives its own day. */
export const dayOf = (instant: Date | string): Day => isoDayFmt.format(toDate(instant));

/** Today in Berlin. */
export const today = (now: Date = new Date()): Day => dayOf(now);

/** The value a date-only field stores for a day: the day at 00:00 UTC. */
export const dateOnly = (day: Day): Date => new Date(`${day}T00:00:00Z`);

/** Today as a date-only value (what a date field would store if the user typed today). */
export const todayDateOnly = (now: Date = new Date()): Date => dateOnly(today(now));

/** The day `n` calendar days after `day` (before, for negative `n`). */
export function addDays(day: Day, n: number): Day {
  const [y, m, d] = parts(day);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Calendar days from `a` to `b` (negative when `b` is earlier). */
export const daysBetween = (a: Day, b: Day): number =>
  Math.round((dateOnly(b).getTime() - dateOnly(a).getTime()) / DAY_MS);

/** The earliest of some days. */
export const earliest = (...days: [Day, ...Day[]]): Day => [...days].sort()[0] as Day;

/** Whole years from `a` to `b` (an age: someone born on `a` is that old on `b`). */
export function yearsBetween(a: Day, b: Day): number {
  const years = Number(b.slice(0, 4)) - Number(a.slice(0, 4));
  return b.slice(5) < a.slice(5) ? years - 1 : years;
}

/** 1 = Monday … 7 = Sunday. */
export const weekday = (day: Day): number => ((dateOnly(day).getUTCDay() + 6) % 7) + 1;

/** Monday and Sunday of the week that holds `day`. */
export function weekOf(day: Day): { from: Day; to: Day } {
  const from = addDays(day, 1 - weekday(day));
  return { from, to: addDays(from, 6) };
}

/** A day and a Berlin wall-clock time ("HH:MM" or "HH.MM") as one instant. */
export function atTime(day: Day, hhmm: string): Date {
  const [y, m, d] = parts(day);
  const [h = 0, min = 0] = hhmm.split(/[:.]/).map(Number);
  return new Date(new TZDate(y, m - 1, d, h, min, TEAM_TIME_ZONE).getTime());
}

/** The instant a Berlin day begins (22:00 or 23:00 UTC the day before). */
export const startOfDay = (day: Day): Date => atTime(day, "00:00");

/** The hour (0–23) Berlin clocks show at an instant. */
export const hourOf = (instant: Date): number => Number(hourFmt.format(instant));

/** A period of whole days, both inclusive. */
export type DayPeriod = { from: Day; to: Day };
/** The same period as a half-open range of instants: `since <= t < until`. */
export type Instants = { since: Date; until: Date };

/**
 * The instants of the days `from` … `to` (both inclusive): from the start of `from` to the start
 * of the day after `to`. Holds the instants of those days and their date-only values alike.
 */
export const dayRange = ({ from, to }: DayPeriod): Instants => ({
  since: startOfDay(from),
  until: startOfDay(addDays(to, 1)),
});

/** Whether an instant or date-only value falls on a day after today (Berlin). */
export const isAfterToday = (d: Date, now: Date = new Date()): boolean => dayOf(d) > today(now);

/** The month a day belongs to. */
export const monthOf = (day: Day): Month => day.slice(0, 7);

/** The month `n` months after `month`. */
export function addMonths(month: Month, n: number): Month {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}`;
}

/** Whether `text` is a month written YYYY-MM. */
export const isMonth = (text: string): text is Month => isDay(`${text}-01`);

/** The first and last day of a month. */
export function monthDays(month: Month): DayPeriod {
  const from = `${month}-01`;
  return { from, to: addDays(`${addMonths(month, 1)}-01`, -1) };
}

/** The same day `n` months later (earlier for negative `n`); the 31st becomes a month's last day. */
export function addMonthsToDay(day: Day, n: number): Day {
  const month = addMonths(monthOf(day), n);
  const last = monthDays(month).to;
  const same = `${month}-${day.slice(8, 10)}`;
  return same > last ? last : same;
}

/** The months a period touches, in order. */
export function monthsOf({ from, to }: DayPeriod): Month[] {
  const months: Month[] = [];
  for (let m = monthOf(from); m <= monthOf(to); m = addMonths(m, 1)) months.push(m);
  return months;
}

/** The days of a month as weeks (Monday first), with blanks before the 1st and after the last. */
export function calendarWeeks(month: Month): (Day | null)[][] {
  const { from, to } = monthDays(month);
  const cells: (Day | null)[] = Array(weekday(from) - 1).fill(null);
  for (let d = from; d <= to; d = addDays(d, 1)) cells.push(d);
  while (cells.length % 7) cells.push(null);
  const weeks: (Day | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

// ---- German formatting and parsing ----

/** "31.12.2025" for an instant or date-only value (the Berlin day); "–" when empty. */
export const formatDate = (d: Date | string | null | undefined): string =>
  d ? dateFmt.format(toDate(d)) : "–";

/** "31.12.2025, 14:30" in Berlin time; "–" when empty. */
export const formatDateTime = (d: Date | string | null | undefined): string =>
  d ? dateTimeFmt.format(toDate(d)) : "–";

/** "14:30" in Berlin time. */
export const formatTime = (d: Date | string): string => timeFmt.format(toDate(d));

/** A day as "31.12.2025". */
export const formatDay = (day: Day): string => day.split("-").reverse().join(".");

/** "Dezember 2026" (long) or "Dez. 26" (short). */
export const formatMonth = (month: Month, style: "long" | "short" = "long"): string =>
  (style === "long" ? monthLongFmt : monthShortFmt).format(new Date(`${month}-15T12:00:00Z`));

/** "31.12.2025", "1.3.2027" or "2025-12-31" as a day; null for anything else or an impossible day. */
export function parseDay(text: string): Day | null {
  const v = text.trim();
  const german = GERMAN_DAY.exec(v);
  const day = german ? ymd(Number(german[3]), Number(german[2]), Number(german[1])) : v;
  return isDay(day) ? day : null;
}

/** A typed date as the date-only value a field stores; null when it is not a real day. */
export function parseDateOnly(text: string): Date | null {
  const day = parseDay(text);
  return day ? dateOnly(day) : null;
}
