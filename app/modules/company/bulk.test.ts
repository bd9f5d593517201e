import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { AppError } from "~/lib/errors";
import { normalizeCompanyName } from "~/lib/text";
import type { SessionUser } from "~/modules/auth/session.server";
import { bulkSchema } from "~/modules/bulk/schema";
import { bulkSummary, COMPANY_BULK_ACTIONS } from "~/modules/bulk/values";
import { createUser } from "../../../tests/factories";
import { bulkCompanies, companyBulkOf, companyIdsOfView } from "./bulk.server";

const user = async (role: "leitung" | "jobcoach") => (await createUser(role)) as SessionUser;
const company = (name: string, extra: Record<string, unknown> = {}) =>
  db.company.create({
    data: { name, normalizedName: normalizeCompanyName(name), plz: "39104", ...extra },
    select: { id: true },
  });
const tagsOf = async (id: string) =>
  (await db.companyTag.findMany({ where: { companyId: id }, include: { tag: true } })).map(
    (x) => x.tag.name,
  );
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as AppError,
  );

describe("bulk actions on companies", () => {
  it("adds and removes a tag on the chosen rows in one go, counting what changed, each audited", async () => {
    const lead = await user("leitung");
    const a = await company("Bulk Bäckerei A");
    const b = await company("Bulk Bäckerei B");
    const c = await company("Bulk Bäckerei C");
    const tag = await db.tag.create({ data: { name: "Netzwerk Nord" } });
    await db.companyTag.create({ data: { companyId: c.id, tagId: tag.id } });
    const ids = [a.id, b.id, c.id];

    const added = await bulkCompanies(lead, ids, companyBulkOf("schlagwort_plus", "Netzwerk Nord"));
    expect(added).toEqual({ changed: 2, unchanged: 1, refused: [] });
    for (const id of ids) expect(await tagsOf(id)).toEqual(["Netzwerk Nord"]);
    expect(
      await db.auditLog.count({ where: { entityType: "company", entityId: { in: ids } } }),
    ).toBe(2);
    expect(bulkSummary(added)).toBe("2 Zeilen geändert, 1 waren schon so.");

    const removed = await bulkCompanies(
      lead,
      [a.id, b.id],
      companyBulkOf("schlagwort_minus", "Netzwerk Nord"),
    );
    expect(removed.changed).toBe(2);
    expect(await tagsOf(a.id)).toEqual([]);
    expect(await tagsOf(c.id)).toEqual(["Netzwerk Nord"]);
  });

  it("changes owner and status for the lead; a coach may not reassign", async () => {
    const lead = await user("leitung");
    const coach = await user("jobcoach");
    const a = await company("Bulk Autohaus A");
    const b = await company("Bulk Autohaus B", { outreachStatus: "kontaktiert" });

    const owner = await bulkCompanies(lead, [a.id, b.id], companyBulkOf("zustaendig", coach.id));
    expect(owner.changed).toBe(2);
    expect((await db.company.findUniqueOrThrow({ where: { id: b.id } })).ownerId).toBe(coach.id);

    const status = await bulkCompanies(lead, [a.id, b.id], companyBulkOf("status", "interessiert"));
    expect(status.changed).toBe(2);
    expect(
      await db.companyStatusChange.count({
        where: { companyId: { in: [a.id, b.id] }, toStatus: "interessiert" },
      }),
    ).toBe(2);

    const denied = await failure(
      bulkCompanies(coach, [a.id], companyBulkOf("zustaendig", coach.id)),
    );
    expect(denied?.status).toBe(403);
  });

  it("is all or nothing: an owner who cannot own records changes no row", async () => {
    const lead = await user("leitung");
    const admin = await createUser("admin");
    const a = await company("Bulk Gärtnerei A");
    const refused = await failure(
      bulkCompanies(lead, [a.id], companyBulkOf("zustaendig", admin.id)),
    );
    expect(refused?.fieldErrors).toEqual({ ownerId: ["Bitte wählen Sie einen gültigen Eintrag."] });
    expect((await db.company.findUniqueOrThrow({ where: { id: a.id } })).ownerId).toBeNull();
  });

  it("archives a coach's own companies and names the others with the reason instead of skipping them", async () => {
    const coach = await user("jobcoach");
    const colleague = await user("jobcoach");
    const mine = await company("Bulk Tischlerei Eigen", { ownerId: coach.id });
    const theirs = await company("Bulk Tischlerei Fremd", { ownerId: colleague.id });
    const report = await bulkCompanies(
      coach,
      [mine.id, theirs.id],
      companyBulkOf("archivieren", null),
    );
    expect(report).toEqual({
      changed: 1,
      unchanged: 0,
      refused: [
        { id: theirs.id, name: "Bulk Tischlerei Fremd", reason: "nicht in Ihrer Zuständigkeit" },
      ],
    });
    expect(
      (await db.company.findUniqueOrThrow({ where: { id: theirs.id } })).archivedAt,
    ).toBeNull();
    expect(bulkSummary(report)).toBe(
      "1 Zeile geändert; nicht geändert: Bulk Tischlerei Fremd (nicht in Ihrer Zuständigkeit).",
    );
  });

  it("takes all rows of the current filter, and refuses a form without rows or value", async () => {
    await company("Filterbetrieb Eins", { plz: "06108", city: "Halle" });
    await company("Filterbetrieb Zwei", { plz: "06108", city: "Halle" });
    const ids = await companyIdsOfView(new URL("http://x/unternehmen?q=Filterbetrieb"));
    expect(ids).toHaveLength(2);

    const schema = bulkSchema(COMPANY_BULK_ACTIONS);
    expect(schema.safeParse({ aktion: "status", ids: [] }).error?.issues[0]?.message).toBe(
      "Bitte mindestens eine Zeile ankreuzen oder alle Zeilen der Filterung wählen.",
    );
    expect(schema.safeParse({ aktion: "loeschen", ids: ["x"] }).success).toBe(false);
    expect(schema.parse({ aktion: "status", alle: "on", sammel_status: "partner" })).toMatchObject({
      alle: true,
      wert: "partner",
    });
    expect(() => companyBulkOf("status", "unbekannt")).toThrow(AppError);
    expect(() => companyBulkOf("schlagwort_plus", null)).toThrow(AppError);
  });
});
