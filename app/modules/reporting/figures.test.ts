import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { dateOnly } from "~/lib/day";
import { parseListParams } from "~/lib/list-params";
import type { Scope } from "~/modules/auth/permissions";
import type { SessionUser } from "~/modules/auth/session.server";
import { listCompanies, parseCompanyFilters } from "~/modules/company/service.server";
import { COMPANY_SORTS } from "~/modules/company/values";
import { listEvents, parseEventFilters } from "~/modules/event/service.server";
import { listInternships, parseInternshipFilters } from "~/modules/internship/service.server";
import { listParticipants, parseParticipantFilters } from "~/modules/participant/service.server";
import { PARTICIPANT_SORTS } from "~/modules/participant/values";
import { ensureReferenceData } from "~/modules/reference/reference-data.server";
import { createOutcome, createParticipant, createUser } from "../../../tests/factories";
import { COACH_FIGURES, type FigureRow, type FigureScope, periodFigures } from "./figures";
import { computeKpis } from "./kpis.server";

const SERVED = ["15003", "15083", "15086", "15089", "15090"];

/** How many records the list behind a figure's link shows (attendance: the persons present). */
async function listed(link: string, user: SessionUser, scope: Scope): Promise<number> {
  const url = new URL(link, "http://lotse.test");
  const all = { sortable: [] as string[], defaultSort: "", perPage: 10_000 };
  switch (url.pathname) {
    case "/teilnehmende":
      return (
        await listParticipants(
          user,
          scope,
          parseListParams(url, { ...all, sortable: PARTICIPANT_SORTS, defaultSort: "name" }),
          parseParticipantFilters(url, user.id),
        )
      ).count;
    case "/praktika":
      return (
        await listInternships(
          user,
          scope,
          parseListParams(url, all),
          parseInternshipFilters(url, user.id),
        )
      ).count;
    case "/veranstaltungen": {
      const page = await listEvents(
        parseListParams(url, all),
        "vergangen",
        new Date(),
        parseEventFilters(url),
      );
      return url.searchParams.has("art")
        ? page.count
        : page.data.reduce((sum, e) => sum + e.attended, 0);
    }
    case "/unternehmen":
      return (
        await listCompanies(
          parseListParams(url, { ...all, sortable: COMPANY_SORTS, defaultSort: "name" }),
          parseCompanyFilters(url, SERVED),
        )
      ).count;
    default:
      throw new Error(`no list behind ${link}`);
  }
}

/** A rate lists its numerator: the rate times its base. */
const expected = (f: FigureRow, base: number) =>
  f.kind === "rate" ? Math.round(f.value * base) : f.value;

let lead: SessionUser;
let coach: SessionUser;
let scope: FigureScope;

