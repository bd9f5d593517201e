import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { db, Prisma } from "~/db.server";

/** This process, as the holder of a job lock (host, process id and a random part). */
export const LOCK_HOLDER = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/**
 * Claims the named job for this process until `now + ttlMs`, atomically: it succeeds when nobody
 * holds it, when the holder's time ran out (a server killed while running), or when this process
 * holds it already. With any number of servers on one database, one of them runs the job.
 */
export async function claimJobLock(
  name: string,
  ttlMs: number,
  now = new Date(),
  holder = LOCK_HOLDER,
): Promise<boolean> {
  const lockedUntil = new Date(now.getTime() + ttlMs);
  try {
    return await db.$transaction(async (tx) => {
      // The write comes first, so the database serialises two servers claiming at once.
      const taken = await tx.jobLock.updateMany({
        where: { name, OR: [{ lockedUntil: { lt: now } }, { holder }] },
        data: { holder, lockedUntil },
      });
      if (taken.count === 1) return true;
      if (await tx.jobLock.findUnique({ where: { name }, select: { name: true } })) return false;
      await tx.jobLock.create({ data: { name, holder, lockedUntil } });
      return true;
    });
  } catch (error) {
    // Another server created the row in the same moment: it has the turn.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return false;
    throw error;
  }
}

/** Gives the job back (its time ends now), if this process still holds it. */
export async function releaseJobLock(name: string, holder = LOCK_HOLDER, now = new Date()) {
  await db.jobLock.updateMany({ where: { name, holder }, data: { lockedUntil: now } });
}
