// `npm run db:backup`: a consistent copy of the database into backups/ (see
// app/modules/backup/backup.server.ts), kept BACKUP_KEEP_DAYS days.
import { env } from "../app/env.server.ts";
import { restrictNewFiles } from "../app/lib/file-modes.server.ts";
import { backupDatabase } from "../app/modules/backup/backup.server.ts";

restrictNewFiles();
const manifest = await backupDatabase({
  databaseUrl: env.DATABASE_URL,
  dir: env.BACKUP_DIR,
  keepDays: env.BACKUP_KEEP_DAYS,
});
console.log(
  `Sicherung geschrieben: ${manifest.file} (${Object.entries(manifest.rows)
    .map(([table, n]) => `${table} ${n}`)
    .join(", ")})`,
);
