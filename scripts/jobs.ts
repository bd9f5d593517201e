// `npm run jobs`: runs the scheduled work once (event reminders, the morning follow-up digest,
// delivery of due emails, removing abandoned import uploads) and prints what it did. Safe to run
// twice, e.g. from cron.
import { restrictNewFiles } from "../app/lib/file-modes.server.ts";
import { runJobs } from "../app/modules/jobs/jobs.server.ts";

restrictNewFiles();

const report = await runJobs();
if (!report) {
  console.log("Ein anderer Server führt die geplanten Aufgaben gerade aus – nichts getan.");
  process.exit(0);
}
console.log(
  `Erinnerungen: ${report.reminders}, Tageslisten: ${report.digests}, E-Mails versendet: ${report.delivery.sent}, fehlgeschlagen: ${report.delivery.failed}, erneut versuchen: ${report.delivery.retrying}, liegengebliebene Importdateien gelöscht: ${report.uploadsRemoved}, Sicherung: ${report.backup ?? "keine fällig"}, Löschregeln angewandt: ${report.retention ?? "nicht fällig"}, Dokumentdateien entfernt: ${report.documentFilesRemoved}`,
);
process.exit(0);
