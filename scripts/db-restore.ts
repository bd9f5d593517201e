// `npm run db:restore -- <file>`: restores a backup over the database in DATABASE_URL (the server
// must be stopped); the previous database is kept next to it as <db>.before-restore.
import { restrictNewFiles } from "../app/lib/file-modes.server.ts";
import { restoreDatabase } from "../app/modules/backup/backup.server.ts";

const backup = process.argv[2];
if (!backup) {
  console.error("Aufruf: npm run db:restore -- backups/lotse-<Zeit>.db");
  process.exit(1);
}
restrictNewFiles();
const { rows, replayed } = await restoreDatabase({
  databaseUrl: process.env.DATABASE_URL ?? "file:./data/lotse.db",
  backup,
});
console.log(
  `Wiederhergestellt aus ${backup}: ${Object.entries(rows)
    .map(([t, n]) => `${t} ${n}`)
    .join(", ")}`,
);
console.log(
  `Löschungen seit der Sicherung erneut angewandt: ${replayed.entries} (${
    Object.entries(replayed.counts)
      .map(([t, n]) => `${t} ${n}`)
      .join(", ") || "nichts zu tun"
  })`,
);
process.exit(0);
