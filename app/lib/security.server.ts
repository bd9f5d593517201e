import { randomBytes } from "node:crypto";

export const createNonce = () => randomBytes(16).toString("base64");

const PROBE_ORIGIN = "http://lotse.invalid";

/**
 * Only paths inside the app are accepted as redirect targets: no control characters or white
 * space (browsers drop a tab and read "/\t/evil.example" as "//evil.example"), no backslash, and
 * the target must resolve to the app's own origin. Returns the normalised path.
 */
export function safeRedirectTarget(target: unknown, fallback = "/uebersicht"): string {
  const unsafeChar = (c: string) => c.charCodeAt(0) <= 0x20 || c === "\u007f" || c === "\\";
  if (typeof target !== "string" || !target.startsWith("/") || [...target].some(unsafeChar))
    return fallback;
  try {
    const resolved = new URL(target, PROBE_ORIGIN);
    if (resolved.origin !== PROBE_ORIGIN || resolved.pathname.startsWith("//")) return fallback;
    return `${resolved.pathname}${resolved.search}${resolved.hash}`;
  } catch {
    return fallback;
  }
}

/** Headers for every response (security.md): enforced CSP with a per-request nonce and friends. */
export function securityHeaders(nonce: string, production: boolean): Record<string, string> {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
  return {
    "Content-Security-Policy": csp,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    ...(production ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A state-changing request must come from this app: a foreign Origin or a cross-site
 * Sec-Fetch-Site is refused. Requests without either header (non-browser clients) still need
 * the SameSite session cookie, which a foreign site cannot send.
 */
export function isForeignOriginRequest(
  method: string,
  headers: { origin?: string | null; secFetchSite?: string | null; host?: string | null },
  allowedOrigins: string[],
): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  if (headers.secFetchSite && !["same-origin", "none"].includes(headers.secFetchSite)) return true;
  if (headers.origin) {
    if (allowedOrigins.includes(headers.origin)) return false;
    // An Origin that is no URL at all ("null", garbage) is foreign, not an error.
    if (!URL.canParse(headers.origin)) return true;
    return !(headers.host && new URL(headers.origin).host === headers.host);
  }
  return false;
}
