import { distance } from "fastest-levenshtein";
import { db, type Tx } from "~/db.server";
import { AppError } from "~/lib/errors";
import { normalizeCompanyName } from "~/lib/text";
import { t } from "~/messages";

/** Same normalised name, or nearly (one edit per eight letters), counts as the same company. */
export function isSimilarName(a: string, b: string): boolean {
  if (a === b) return true;
  const longer = Math.max(a.length, b.length);
  if (longer < 4) return false;
  return distance(a, b) <= Math.max(1, Math.floor(longer / 8));
}

export type DuplicateCandidate = {
  id: string;
  name: string;
  plz: string | null;
  city: string | null;
};

/** Companies in the same PLZ with the same or a very similar name (none without a PLZ to compare). */
export async function findDuplicates(
  name: string,
  plz: string | null,
  excludeId?: string,
  tx: Tx | typeof db = db,
): Promise<DuplicateCandidate[]> {
  if (!plz) return [];
  const normalized = normalizeCompanyName(name);
  const samePlz = await tx.company.findMany({
    where: { plz, archivedAt: null, ...(excludeId ? { id: { not: excludeId } } : {}) },
    select: { id: true, name: true, plz: true, city: true, normalizedName: true },
    take: 2000,
  });
  return samePlz
    .filter((c) => isSimilarName(c.normalizedName, normalized))
    .map(({ normalizedName: _n, ...c }) => c);
}

/** Refusal that lists the likely duplicates; the form offers "trotzdem anlegen". */
export class DuplicateError extends AppError {
  constructor(public candidates: DuplicateCandidate[]) {
    super(409, t("duplicate.found"), { name: [t("duplicate.found")] });
  }
}
