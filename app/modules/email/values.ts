/** Where an outbox row stands: waiting, being sent, sent, failed (retried), held (no API key), bounced. */
export const OUTBOX_STATUSES = ["pending", "sending", "sent", "failed", "held", "bounced"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
