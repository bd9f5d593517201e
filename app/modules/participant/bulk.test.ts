import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import type { AppError } from "~/lib/errors";
import type { SessionUser } from "~/modules/auth/session.server";
import { createParticipant, createUser, fieldErrorsOf } from "../../../tests/factories";
import { bulkParticipantCoach } from "./bulk.server";

describe("handing participants to another coach in bulk", () => {
  it("moves the chosen ones in one go for the lead; a coach may not; a wrong coach changes nothing", async () => {
    const lead = (await createUser("leitung")) as SessionUser;
    const coach = (await createUser("jobcoach")) as SessionUser;
    const stand = (await createUser("jobcoach")) as SessionUser;
    const p1 = await createParticipant({ coachId: coach.id });
    const p2 = await createParticipant({ coachId: coach.id });
    const p3 = await createParticipant({ coachId: stand.id });

    const denied = await bulkParticipantCoach(coach, "own", [p1.id], stand.id).catch(
      (e: unknown) => e as AppError,
    );
    expect((denied as AppError).status).toBe(403);

    expect(await fieldErrorsOf(bulkParticipantCoach(lead, "any", [p1.id], lead.id))).toEqual({
      sammel_person: ["Bitte wählen Sie einen gültigen Eintrag."],
    });

    const report = await bulkParticipantCoach(lead, "any", [p1.id, p2.id, p3.id], stand.id);
    expect(report).toEqual({ changed: 2, unchanged: 1, refused: [] });
    const coaches = await db.participant.findMany({
      where: { id: { in: [p1.id, p2.id] } },
      select: { coachId: true },
    });
    expect(coaches.map((c) => c.coachId)).toEqual([stand.id, stand.id]);
  });
});
