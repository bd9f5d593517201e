import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import type { SessionUser } from "~/modules/auth/session.server";
import { ensureReferenceData } from "~/modules/reference/reference-data.server";
import { createUser } from "../../../tests/factories";
import { createCompany } from "./editing.server";
import { mergeCompanies } from "./merge.server";
import { companyFormSchema } from "./schema";

beforeAll(() => ensureReferenceData(), 60_000);

describe("merging duplicates", () => {
  it("moves contacts, interactions and offers to the kept record and archives the duplicate", async () => {
    const user = (await createUser("vermittlung")) as SessionUser;
    const form = (name: string, extra: Record<string, string> = {}) =>
      companyFormSchema.parse({
        name,
        plz: "39104",
        outreachStatus: "neu",
        partTimeReadiness: "offen",
        ...extra,
      });
    const keep = await createCompany(user, form("Tischlerei Holz"));
    const dup = await createCompany(
      user,
      form("Tischlerei Holtz", { phone: "0391 999", tags: "Handwerk" }),
      { allowDuplicate: true },
    );
    const contact = await db.contactPerson.create({
      data: {
        firstName: "A",
        lastName: "B",
        companyId: dup.id,
        employments: { create: { companyId: dup.id } },
      },
    });
    await db.interaction.create({
      data: {
        type: "anruf",
        occurredAt: new Date("2026-01-05"),
        authorId: user.id,
        companyId: dup.id,
      },
    });
    const occupation = await db.occupation.findFirstOrThrow();
    await db.trainingOffer.create({ data: { companyId: dup.id, occupationId: occupation.id } });

    await mergeCompanies(user, "any", keep.id, dup.id);
    expect(
      (await db.contactPerson.findUniqueOrThrow({ where: { id: contact.id } })).companyId,
    ).toBe(keep.id);
    expect(await db.contactEmployment.count({ where: { companyId: keep.id } })).toBe(1);
    expect(await db.interaction.count({ where: { companyId: keep.id } })).toBe(1);
    expect(await db.trainingOffer.count({ where: { companyId: keep.id } })).toBe(1);
    const kept = await db.company.findUniqueOrThrow({
      where: { id: keep.id },
      include: { tags: { include: { tag: true } } },
    });
    expect(kept.phone).toBe("0391 999");
    expect(kept.tags.map((x) => x.tag.name)).toEqual(["Handwerk"]);
    expect(await db.company.findUniqueOrThrow({ where: { id: dup.id } })).toMatchObject({
      mergedIntoId: keep.id,
    });
    expect(
      (await db.company.findUniqueOrThrow({ where: { id: dup.id } })).archivedAt,
    ).not.toBeNull();
    await expect(mergeCompanies(user, "any", keep.id, keep.id)).rejects.toMatchObject({
      status: 400,
    });
  });
});
