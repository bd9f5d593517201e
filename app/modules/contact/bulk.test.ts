import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import type { AppError } from "~/lib/errors";
import { personSearchName } from "~/lib/text";
import type { SessionUser } from "~/modules/auth/session.server";
import { createUser } from "../../../tests/factories";
import { bulkContacts, contactBulkOf, contactIdsOfView } from "./bulk.server";

const contact = (first: string, last: string) =>
  db.contactPerson.create({
    data: { firstName: first, lastName: last, normalizedName: personSearchName(first, last) },
    select: { id: true },
  });

describe("bulk actions on contact persons", () => {
  it("tags and reassigns the chosen contacts; a coach may tag but not reassign", async () => {
    const lead = (await createUser("leitung")) as SessionUser;
    const coach = (await createUser("jobcoach")) as SessionUser;
    const a = await contact("Ina", "Sammelwerk");
    const b = await contact("Uwe", "Sammelwerk");
    expect(await contactIdsOfView(new URL("http://x/kontakte?q=Sammelwerk"))).toHaveLength(2);

    const tagged = await bulkContacts(
      coach,
      [a.id, b.id],
      contactBulkOf("schlagwort_plus", "Jobmesse"),
    );
    expect(tagged).toEqual({ changed: 2, unchanged: 0, refused: [] });
    expect(await db.contactTag.count({ where: { contactId: { in: [a.id, b.id] } } })).toBe(2);

    const denied = await bulkContacts(coach, [a.id], contactBulkOf("zustaendig", coach.id)).catch(
      (e: unknown) => e as AppError,
    );
    expect((denied as AppError).status).toBe(403);

    const owner = await bulkContacts(
      lead,
      [a.id, b.id, "gibt-es-nicht"],
      contactBulkOf("zustaendig", coach.id),
    );
    expect(owner.changed).toBe(2);
    expect(owner.refused).toEqual([
      { id: "", name: "1 Zeilen", reason: "inzwischen archiviert oder gelöscht" },
    ]);
    expect(
      await db.auditLog.count({ where: { entityType: "contact", entityId: { in: [a.id, b.id] } } }),
    ).toBe(4);

    const untagged = await bulkContacts(
      lead,
      [a.id],
      contactBulkOf("schlagwort_minus", "Jobmesse"),
    );
    expect(untagged.changed).toBe(1);
    expect(await db.contactTag.count({ where: { contactId: a.id } })).toBe(0);
  });
});
