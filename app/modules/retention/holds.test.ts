import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { addDays, dateOnly, formatDay, startOfDay, today } from "~/lib/day";
import type { SessionUser } from "~/modules/auth/session.server";
import { createUser } from "../../../tests/factories";
import { holdsOf, isOnHold, liftHold, setHold } from "./holds.server";
import { holdSchema } from "./schema";

const person = (lastName: string) =>
  db.participant.create({
    data: { firstName: "Mia", lastName, birthDate: new Date("2001-05-04T00:00:00Z") },
    select: { id: true },
  });

const project = () =>
  db.project.create({
    data: {
      name: "MiKA",
      startDate: startOfDay(addDays(today(), -400)),
      endDate: startOfDay(addDays(today(), 300)),
    },
    select: { id: true },
  });

describe("legal hold", () => {
  it("holds a participant until lifted, audited both ways; lifting twice is refused", async () => {
    const lead = (await createUser("leitung")) as SessionUser;
    const { id } = await person("Hold");
    expect(await isOnHold(id)).toBe(false);

    const hold = await setHold(
      lead,
      { participantId: id },
      { reason: "Prüfung der Verwendung", until: null },
    );
    expect(await isOnHold(id)).toBe(true);
    expect((await holdsOf({ participantId: id }))[0]).toMatchObject({
      reason: "Prüfung der Verwendung",
      active: true,
      setBy: { name: lead.name },
    });

    await liftHold(lead, { participantId: id }, hold.id);
    expect(await isOnHold(id)).toBe(false);
    await expect(liftHold(lead, { participantId: id }, hold.id)).rejects.toMatchObject({
      status: 404,
    });
    const details = (
      await db.auditLog.findMany({ where: { entityId: id }, orderBy: { createdAt: "asc" } })
    ).map((a) => a.detail);
    expect(details).toEqual(["Aufbewahrungssperre gesetzt", "Aufbewahrungssperre aufgehoben"]);
  });

  it("holds everyone with a stay in a held project, and ends after its last day", async () => {
    const lead = (await createUser("leitung")) as SessionUser;
    const p = await project();
    const { id } = await person("Projekt");
    await db.participantStay.create({
      data: { participantId: id, projectId: p.id, entryDate: startOfDay(addDays(today(), -200)) },
    });
    const other = await person("Andere");
    await setHold(
      lead,
      { projectId: p.id },
      { reason: "Anfrage der Kommission", until: dateOnly(today()) },
    );
    expect(await isOnHold(id)).toBe(true);
    expect(await isOnHold(other.id)).toBe(false);
    // The last day counts; the day after, the hold has ended by itself.
    expect(await isOnHold(id, startOfDay(addDays(today(), 1)))).toBe(false);
  });

  it("refuses a hold on a record that does not exist, one of another record, and an end in the past", async () => {
    const lead = (await createUser("leitung")) as SessionUser;
    await expect(
      setHold(lead, { participantId: "gibt-es-nicht" }, { reason: "x", until: null }),
    ).rejects.toMatchObject({ status: 404 });
    const a = await person("A");
    const b = await person("B");
    const hold = await setHold(lead, { participantId: a.id }, { reason: "x", until: null });
    await expect(liftHold(lead, { participantId: b.id }, hold.id)).rejects.toMatchObject({
      status: 404,
    });
    expect(await isOnHold(a.id)).toBe(true);
    const past = holdSchema.safeParse({ reason: "x", until: formatDay(addDays(today(), -1)) });
    expect(past.error?.issues[0]?.message).toBe(
      "Das Ende der Sperre kann nicht in der Vergangenheit liegen.",
    );
    expect(holdSchema.safeParse({ reason: "x", until: formatDay(today()) }).success).toBe(true);
  });
});
