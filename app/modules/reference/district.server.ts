import { db, type Tx } from "~/db.server";
import { fieldError } from "~/lib/errors";
import { t } from "~/messages";

/**
 * A PLZ is a hint, the district is stored: a PLZ in one district decides it; a PLZ in several
 * needs a choice among them; an unknown PLZ (outside Sachsen-Anhalt) takes what was chosen.
 */
export async function resolveDistrict(
  plz: string | null,
  chosen: string | null,
  tx: Tx | typeof db = db,
) {
  if (!plz) return { districtAgs: chosen, districtOverridden: chosen != null };
  const rows = await tx.postalCode.findMany({
    where: { plz },
    select: { districtAgs: true, district: { select: { name: true } } },
  });
  if (rows.length === 0) return { districtAgs: chosen, districtOverridden: chosen != null };
  if (rows.length === 1) {
    const only = rows[0]!;
    if (chosen && chosen !== only.districtAgs) {
      throw fieldError(
        "districtAgs",
        t("validation.districtMismatch", { plz, district: only.district.name }),
      );
    }
    return { districtAgs: only.districtAgs, districtOverridden: false };
  }
  if (chosen && rows.some((r) => r.districtAgs === chosen))
    return { districtAgs: chosen, districtOverridden: true };
  throw fieldError(
    "districtAgs",
    t("validation.plzAmbiguous", { plz, districts: rows.map((r) => r.district.name).join(", ") }),
  );
}