beforeAll(async () => {
  await ensureReferenceData();
  lead = (await createUser("leitung")) as SessionUser;
  coach = (await createUser("jobcoach")) as SessionUser;
  const other = await createUser("jobcoach");
  const project = await db.project.create({
    data: {
      name: "Zahlen und Listen",
      startDate: dateOnly("2025-01-01"),
      endDate: dateOnly("2025-12-31"),
    },
  });
  scope = {
    projectId: project.id,
    period: { from: "2025-04-01", to: "2025-06-30" },
    projectStart: "2025-01-01",
  };
  const mk = (coachId: string, ...stays: { entry: string; exit?: string }[]) =>
    createParticipant({ projectId: project.id, coachId, districtAgs: "15003" }, stays);
  const a = await mk(coach.id, { entry: "2025-03-31", exit: "2025-04-01" });
  const b = await mk(coach.id, { entry: "2025-04-01" });
  const c = await mk(other.id, { entry: "2025-06-30", exit: "2025-07-01" });
  const d = await mk(
    other.id,
    { entry: "2025-01-10", exit: "2025-02-28" },
    { entry: "2025-05-02" },
  );
  const e = await mk(
    coach.id,
    { entry: "2025-04-10", exit: "2025-05-10" },
    { entry: "2025-06-01", exit: "2025-06-20" },
  );
  await mk(coach.id, { entry: "2025-07-01" });
  const outcome = createOutcome;
  await outcome(a, 0, "ausbildung", "2025-04-01", true);
  await outcome(b, 0, "arbeit", "2025-06-30");
  await outcome(c, 0, "schule", "2025-06-30");
  await outcome(d, 0, "schule", "2025-02-28");
  await outcome(e, 1, "ausbildung", "2025-06-20");
  const occupation = await db.occupation.findFirstOrThrow();
  const company = await db.company.create({
    data: { name: "Praxis Liste", normalizedName: "praxis liste" },
  });
  const internship = (
    who: { id: string },
    status: string,
    start: string,
    end: string,
    ledToOffer = false,
  ) =>
    db.internship.create({
      data: {
        projectId: project.id,
        participantId: who.id,
        companyId: company.id,
        occupationId: occupation.id,
        status,
        startDate: dateOnly(start),
        endDate: dateOnly(end),
        ledToOffer,
      },
    });
  await internship(a, "laeuft", "2025-04-10", "2025-04-24");
  await internship(b, "abgeschlossen", "2025-03-01", "2025-04-05", true);
  await internship(c, "vorgeschlagen", "2025-05-01", "2025-05-14");
  await internship(e, "abgeschlossen", "2025-06-01", "2025-06-30");
  await internship(d, "abgebrochen", "2025-06-02", "2025-06-03");
  const event = (type: string, startsAt: string, cancelled = false) =>
    db.event.create({
      data: {
        projectId: project.id,
        type,
        title: `${type} ${startsAt}`,
        startsAt: new Date(startsAt),
        publicSlug: `liste-${type}-${startsAt}`,
        cancelledAt: cancelled ? new Date() : null,
      },
    });
  const w = await event("workshop", "2025-04-15T14:00:00Z");
  await event("workshop", "2025-05-01T14:00:00Z", true);
  const s = await event("stammtisch", "2025-06-30T20:00:00Z"); // 22:00 in Berlin, still June
  await event("workshop", "2025-06-30T22:30:00Z"); // 1 July, 00:30 in Berlin
  await db.eventRegistration.createMany({
    data: [
      { eventId: w.id, name: "x", source: "coach", attendance: "anwesend" },
      { eventId: w.id, name: "y", source: "coach", attendance: "nicht_erschienen" },
      { eventId: s.id, name: "v", source: "oeffentlich", attendance: "anwesend", persons: 3 },
    ],
  });
  const informed = (name: string, at: string) =>
    db.company.create({
      data: { name, normalizedName: name.toLowerCase(), informedAt: new Date(at) },
    });
  await informed("Erster Tag", "2025-03-31T22:00:00Z");
  await informed("Letzter Tag", "2025-06-30T21:59:00Z");
  await informed("Davor", "2025-03-31T21:59:00Z");
}, 60_000);

describe("every figure equals the length of the list it links to", () => {
  it("for the lead's project view", async () => {
    const k = await computeKpis(scope.projectId, scope.period);
    const rows = periodFigures(k, scope).filter((f) => f.key !== "report.multiplierContacts");
    const pairs = [];
    for (const f of rows)
      pairs.push([f.key, expected(f, k.outcomes.base), await listed(f.to!, lead, "any")]);
    expect(pairs.filter(([, figure, list]) => figure !== list)).toEqual([]);
    // The set is not trivial: every kind of figure has something to count.
    expect(rows.filter((f) => f.value === 0).map((f) => f.key)).toEqual([]);
  });

  it("for a coach's own numbers", async () => {
    const k = await computeKpis(scope.projectId, scope.period, new Date(), coach.id);
    const rows = periodFigures(k, { ...scope, mine: true }, COACH_FIGURES);
    const pairs = [];
    for (const f of rows)
      pairs.push([f.key, expected(f, k.outcomes.base), await listed(f.to!, coach, "own")]);
    expect(pairs.filter(([, figure, list]) => figure !== list)).toEqual([]);
    expect(rows.find((f) => f.key === "report.entered")?.value).toBeGreaterThan(0);
  });
});
