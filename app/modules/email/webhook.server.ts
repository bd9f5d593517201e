import { createHmac, timingSafeEqual } from "node:crypto";
import { db, sqlDate } from "~/db.server";
import { audit } from "~/modules/audit/audit.server";

/** Resend signs webhooks the Svix way; calls older or newer than this are refused (replays). */
const TOLERANCE_SECONDS = 5 * 60;

/**
 * Checks a webhook call: HMAC-SHA256 over "id.timestamp.body" with the base64 secret behind
 * "whsec_", compared in constant time against each "v1,<base64>" signature in the header.
 */
export function verifyWebhookSignature(
  secret: string,
  headers: { id: string | null; timestamp: string | null; signature: string | null },
  body: string,
  now = new Date(),
): boolean {
  const { id, timestamp, signature } = headers;
  if (!id || !timestamp || !signature || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > TOLERANCE_SECONDS) return false;
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const expected = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest();
  return signature.split(" ").some((part) => {
    const [version, value] = part.split(",");
    if (version !== "v1" || !value) return false;
    const given = Buffer.from(value, "base64");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

/**
 * Remembers a webhook message id; false when it was seen before (a replay within the
 * timestamp window, or the provider retrying): such a message is acknowledged, not applied again.
 */
export async function firstDelivery(messageId: string, now = new Date()): Promise<boolean> {
  const key = `webhook:${messageId.slice(0, 200)}`;
  const inserted = await db.$executeRaw`
    INSERT INTO "JobRun" ("key", "ranAt") VALUES (${key}, ${sqlDate(now)}) ON CONFLICT ("key") DO NOTHING`;
  return inserted === 1;
}

type ResendEvent = {
  type?: string;
  created_at?: string;
  data?: { email_id?: string; to?: string[] | string; bounce?: { type?: string } };
};

/**
 * Applies a delivery event: a bounce marks the address invalid on every contact person who has
 * it (the contact page shows it; invitations leave it out) and the outbox row as bounced.
 */
export async function applyResendEvent(payload: ResendEvent) {
  const type = payload.type ?? "";
  const emailId = payload.data?.email_id ?? null;
  const recipients = [payload.data?.to ?? []].flat().map((e) => e.toLowerCase().trim());
  if (type === "email.bounced") {
    const when = payload.created_at ? new Date(payload.created_at) : new Date();
    const at = Number.isNaN(when.getTime()) ? new Date() : when;
    const marked = await db.contactPerson.updateMany({
      where: { email: { in: recipients }, emailInvalidAt: null },
      data: { emailInvalidAt: at },
    });
    if (emailId)
      await db.emailOutbox.updateMany({
        where: { providerId: emailId },
        data: { status: "bounced", lastError: `bounce ${payload.data?.bounce?.type ?? ""}`.trim() },
      });
    await audit({
      action: "update",
      entityType: "email",
      entityId: emailId,
      detail: `Bounce gemeldet, ${marked.count} Kontakt(e) markiert`,
    });
    return { handled: true, marked: marked.count };
  }
  if (type === "email.delivered" && emailId) {
    await db.emailOutbox.updateMany({
      where: { providerId: emailId, status: "sent" },
      data: { lastError: null },
    });
  }
  return { handled: false, marked: 0 };
}
