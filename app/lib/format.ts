// de-DE formatting in one place; times shown in the teams' time zone.
const TIME_ZONE = "Europe/Berlin";

const dateFmt = new Intl.DateTimeFormat("de-DE", {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  timeZone: TIME_ZONE,
});
const dateTimeFmt = new Intl.DateTimeFormat("de-DE", {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: TIME_ZONE,
});
const numberFmt = new Intl.NumberFormat("de-DE");
const percentFmt = new Intl.NumberFormat("de-DE", { style: "percent", maximumFractionDigits: 0 });

const toDate = (d: Date | string) => (typeof d === "string" ? new Date(d) : d);

export const formatDate = (d: Date | string | null | undefined) =>
  d ? dateFmt.format(toDate(d)) : "–";
export const formatDateTime = (d: Date | string | null | undefined) =>
  d ? dateTimeFmt.format(toDate(d)) : "–";
export const formatNumber = (n: number) => numberFmt.format(n);
export const formatPercent = (fraction: number) => percentFmt.format(fraction);

/** Today's date in the teams' time zone as YYYY-MM-DD (for date inputs). */
export const todayIso = (now = new Date()) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE }).format(now);
