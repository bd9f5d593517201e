import { randomUUID } from "node:crypto";
import { Resend } from "resend";
import { db, type Tx } from "~/db.server";
import { env } from "~/env.server";

export type EmailAttachment = { filename: string; content: string; contentType?: string };
export type OutgoingEmail = {
  kind: string;
  to: string;
  toName?: string | null;
  subject: string;
  html: string;
  text: string;
  attachments?: EmailAttachment[];
  /** Stable key per logical email (e.g. "invitation:<id>"): the same key is never sent twice. */
  idempotencyKey?: string;
};

/** Removes CR/LF so no header can be injected through names or subjects. */
export const headerSafe = (value: string) => value.replace(/[\r\n]+/g, " ").trim();

const withoutNul = (text: string) => text.replaceAll("\u0000", "");

export const emailDeliveryEnabled = () => Boolean(env.RESEND_API_KEY);

/**
 * Queues an email in the outbox, inside the caller's transaction when given, so the email exists
 * exactly when the record that caused it does. Without RESEND_API_KEY it is held for the admin page.
 */
export async function queueEmail(email: OutgoingEmail, tx: Tx | typeof db = db) {
  return tx.emailOutbox.create({
    data: {
      kind: email.kind,
      toEmail: headerSafe(email.to),
      toName: email.toName ? headerSafe(email.toName) : null,
      subject: headerSafe(email.subject),
      // The rendered preview text is padded with invisible characters, NUL among them: no
      // mail client shows a NUL, and PostgreSQL does not store one in text.
      html: withoutNul(email.html),
      text: withoutNul(email.text),
      attachments: email.attachments ? JSON.stringify(email.attachments) : null,
      idempotencyKey: email.idempotencyKey ?? `${email.kind}:${randomUUID()}`,
      status: emailDeliveryEnabled() ? "pending" : "held",
    },
    select: { id: true },
  });
}

const MAX_ATTEMPTS = 6;
const SEND_INTERVAL_MS = 550;
export const retryDelayMs = (attempt: number) => Math.min(60 * 60_000, 30_000 * 2 ** (attempt - 1));

function formatAddress(email: string, name: string | null) {
  return name ? `${name.replace(/[<>"]/g, "")} <${email}>` : email;
}

export type DeliveryReport = { sent: number; failed: number; retrying: number };

/**
 * Delivers due outbox rows through Resend. Each row is claimed before sending, and the Resend
 * idempotency key is the row's key, so a restart after a crash never sends a second email.
 */
export async function deliverOutbox(
  options: {
    resend?: Resend;
    now?: Date;
    limit?: number;
    ids?: string[];
    /** Pause between two sends; Resend allows 2 requests per second by default. */
    intervalMs?: number;
  } = {},
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, failed: 0, retrying: 0 };
  if (!options.resend && !env.RESEND_API_KEY) return report;
  const resend = options.resend ?? new Resend(env.RESEND_API_KEY);
  const now = options.now ?? new Date();
  // Rows left in "sending" by a crash are picked up again; the idempotency key makes that safe.
  const due = await db.emailOutbox.findMany({
    where: {
      status: { in: ["pending", "sending"] },
      nextAttemptAt: { lte: now },
      ...(options.ids ? { id: { in: options.ids } } : {}),
    },
    orderBy: { createdAt: "asc" },
    take: options.limit ?? 50,
  });
  const interval = options.intervalMs ?? SEND_INTERVAL_MS;
  let last = 0;
  for (const row of due) {
    const wait = last + interval - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const claimed = await db.emailOutbox.updateMany({
      where: { id: row.id, status: row.status, attempts: row.attempts },
      data: {
        status: "sending",
        attempts: { increment: 1 },
        nextAttemptAt: new Date(now.getTime() + 5 * 60_000),
      },
    });
    if (claimed.count === 0) continue;
    last = Date.now();
    const attachments: EmailAttachment[] = row.attachments ? JSON.parse(row.attachments) : [];
    const { data, error } = await resend.emails.send(
      {
        from: env.EMAIL_FROM,
        to: [formatAddress(row.toEmail, row.toName)],
        subject: row.subject,
        html: row.html,
        text: row.text,
        ...(attachments.length
          ? {
              attachments: attachments.map((a) => ({
                filename: a.filename,
                content: a.content,
                contentType: a.contentType,
              })),
            }
          : {}),
      },
      { idempotencyKey: row.idempotencyKey },
    );
    const attempts = row.attempts + 1;
    if (!error && data) {
      await db.emailOutbox.update({
        where: { id: row.id },
        data: { status: "sent", sentAt: new Date(), providerId: data.id, lastError: null },
      });
      report.sent++;
    } else {
      const giveUp =
        attempts >= MAX_ATTEMPTS ||
        (error?.statusCode != null &&
          error.statusCode >= 400 &&
          error.statusCode < 500 &&
          error.statusCode !== 429);
      await db.emailOutbox.update({
        where: { id: row.id },
        data: {
          status: giveUp ? "failed" : "pending",
          lastError:
            `${error?.statusCode ?? ""} ${error?.name ?? "error"}: ${error?.message ?? "unbekannt"}`.slice(
              0,
              500,
            ),
          nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
        },
      });
      if (giveUp) report.failed++;
      else report.retrying++;
    }
  }
  return report;
}

/**
 * Links in emails can carry a secret (an invitation, a personal registration or cancel link):
 * whoever reads the outbox must not be able to use them, so every long token in a link is
 * masked. (The admin could otherwise invite herself and read the live link.)
 */
export const maskLinkSecrets = (text: string) =>
  text.replace(/https?:\/\/\S+/g, (url) => url.replace(/([/=])[A-Za-z0-9_-]{16,}/g, "$1•••"));

/** The newest outbox entries for the admin page (text version only, secrets in links masked). */
export async function listOutbox(limit = 100) {
  const rows = await db.emailOutbox.findMany({
    orderBy: { createdAt: "desc" },
    take: limit,
    select: {
      id: true,
      toEmail: true,
      toName: true,
      subject: true,
      text: true,
      status: true,
      createdAt: true,
    },
  });
  return rows.map((r) => ({ ...r, text: maskLinkSecrets(r.text) }));
}
