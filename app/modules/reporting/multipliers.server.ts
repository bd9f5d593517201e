import { db, Prisma, sqlInstantText } from "~/db.server";

export type MultiplierRow = {
  kind: "company" | "contact";
  id: string;
  name: string;
  type: string;
  districtAgs: string | null;
  districtName: string | null;
  lastContactAt: string | null;
  nextFollowUp: string | null;
  owner: string | null;
};

/**
 * Every multiplier — companies and contact persons flagged as chamber, Jobcenter, politics,
 * association, school or other — with the last contact, the next open follow-up and the owner.
 */
export async function listMultipliers(): Promise<MultiplierRow[]> {
  return db.$queryRaw<MultiplierRow[]>`
    SELECT 'company' AS kind, c.id, c.name, c."multiplierType" AS type, c."districtAgs",
      d.name AS "districtName", c."lastContactAt",
      (SELECT ${sqlInstantText(Prisma.sql`min(f."dueDate")`)} FROM "FollowUp" f WHERE f."companyId" = c.id AND f."doneAt" IS NULL) AS "nextFollowUp",
      u.name AS owner
    FROM "Company" c LEFT JOIN "District" d ON d.ags = c."districtAgs" LEFT JOIN "User" u ON u.id = c."ownerId"
    WHERE c."multiplierType" > '' AND c."archivedAt" IS NULL
    UNION ALL
    SELECT 'contact', p.id, p."firstName" || ' ' || p."lastName" || coalesce(' (' || c.name || ')', '') AS name,
      p."multiplierType", c."districtAgs", d.name, p."lastContactAt",
      (SELECT ${sqlInstantText(Prisma.sql`min(f."dueDate")`)} FROM "FollowUp" f WHERE f."contactId" = p.id AND f."doneAt" IS NULL),
      u.name
    FROM "ContactPerson" p LEFT JOIN "Company" c ON c.id = p."companyId"
    LEFT JOIN "District" d ON d.ags = c."districtAgs" LEFT JOIN "User" u ON u.id = p."ownerId"
    WHERE p."multiplierType" > '' AND p."archivedAt" IS NULL
    ORDER BY 4, 3`;
}

/** How many multipliers of each type each district has (the "coverage" table). */
export function multiplierCoverage(rows: MultiplierRow[]) {
  const byDistrict = new Map<string, { name: string; counts: Record<string, number> }>();
  for (const r of rows) {
    const key = r.districtAgs ?? "";
    const entry = byDistrict.get(key) ?? { name: r.districtName ?? "", counts: {} };
    entry.counts[r.type] = (entry.counts[r.type] ?? 0) + 1;
    byDistrict.set(key, entry);
  }
  return [...byDistrict.entries()]
    .map(([ags, v]) => ({ ags, ...v }))
    .sort((a, b) => a.name.localeCompare(b.name, "de"));
}
