import { addMonths, type Day, monthDays } from "~/lib/day";
import { DATENART_KEYS, DATENARTEN, type DatenartKey } from "./datenarten";

/** The periods an installation set, e.g. "tn_kontakt=12,tn_beratung=3" (months, within bounds). */
export type PeriodOverrides = Partial<Record<DatenartKey, number>>;

/**
 * Reads the installation's periods (`RETENTION_MONTHS`). Returns the overrides, or the problem
 * in German: an unknown Datenart, a number that is not whole, or one outside the rule's bounds.
 */
export function parsePeriodOverrides(
  text: string,
): { ok: true; overrides: PeriodOverrides } | { ok: false; problem: string } {
  const overrides: PeriodOverrides = {};
  for (const part of text.split(",").map((p) => p.trim())) {
    if (!part) continue;
    const [key = "", value = ""] = part.split("=").map((p) => p.trim());
    if (!(DATENART_KEYS as string[]).includes(key))
      return { ok: false, problem: `unbekannte Datenart „${key}“` };
    const months = Number(value);
    const [min, max] = DATENARTEN[key as DatenartKey].bounds;
    if (!/^\d+$/.test(value) || months < min || months > max)
      return {
        ok: false,
        problem: `${key}: ${value} Monate liegt nicht zwischen ${min} und ${max}`,
      };
    overrides[key as DatenartKey] = months;
  }
  return { ok: true, overrides };
}

/** The period of a Datenart in months, as the installation set it (or the default). */
export const periodMonths = (key: DatenartKey, overrides: PeriodOverrides = {}) =>
  overrides[key] ?? DATENARTEN[key].months;

/**
 * Until when a project's ESF evidence is kept: 31 December of the year of the funder's last
 * payment, plus the period (5 years: Reg. (EU) 2021/1060 Art. 82). No payment date: not yet due.
 * Payment on 12.03.2026 → kept until 31.12.2031.
 */
export function evidenceKeptUntil(lastPayment: Day | null, overrides: PeriodOverrides = {}) {
  if (!lastPayment) return null;
  const yearEnd = `${lastPayment.slice(0, 4)}-12`;
  return monthDays(addMonths(yearEnd, periodMonths("esf_nachweis", overrides))).to;
}
