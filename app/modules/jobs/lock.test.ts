import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { claimJobLock, releaseJobLock } from "./lock.server";

const MINUTE = 60_000;

describe("whose turn it is to run the scheduled jobs", () => {
  it("gives the turn to one of many servers claiming at once", async () => {
    const now = new Date();
    const servers = Array.from({ length: 8 }, (_, i) => `server-${i}`);
    const claims = await Promise.all(
      servers.map((holder) => claimJobLock("gleichzeitig", 10 * MINUTE, now, holder)),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    const lock = await db.jobLock.findUniqueOrThrow({ where: { name: "gleichzeitig" } });
    expect(servers[claims.indexOf(true)]).toBe(lock.holder);
  });

  it("keeps it for its holder, frees it on release, and hands it over when a killed holder's time ran out", async () => {
    const now = new Date();
    expect(await claimJobLock("aufgaben", 10 * MINUTE, now, "a")).toBe(true);
    expect(await claimJobLock("aufgaben", 10 * MINUTE, now, "b")).toBe(false);
    // The holder renews its own turn.
    expect(await claimJobLock("aufgaben", 10 * MINUTE, now, "a")).toBe(true);
    await releaseJobLock("aufgaben", "a", now);
    expect(await claimJobLock("aufgaben", 10 * MINUTE, new Date(now.getTime() + 1), "b")).toBe(
      true,
    );

    // "b" is killed while holding it: nobody else runs until its time ends, then "c" takes over.
    expect(
      await claimJobLock("aufgaben", 10 * MINUTE, new Date(now.getTime() + 5 * MINUTE), "c"),
    ).toBe(false);
    expect(
      await claimJobLock("aufgaben", 10 * MINUTE, new Date(now.getTime() + 11 * MINUTE), "c"),
    ).toBe(true);
    // A release by a server that no longer holds it changes nothing.
    await releaseJobLock("aufgaben", "b", new Date(now.getTime() + 11 * MINUTE));
    expect((await db.jobLock.findUniqueOrThrow({ where: { name: "aufgaben" } })).holder).toBe("c");
    expect(
      await claimJobLock("aufgaben", 10 * MINUTE, new Date(now.getTime() + 12 * MINUTE), "d"),
    ).toBe(false);
  });
});
