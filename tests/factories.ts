// Test helpers that build real records in the test database; the demo seed uses the same modules.
import type { AppLoadContext } from "@remix-run/node";
import { expect } from "vitest";
import { db } from "~/db.server";
import { AppError } from "~/lib/errors";
import { hashPassword } from "~/modules/auth/password.server";
import type { Role } from "~/modules/auth/permissions";
import { createSession } from "~/modules/auth/session.server";

export const TEST_PASSWORD = "ein-sicheres-testpasswort";
let counter = 0;
let cachedHash: Promise<string> | undefined;

export async function createUser(
  role: Role,
  overrides: { email?: string; name?: string; active?: boolean } = {},
) {
  counter++;
  cachedHash ??= hashPassword(TEST_PASSWORD);
  return db.user.create({
    data: {
      email: overrides.email ?? `${role}${counter}@test.example`,
      name: overrides.name ?? `${role} ${counter}`,
      role,
      active: overrides.active ?? true,
      passwordHash: await cachedHash,
    },
    select: { id: true, email: true, name: true, role: true },
  });
}

type StaySpec = {
  entry: string;
  exit?: string | null;
  projectId?: string | null;
  labourStatus?: string;
};
const isoDay = (d: string) => new Date(`${d}T00:00:00Z`);

/**
 * A participant with the given stays (entry/exit as YYYY-MM-DD, oldest first); the participant's
 * own dates, labour status and project are the latest stay's, as the participant module keeps them.
 */
export async function createParticipant(
  data: { coachId: string; projectId?: string | null } & Record<string, unknown>,
  stays: StaySpec[] = [],
) {
  counter++;
  const latest = stays.at(-1);
  const projectOf = (s: StaySpec) => (s.projectId === undefined ? data.projectId : s.projectId);
  const participant = await db.participant.create({
    data: {
      firstName: `TN${counter}`,
      lastName: "Test",
      birthDate: isoDay("2002-01-01"),
      ...data,
      projectId: latest ? projectOf(latest) : (data.projectId ?? null),
      entryDate: latest ? isoDay(latest.entry) : null,
      exitDate: latest?.exit ? isoDay(latest.exit) : null,
      labourStatus: latest?.labourStatus ?? (data.labourStatus as string | undefined) ?? null,
    } as never,
    select: { id: true },
  });
  const created = [];
  for (const s of stays)
    created.push(
      await db.participantStay.create({
        data: {
          participantId: participant.id,
          projectId: projectOf(s) ?? null,
          entryDate: isoDay(s.entry),
          exitDate: s.exit ? isoDay(s.exit) : null,
          labourStatus: s.labourStatus ?? null,
        },
        select: { id: true },
      }),
    );
  return { id: participant.id, stays: created.map((s) => s.id) };
}

/** An outcome (Verbleib) of a participant's n-th stay, dated `start` (YYYY-MM-DD). */
export function createOutcome(
  who: { id: string; stays: string[] },
  stay: number,
  type: string,
  start: string,
  partTime = false,
) {
  return db.outcome.create({
    data: {
      participantId: who.id,
      stayId: who.stays[stay],
      type,
      partTime,
      startDate: isoDay(start),
    },
  });
}

/** A signed-in user with the cookie header a browser would send. */
export async function signedIn(role: Role) {
  const user = await createUser(role);
  const setCookie = await createSession(user.id);
  return { user, cookie: setCookie.split(";")[0]! };
}

export const testContext: AppLoadContext = { clientIp: "127.0.0.1", cspNonce: "test" };

export function makeRequest(
  pathname: string,
  options: { cookie?: string; method?: string; form?: Record<string, string> } = {},
): Request {
  const headers = new Headers();
  if (options.cookie) headers.set("Cookie", options.cookie);
  const init: RequestInit = { method: options.method ?? (options.form ? "POST" : "GET"), headers };
  if (options.form) {
    headers.set("Content-Type", "application/x-www-form-urlencoded");
    init.body = new URLSearchParams(options.form).toString();
  }
  return new Request(new URL(pathname, "http://localhost:3000"), init);
}

/** Runs a loader/action and returns the thrown or returned Response (or data) uniformly. */
export async function settle(
  fn: () => Promise<unknown>,
): Promise<{ status: number; value: unknown }> {
  try {
    const value = await fn();
    if (value instanceof Response) return { status: value.status, value };
    const init = (value as { init?: { status?: number } } | null)?.init;
    return { status: init?.status ?? 200, value };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, value: thrown };
    throw thrown;
  }
}

/** The field errors a module call was refused with (it must be refused with an AppError). */
export async function fieldErrorsOf(p: Promise<unknown>) {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).fieldErrors;
}
