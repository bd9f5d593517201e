import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { env } from "~/env.server";

// The erasure journal: one line per record a deletion rule or an erasure request erased,
// anonymised or restricted – the step and the record's id, never a value. It lives beside the
// backups (BACKUP_DIR), so it survives the loss of the live database: after a backup is
// restored, every erasure recorded since the backup was taken is applied again at once (SDM
// module 60: deleted data must not come back from a backup).

export type JournalEntry = {
  /** When the erasure happened (ISO). */
  at: string;
  /** A plan step (`participant`, `contact`, `AuditLog`, …) or `antrag:<Datenart>:<decision>`. */
  step: string;
  id: string;
  /** For a request's steps: whose record (participant or contact). */
  kind?: "participant" | "contact";
};

export const JOURNAL_NAME = "loeschjournal.jsonl";

export const journalFile = (dir = env.BACKUP_DIR) => path.resolve(dir, JOURNAL_NAME);

/** Appends erasures to the journal (called inside the transaction that makes them). */
export function journalErasures(
  entries: Omit<JournalEntry, "at">[],
  now = new Date(),
  dir?: string,
) {
  if (!entries.length) return;
  const file = journalFile(dir);
  if (!existsSync(path.dirname(file)))
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const at = now.toISOString();
  appendFileSync(file, entries.map((e) => `${JSON.stringify({ at, ...e })}\n`).join(""), {
    mode: 0o600,
  });
}

/** The journal's entries from `since` on (all when no journal exists: none). */
export function readJournal(since: Date, dir?: string): JournalEntry[] {
  const file = journalFile(dir);
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as JournalEntry)
    .filter((e) => Date.parse(e.at) >= since.getTime());
}
