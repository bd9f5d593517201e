import type { ActionFunctionArgs } from "@remix-run/node";
import { env } from "~/env.server";
import {
  applyResendEvent,
  firstDelivery,
  verifyWebhookSignature,
} from "~/modules/email/webhook.server";

// Resend's delivery events (no session: the signature is the permission). GET is not offered.
export async function loader() {
  return new Response("Method Not Allowed", { status: 405 });
}

export async function action({ request }: ActionFunctionArgs) {
  if (!env.RESEND_WEBHOOK_SECRET) return new Response("Not configured", { status: 404 });
  const body = await request.text();
  if (body.length > 100_000) return new Response("Too large", { status: 413 });
  const valid = verifyWebhookSignature(
    env.RESEND_WEBHOOK_SECRET,
    {
      id: request.headers.get("svix-id"),
      timestamp: request.headers.get("svix-timestamp"),
      signature: request.headers.get("svix-signature"),
    },
    body,
  );
  if (!valid) return new Response("Invalid signature", { status: 401 });
  // Each message id is applied once; a repeat is acknowledged so the sender stops retrying.
  if (!(await firstDelivery(request.headers.get("svix-id")!)))
    return new Response("ok", { status: 200 });
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch {
    return new Response("Invalid JSON", { status: 400 });
  }
  await applyResendEvent(payload as Parameters<typeof applyResendEvent>[0]);
  return new Response("ok", { status: 200 });
}
