// `npm run db:backup`: a consistent copy of the database into backups/ (see
// app/modules/backup/backup.server.ts), kept BACKUP_KEEP_DAYS days.
import { restrictNewFiles } from "../app/lib/file-modes.server.ts";
import { backupDatabase } from "../app/modules/backup/backup.server.ts";

restrictNewFiles();
const manifest = await backupDatabase({
  databaseUrl: process.env.DATABASE_URL ?? "file:./data/lotse.db",
  dir: process.env.BACKUP_DIR ?? "backups",
  keepDays: Number(process.env.BACKUP_KEEP_DAYS ?? 30),
});
console.log(
  `Sicherung geschrieben: ${manifest.file} (${Object.entries(manifest.rows)
    .map(([table, n]) => `${table} ${n}`)
    .join(", ")})`,
);
