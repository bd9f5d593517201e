// `npm run jobs`: runs the scheduled work once (event reminders, the morning follow-up digest,
// delivery of due emails) and prints what it did. Safe to run twice, e.g. from cron.
import { runJobs } from "../app/modules/jobs/jobs.server.ts";

const report = await runJobs();
console.log(
  `Erinnerungen: ${report.reminders}, Tageslisten: ${report.digests}, E-Mails versendet: ${report.delivery.sent}, fehlgeschlagen: ${report.delivery.failed}, erneut versuchen: ${report.delivery.retrying}`,
);
process.exit(0);
