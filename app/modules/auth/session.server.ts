import { db, Prisma, queryRows, sqlBool, sqlChoice, sqlInstant, sqlText } from "~/db.server";
import { env, isProduction } from "~/env.server";
import { cookieHeader, readCookie } from "~/lib/cookies.server";
import type { RequestContext } from "~/lib/request-context";
import { hashToken, randomToken } from "~/lib/tokens.server";
import { ROLES, type Role } from "./permissions";

export const SESSION_COOKIE = "lotse_session";
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000;
// lastSeenAt is written at most this often, so reading pages does not write on every request.
const TOUCH_INTERVAL_MS = 60 * 1000;

// Secure in production; a local http://localhost run keeps working in every browser.
export const secureCookies =
  isProduction && !/^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(new URL(env.APP_URL).origin);

export type SessionUser = { id: string; name: string; email: string; role: Role };

/** The session token of a request; anything but base64url is not ours and is ignored, never decoded. */
export function readSessionToken(request: Request): string | null {
  const value = readCookie(request, SESSION_COOKIE);
  return value && /^[A-Za-z0-9_-]+$/.test(value) ? value : null;
}

function sessionCookie(value: string, maxAgeSeconds: number): string {
  return cookieHeader(SESSION_COOKIE, value, maxAgeSeconds, secureCookies);
}

export const clearSessionCookie = () => sessionCookie("", 0);

/** Starts a new session (always a new id) and returns the Set-Cookie header value. */
export async function createSession(userId: string, context?: RequestContext, request?: Request) {
  const token = randomToken();
  const now = Date.now();
  await db.session.create({
    data: {
      id: hashToken(token),
      userId,
      expiresAt: new Date(now + ABSOLUTE_LIFETIME_MS),
      ip: context?.clientIp ?? null,
      userAgent: request?.headers.get("User-Agent")?.slice(0, 300) ?? null,
    },
  });
  return sessionCookie(token, ABSOLUTE_LIFETIME_MS / 1000);
}

export type SessionLookup =
  | { status: "none" }
  | { status: "expired" }
  | { status: "active"; user: SessionUser; sessionId: string };

/** Finds the session of a request; ends it on the server when it is idle or past its lifetime. */
// Root, layout and page loaders of one request share one lookup instead of querying three times.
const lookups = new WeakMap<Request, Promise<SessionLookup>>();

export function lookupSession(request: Request): Promise<SessionLookup> {
  let lookup = lookups.get(request);
  if (!lookup) {
    lookup = findSession(request);
    lookups.set(request, lookup);
  }
  return lookup;
}

async function findSession(request: Request): Promise<SessionLookup> {
  const token = readSessionToken(request);
  if (!token || token.length > 100) return { status: "none" };
  const id = hashToken(token);
  // Runs on every request: one plain query instead of a session and a user lookup.
  const [session] = await queryRows(
    {
      lastSeenAt: sqlInstant,
      expiresAt: sqlInstant,
      userId: sqlText,
      name: sqlText,
      email: sqlText,
      role: sqlChoice(ROLES),
      active: sqlBool,
    },
    Prisma.sql`SELECT s."lastSeenAt", s."expiresAt", s."userId", u.name, u.email, u.role, u.active
      FROM "Session" s JOIN "User" u ON u.id = s."userId" WHERE s.id = ${id}`,
  );
  if (!session) return { status: "none" };
  const now = Date.now();
  if (
    !session.active ||
    session.expiresAt.getTime() <= now ||
    now - session.lastSeenAt.getTime() > IDLE_TIMEOUT_MS
  ) {
    await db.session.deleteMany({ where: { id } });
    return { status: "expired" };
  }
  if (now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.session.update({ where: { id }, data: { lastSeenAt: new Date(now) } });
  }
  const user = { id: session.userId, name: session.name, email: session.email, role: session.role };
  return { status: "active", sessionId: id, user };
}

export async function getOptionalUser(request: Request): Promise<SessionUser | null> {
  const s = await lookupSession(request);
  return s.status === "active" ? s.user : null;
}

/** The signed-in user, or a redirect to the login page that comes back here afterwards. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const s = await lookupSession(request);
  if (s.status === "active") return s.user;
  const url = new URL(request.url);
  const params = new URLSearchParams({ redirectTo: url.pathname + url.search });
  if (s.status === "expired") params.set("grund", "abgelaufen");
  throw new Response(null, {
    status: 302,
    headers: { Location: `/anmelden?${params}`, "Set-Cookie": clearSessionCookie() },
  });
}

export async function endSession(request: Request): Promise<void> {
  const token = readSessionToken(request);
  if (token) await db.session.deleteMany({ where: { id: hashToken(token) } });
}

export async function endAllSessions(userId: string): Promise<void> {
  await db.session.deleteMany({ where: { userId } });
}
