// Reading and writing the app's own cookies (session, toast) in one place.

/** The raw value of one cookie of a request, or null. */
export function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return v.join("=");
  }
  return null;
}

/** A Set-Cookie value that scripts cannot read and other sites do not send. */
export function cookieHeader(
  name: string,
  value: string,
  maxAgeSeconds: number,
  secure = false,
): string {
  const attrs = [
    `${name}=${value}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${maxAgeSeconds}`,
  ];
  if (secure) attrs.push("Secure");
  return attrs.join("; ");
}
