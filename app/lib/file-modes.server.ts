import { chmodSync, existsSync } from "node:fs";
import path from "node:path";

// Files Lotse writes hold personal data (the database, uploads, the signing secret, backups):
// readable and writable by the service account only (security.md).

/** From now on, every file and folder this process creates is 0600 / 0700. */
export const restrictNewFiles = () => process.umask(0o077);

/** Tightens files an earlier installation created with the default mode (0644). */
export function restrictExistingFiles(databaseUrl: string | undefined) {
  const db = databaseUrl?.startsWith("file:")
    ? path.resolve(databaseUrl.slice("file:".length))
    : null;
  const files = [
    ...(db ? [db, `${db}-wal`, `${db}-shm`, `${db}-journal`] : []),
    path.resolve("data/lotse.secret"),
  ];
  for (const file of files) if (existsSync(file)) chmodSync(file, 0o600);
}
