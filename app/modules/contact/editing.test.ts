import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import type { SessionUser } from "~/modules/auth/session.server";
import { createUser } from "../../../tests/factories";
import {
  archiveContact,
  createContact,
  recordEmailConsent,
  updateContact,
  withdrawConsent,
} from "./editing.server";
import { contactFormSchema } from "./schema";

const company = (name: string) =>
  db.company.create({ data: { name, normalizedName: name.toLowerCase() }, select: { id: true } });
const form = (over: Record<string, string> = {}) =>
  contactFormSchema.parse({
    firstName: "Ina",
    lastName: "Weber",
    email: "INA@Beispiel.de",
    ...over,
  });

describe("contact persons", () => {
  it("keeps the company history when a contact moves", async () => {
    const user = (await createUser("jobcoach")) as SessionUser;
    const a = await company("Alt GmbH");
    const b = await company("Neu GmbH");
    const { id } = await createContact(
      user,
      form({ companyId: a.id, function: "Ausbildungsleitung" }),
    );
    expect((await db.contactPerson.findUniqueOrThrow({ where: { id } })).email).toBe(
      "ina@beispiel.de",
    );
    await updateContact(user, id, {
      ...form({ companyId: b.id, function: "Personal" }),
      version: 1,
    });
    const history = await db.contactEmployment.findMany({
      where: { contactId: id },
      orderBy: { startedAt: "asc" },
    });
    expect(history.map((h) => [h.companyId, h.endedAt === null, h.function])).toEqual([
      [a.id, false, "Ausbildungsleitung"],
      [b.id, true, "Personal"],
    ]);
    await expect(updateContact(user, id, { ...form(), version: 1 })).rejects.toMatchObject({
      status: 409,
    });
  });

  it("records and withdraws the email consent with dates and refuses nonsense", async () => {
    const user = (await createUser("leitung")) as SessionUser;
    const { id } = await createContact(user, form());
    await recordEmailConsent(user, id, {
      givenAt: new Date("2026-03-01"),
      method: "schriftlich",
      note: null,
    });
    await expect(
      recordEmailConsent(user, id, {
        givenAt: new Date("2026-04-01"),
        method: "email",
        note: null,
      }),
    ).rejects.toMatchObject({
      fieldErrors: { givenAt: ["Es gibt bereits eine gültige Einwilligung."] },
    });
    const consent = await db.consent.findFirstOrThrow({ where: { contactId: id } });
    await expect(
      withdrawConsent(user, id, consent.id, new Date("2026-02-01")),
    ).rejects.toMatchObject({
      fieldErrors: { withdrawnAt: ["Der Widerruf kann nicht vor der Einwilligung liegen."] },
    });
    await withdrawConsent(user, id, consent.id, new Date("2026-06-01"));
    expect(
      (
        await db.consent.findUniqueOrThrow({ where: { id: consent.id } })
      ).withdrawnAt?.toISOString(),
    ).toBe("2026-06-01T00:00:00.000Z");
    // After a withdrawal a new consent can be recorded.
    await recordEmailConsent(user, id, {
      givenAt: new Date("2026-07-01"),
      method: "email",
      note: "auf dem Forum",
    });
    expect(await db.consent.count({ where: { contactId: id } })).toBe(2);
  });

  it("refuses an unknown company and lets coaches archive only their own contacts", async () => {
    const owner = (await createUser("jobcoach")) as SessionUser;
    const other = (await createUser("jobcoach")) as SessionUser;
    await expect(createContact(owner, form({ companyId: "gibt-es-nicht" }))).rejects.toMatchObject({
      fieldErrors: { companyId: ["Dieses Unternehmen gibt es nicht (mehr)."] },
    });
    const { id } = await createContact(owner, form());
    await expect(archiveContact(other, "own", id)).rejects.toMatchObject({ status: 403 });
    await archiveContact(owner, "own", id);
    expect((await db.contactPerson.findUniqueOrThrow({ where: { id } })).archivedAt).not.toBeNull();
  });
});
