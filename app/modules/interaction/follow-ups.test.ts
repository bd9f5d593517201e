import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import type { SessionUser } from "~/modules/auth/session.server";
import { createUser } from "../../../tests/factories";
import { completeFollowUp, listMyFollowUps } from "./follow-ups.server";

const DAY = 86_400_000;

describe("follow-ups", () => {
  it("lists only the user's open ones, overdue first, and completes them once", async () => {
    const me = (await createUser("jobcoach")) as SessionUser;
    const other = await createUser("jobcoach");
    const mk = (assigneeId: string, title: string, offsetDays: number) =>
      db.followUp.create({
        data: {
          title,
          assigneeId,
          createdById: assigneeId,
          dueDate: new Date(Date.now() + offsetDays * DAY),
        },
      });
    await mk(me.id, "später", 5);
    const overdue = await mk(me.id, "überfällig", -3);
    const foreign = await mk(other.id, "fremd", -1);

    expect((await listMyFollowUps(me)).map((f) => f.title)).toEqual(["überfällig", "später"]);

    expect(await completeFollowUp(me, { id: foreign.id, version: 1 })).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await completeFollowUp(me, { id: overdue.id, version: 1 })).toEqual({
      ok: true,
      title: "überfällig",
    });
    // The same click again (stale version) changes nothing.
    expect(await completeFollowUp(me, { id: overdue.id, version: 1 })).toEqual({
      ok: false,
      reason: "stale",
    });
    expect((await listMyFollowUps(me)).map((f) => f.title)).toEqual(["später"]);
    expect((await db.followUp.findUniqueOrThrow({ where: { id: foreign.id } })).doneAt).toBeNull();
  });
});
