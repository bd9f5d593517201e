// de-DE number formatting in one place (dates and days: ~/lib/day).
const numberFmt = new Intl.NumberFormat("de-DE");
const percentFmt = new Intl.NumberFormat("de-DE", { style: "percent", maximumFractionDigits: 0 });

export const formatNumber = (n: number) => numberFmt.format(n);
export const formatPercent = (fraction: number) => percentFmt.format(fraction);

/** Below this, a count in a breakdown that leaves the team could point to a person. */
export const SMALL_COUNT_LIMIT = 3;

/**
 * A count for a report that leaves the team (the funder report): 1 and 2 are shown as "< 3",
 * so a district × month with one or two people does not point to them. 0 and larger counts
 * are shown as they are.
 */
export const formatProtectedCount = (n: number) =>
  n > 0 && n < SMALL_COUNT_LIMIT ? `< ${SMALL_COUNT_LIMIT}` : formatNumber(n);
