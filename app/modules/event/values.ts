import { dayOf, today } from "~/lib/day";

export const EVENT_TYPES = [
  "info_teilzeit",
  "ausbildungsforum",
  "stammtisch",
  "workshop",
  "exkursion",
  "familienfahrt",
  "sonstige",
] as const;

export const ATTENDANCE = ["anwesend", "nicht_erschienen"] as const;
/** Events that inform employers about part-time apprenticeship: attending counts as informed. */
export const INFORMING_TYPES = ["info_teilzeit", "ausbildungsforum", "stammtisch"] as const;

/** Attendance is recorded from the event's day on (Berlin), not before: who came is not known yet. */
export const attendanceOpen = (event: { startsAt: Date }, now: Date) =>
  dayOf(event.startsAt) <= today(now);

/** An event can be called off until it begins, once (the page offers it; cancelEvent checks it). */
export const isCancellable = (event: { cancelledAt: unknown; startsAt: Date }, now: Date) =>
  !event.cancelledAt && event.startsAt > now;
