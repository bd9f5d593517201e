// de-DE number formatting in one place (dates and days: ~/lib/day).
const numberFmt = new Intl.NumberFormat("de-DE");
const percentFmt = new Intl.NumberFormat("de-DE", { style: "percent", maximumFractionDigits: 0 });

export const formatNumber = (n: number) => numberFmt.format(n);
export const formatPercent = (fraction: number) => percentFmt.format(fraction);
