import { type Db, Prisma } from "~/db.server";
import { ERASE, RESTRICT_STEP, restrict } from "~/modules/requests/requests.server";
import type { Counts } from "~/modules/retention/anonymise.server";
import { addCounts, DELETE_BY_ID } from "~/modules/retention/anonymise.server";
import { ANONYMISE, isDeletion } from "~/modules/retention/apply.server";
import type { DatenartKey } from "~/modules/retention/datenarten";
import { type JournalEntry, readJournal } from "~/modules/retention/journal.server";

// After a backup is restored, every erasure of the journal since the backup was taken is
// applied again to the restored database before it goes live: an erased person does not come
// back. Each step is idempotent (erasing twice changes nothing more); a record the backup does
// not hold is skipped.

const notFound = (e: unknown) =>
  e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2025";

async function replayOne(
  tx: Parameters<Parameters<Db["$transaction"]>[0]>[0],
  e: JournalEntry,
  now: Date,
) {
  if (e.step === RESTRICT_STEP && e.kind) {
    await restrict(tx, { kind: e.kind, id: e.id }, now);
    return {};
  }
  if (e.step.startsWith("antrag:") && e.kind) {
    const step = ERASE[e.step.slice("antrag:".length) as DatenartKey];
    return step ? step(tx, { kind: e.kind, id: e.id }, now) : {};
  }
  if (isDeletion(e.step)) {
    const { count } = await DELETE_BY_ID[e.step](tx, [e.id]);
    return { [e.step]: count };
  }
  const step = ANONYMISE[e.step as keyof typeof ANONYMISE];
  if (!step) throw new Error(`Unbekannter Schritt im Löschjournal: ${e.step}`);
  return step(tx, e.id, now);
}

/** Re-applies the journal's erasures from `since` on to the database of `client`. */
export async function replayErasures(
  client: Db,
  since: Date,
  options: { dir?: string; now?: Date } = {},
): Promise<{ entries: number; counts: Counts }> {
  const entries = readJournal(since, options.dir);
  const now = options.now ?? new Date();
  const counts: Counts = {};
  for (let i = 0; i < entries.length; i += 100) {
    await client.$transaction(async (tx) => {
      for (const e of entries.slice(i, i + 100))
        addCounts(
          counts,
          await replayOne(tx, e, now).catch((error: unknown) => {
            if (notFound(error)) return {};
            throw error;
          }),
        );
    });
  }
  return { entries: entries.length, counts };
}
