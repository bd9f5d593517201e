import { redirect } from "@remix-run/node";
import { cookieHeader, readCookie } from "~/lib/cookies.server";
import { safeRedirectTarget } from "~/lib/security.server";

// A one-time message shown after a redirect (POST → redirect → GET), kept in a short-lived cookie.
const TOAST_COOKIE = "lotse_toast";

export type Toast = { kind: "success" | "error" | "info"; text: string };

function toastCookie(value: string, maxAge: number) {
  return cookieHeader(TOAST_COOKIE, value, maxAge);
}

export function redirectWithToast(
  to: string,
  toast: Toast,
  init?: { headers?: Record<string, string> },
) {
  const headers = new Headers(init?.headers);
  headers.append(
    "Set-Cookie",
    toastCookie(Buffer.from(JSON.stringify(toast)).toString("base64url"), 60),
  );
  return redirect(safeRedirectTarget(to), { headers });
}

/** Reads and clears the toast of a request. */
export function readToast(request: Request): { toast: Toast | null; setCookie: string | null } {
  const raw = readCookie(request, TOAST_COOKIE);
  if (!raw) return { toast: null, setCookie: null };
  try {
    const parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    const ok =
      parsed &&
      ["success", "error", "info"].includes(parsed.kind) &&
      typeof parsed.text === "string";
    return {
      toast: ok ? { kind: parsed.kind, text: parsed.text.slice(0, 300) } : null,
      setCookie: toastCookie("", 0),
    };
  } catch {
    return { toast: null, setCookie: toastCookie("", 0) };
  }
}
