import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { createClient } from "@libsql/client";
import { openDatabase } from "~/db.server";
import { env } from "~/env.server";
import { dayOf, hourOf, today } from "~/lib/day";
import { replayErasures } from "./replay.server";

// Backups of the SQLite database (security.md): one command writes a consistent copy with
// VACUUM INTO (a live database may be written meanwhile), checks it, records what it holds and
// rotates old copies; one command restores a copy. Files are readable by the service account only.

export type BackupManifest = {
  file: string;
  createdAt: string;
  integrity: string;
  rows: Record<string, number>;
};

const TABLES_COUNTED = ["User", "Company", "ContactPerson", "Participant", "Interaction", "Event"];

/** The database file behind a `file:` URL (backups are for the embedded SQLite database). */
export function databaseFile(databaseUrl: string): string {
  if (!databaseUrl.startsWith("file:"))
    throw new Error(
      "Sicherungen gibt es für die eingebaute SQLite-Datenbank (DATABASE_URL=file:…).",
    );
  return path.resolve(databaseUrl.slice("file:".length));
}

async function inspect(file: string) {
  const client = createClient({ url: `file:${file}` });
  try {
    const integrity = String((await client.execute("PRAGMA integrity_check")).rows[0]?.[0]);
    const rows: Record<string, number> = {};
    for (const table of TABLES_COUNTED)
      rows[table] = Number((await client.execute(`SELECT count(*) FROM "${table}"`)).rows[0]?.[0]);
    return { integrity, rows };
  } finally {
    client.close();
  }
}

/**
 * Writes `lotse-<time>.db` and its manifest into `dir`, checks the copy (`integrity_check`) and
 * removes copies older than `keepDays`.
 */
export async function backupDatabase(options: {
  databaseUrl: string;
  dir: string;
  keepDays: number;
  now?: Date;
}): Promise<BackupManifest> {
  const now = options.now ?? new Date();
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\..*$/, "");
  const file = path.join(options.dir, `lotse-${stamp}.db`);
  const client = createClient({ url: `file:${databaseFile(options.databaseUrl)}` });
  try {
    // Not inside a transaction: VACUUM INTO refuses to run in one.
    await client.execute({ sql: "VACUUM INTO ?", args: [file] });
  } finally {
    client.close();
  }
  chmodSync(file, 0o600);
  const { integrity, rows } = await inspect(file);
  if (integrity !== "ok") throw new Error(`Die Sicherung ist beschädigt: ${integrity}`);
  const manifest: BackupManifest = {
    file: path.basename(file),
    createdAt: now.toISOString(),
    integrity,
    rows,
  };
  writeFileSync(`${file}.json`, JSON.stringify(manifest, null, 2), { mode: 0o600 });
  rotateBackups(options.dir, options.keepDays, now);
  return manifest;
}

/** The newest backup in `dir` (by its manifest), or null when there is none. */
export function latestBackup(dir: string): BackupManifest | null {
  if (!existsSync(dir)) return null;
  const manifests = readdirSync(dir)
    .filter((name) => /^lotse-\d{8}T\d{6}\.db\.json$/.test(name))
    .sort();
  const newest = manifests.at(-1);
  if (!newest) return null;
  try {
    return JSON.parse(readFileSync(path.join(dir, newest), "utf8")) as BackupManifest;
  } catch {
    return null;
  }
}

/**
 * What the admin sees of the backups: the newest, its age, and whether they are taken daily.
 * Older than two days (or none at all) is a warning.
 */
export function backupStatus(now = new Date()) {
  const latest = latestBackup(env.BACKUP_DIR);
  const ageHours = latest
    ? Math.floor((now.getTime() - Date.parse(latest.createdAt)) / 3_600_000)
    : null;
  return {
    latest,
    ageHours,
    daily: env.BACKUP_DAILY === "1" && env.DATABASE_URL.startsWith("file:"),
    keepDays: env.BACKUP_KEEP_DAYS,
    stale: ageHours === null || ageHours > 48,
  };
}

/**
 * The daily backup of the job runner: once per Berlin day, from 02:00, when switched on
 * (`BACKUP_DAILY`) and the database is the embedded file. Returns the new backup, or null.
 */
export async function dailyBackup(
  now = new Date(),
  settings = {
    enabled: env.BACKUP_DAILY === "1",
    databaseUrl: env.DATABASE_URL,
    dir: env.BACKUP_DIR,
    keepDays: env.BACKUP_KEEP_DAYS,
  },
): Promise<BackupManifest | null> {
  const { enabled, ...target } = settings;
  if (!enabled || !target.databaseUrl.startsWith("file:") || hourOf(now) < 2) return null;
  const latest = latestBackup(target.dir);
  if (latest && dayOf(latest.createdAt) === today(now)) return null;
  return backupDatabase({ ...target, now });
}

/** Removes backups (and their manifests) older than `keepDays`, by the time in their names. */
export function rotateBackups(dir: string, keepDays: number, now = new Date()) {
  const oldest = now.getTime() - keepDays * 24 * 60 * 60 * 1000;
  for (const name of readdirSync(dir)) {
    const m = /^lotse-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})\.db(\.json)?$/.exec(name);
    if (!m) continue;
    const [, y, mo, d, h, mi, s] = m;
    if (Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`) < oldest)
      rmSync(path.join(dir, name), { force: true });
  }
}

/**
 * When the backup was taken: from its manifest, else from its name; null when unknown (then the
 * whole erasure journal is replayed, which is safe: every step is idempotent).
 */
function backupTakenAt(backup: string): Date | null {
  try {
    return new Date(
      (JSON.parse(readFileSync(`${backup}.json`, "utf8")) as BackupManifest).createdAt,
    );
  } catch {
    const m = /lotse-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})\.db$/.exec(backup);
    return m ? new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`) : null;
  }
}

/** Erasures from this long before a backup's time are replayed too (one committed during the copy). */
const REPLAY_MARGIN_MS = 60 * 60 * 1000;

/**
 * Restores a backup: checks it, keeps the live database as `<db>.before-restore`, swaps the copy
 * in atomically (rename), removes stale WAL files and applies every erasure of the journal
 * since the backup was taken again. Run it with the server stopped.
 */
export async function restoreDatabase(options: {
  databaseUrl: string;
  backup: string;
  /** Where the erasure journal lives (default BACKUP_DIR). */
  journalDir?: string;
}) {
  const target = databaseFile(options.databaseUrl);
  const { integrity, rows } = await inspect(options.backup);
  if (integrity !== "ok") throw new Error(`Die Sicherung ist beschädigt: ${integrity}`);
  const staged = `${target}.restoring`;
  copyFileSync(options.backup, staged);
  chmodSync(staged, 0o600);
  if (existsSync(target)) copyFileSync(target, `${target}.before-restore`);
  for (const suffix of ["-wal", "-shm", "-journal"]) rmSync(`${target}${suffix}`, { force: true });
  renameSync(staged, target);
  // The copy is in rollback-journal mode; the app runs in WAL mode again.
  const client = createClient({ url: `file:${target}` });
  try {
    await client.execute("PRAGMA journal_mode = WAL");
  } finally {
    client.close();
  }
  // An erased person must not come back from the backup.
  const taken = backupTakenAt(options.backup);
  const restored = openDatabase(`file:${target}`);
  try {
    const replayed = await replayErasures(
      restored,
      new Date((taken?.getTime() ?? 0) - (taken ? REPLAY_MARGIN_MS : 0)),
      { dir: options.journalDir },
    );
    await restored.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
    return { rows, replayed };
  } finally {
    await restored.$disconnect();
  }
}
