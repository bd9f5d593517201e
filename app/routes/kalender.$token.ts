import type { LoaderFunctionArgs } from "@remix-run/node";
import { calendarFeed } from "~/modules/calendar/feed.server";

// A user's calendar subscription: the secret in the URL is the only permission, and it grants
// this feed alone. A wrong or renewed secret is answered 404.
export async function loader({ params }: LoaderFunctionArgs) {
  const token = (params.token ?? "").replace(/\.ics$/, "");
  const feed = await calendarFeed(token);
  if (feed == null) throw new Response("Not Found", { status: 404 });
  return new Response(feed, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}
