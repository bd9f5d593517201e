import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { addDays, today } from "~/lib/day";
import type { SessionUser } from "~/modules/auth/session.server";
import {
  recordParticipantConsent,
  withdrawParticipantConsent,
} from "~/modules/participant/editing.server";
import { anonymiseParticipant } from "~/modules/retention/anonymise.server";
import { createParticipant, createUser } from "../../../tests/factories";
import { audit } from "./audit.server";
import { exportAuditSheet, listAudit, parseAuditFilters } from "./viewer.server";

const filters = (query: string) => parseAuditFilters(new URL(`http://lotse.test/?${query}`));

describe("the audit-log viewer", () => {
  it("filters by person (her consents and withdrawals included), user, action and period; hides values from roles that may not read them", async () => {
    const lead = (await createUser("leitung")) as SessionUser;
    const admin = (await createUser("admin")) as SessionUser;
    const coach = (await createUser("jobcoach")) as SessionUser;
    const mia = await createParticipant({
      coachId: coach.id,
      firstName: "Mia",
      lastName: "Protokoll",
    });
    const other = await createParticipant({ coachId: coach.id });
    await audit({ actorId: coach.id, action: "read", entityType: "participant", entityId: mia.id });
    await audit({
      actorId: coach.id,
      action: "update",
      entityType: "participant",
      entityId: mia.id,
      before: { phone: "0391 111" },
      after: { phone: "0391 222" },
    });
    await audit({
      actorId: coach.id,
      action: "read",
      entityType: "participant",
      entityId: other.id,
    });
    await recordParticipantConsent(coach, "own", mia.id, "fotos", {
      givenAt: new Date(Date.now() - 86_400_000),
      method: "schriftlich",
      note: null,
    });
    const consent = await db.consent.findFirstOrThrow({ where: { participantId: mia.id } });
    await withdrawParticipantConsent(coach, "own", mia.id, consent.id, new Date());

    const person = `person=tn:${mia.id}`;
    const page = await listAudit(lead, filters(person), 1);
    expect(page.count).toBe(4);
    expect(page.data.map((r) => r.detail)).toContain("Einwilligung widerrufen: Fotos");
    expect(page.data.every((r) => r.entityId === mia.id)).toBe(true);
    expect((await listAudit(lead, filters(`${person}&aktion=read`), 1)).count).toBe(1);
    expect((await listAudit(lead, filters(`${person}&nutzer=${lead.id}`), 1)).count).toBe(0);
    const tomorrow = addDays(today(), 1);
    expect((await listAudit(lead, filters(`${person}&von=${tomorrow}`), 1)).count).toBe(0);
    expect((await listAudit(lead, filters(`${person}&bis=${today()}`), 1)).count).toBe(4);

    // The lead sees what changed; the admin sees who and when, not the values.
    const changed = (await listAudit(lead, filters(`${person}&aktion=update`), 1)).data;
    expect(changed.some((r) => r.after?.includes("0391 222"))).toBe(true);
    const forAdmin = (await listAudit(admin, filters(`${person}&aktion=update`), 1)).data;
    expect(forAdmin.length).toBe(changed.length);
    expect(forAdmin.every((r) => r.before === null && r.after === null && r.detail === null)).toBe(
      true,
    );
    expect(forAdmin.some((r) => r.hidden)).toBe(true);

    // The CSV holds the same rows, and taking it out is audited.
    const sheet = await exportAuditSheet(lead, filters(person));
    expect(sheet.rows).toHaveLength(4);
    expect(
      await db.auditLog.count({
        where: { actorId: lead.id, action: "export", entityType: "audit" },
      }),
    ).toBe(1);

    // After anonymisation the values are redacted; who, when and what stay.
    await db.$transaction((tx) => anonymiseParticipant(tx, mia.id, new Date()));
    const after = await listAudit(lead, filters(`${person}&aktion=update`), 1);
    expect(after.count).toBe(changed.length);
    expect(after.data.every((r) => r.before === null && r.after === null)).toBe(true);
    expect(
      JSON.stringify(await db.auditLog.findMany({ where: { entityId: mia.id } })),
    ).not.toContain("0391");
  });
});
