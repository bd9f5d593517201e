import { db, Prisma, queryJsonRows, sqlInstantText, sqlJoined, sqlJsonRows } from "~/db.server";
import { t } from "~/messages";
import { audit } from "~/modules/audit/audit.server";
import type { Scope } from "~/modules/auth/permissions";
import type { SessionUser } from "~/modules/auth/session.server";
import { participantScopeSql } from "~/modules/participant/access.server";
import { PROFILE_CONSENT } from "~/modules/participant/values";
import { referenceCache } from "~/modules/reference/cache.server";
import { listOccupations } from "~/modules/reference/lists.server";
import { knownTimeKey, type Point, type Station, stationFinder, type TravelMode } from "./commute";
import type { Wish } from "./score";
import {
  assessPairs,
  beyondLimit,
  EXCLUSION_REASON,
  type Features,
  type Match,
  type MatchOffer,
  type MatchParticipant,
  reasonsFor,
  scoreParts,
  type Travel,
} from "./score";

const neighbourRows = referenceCache(() =>
  db.districtNeighbour.findMany({ select: { districtAgs: true, neighbourAgs: true } }),
);

async function neighbourTest() {
  const pairs = new Set((await neighbourRows()).map((r) => `${r.districtAgs}|${r.neighbourAgs}`));
  return (a: string, b: string) => pairs.has(`${a}|${b}`) || pairs.has(`${b}|${a}`);
}

const postalRows = referenceCache(() =>
  db.postalCode.findMany({
    select: { plz: true, districtAgs: true, latitude: true, longitude: true },
  }),
);
const districtRows = referenceCache(() =>
  db.district.findMany({ select: { ags: true, name: true, latitude: true, longitude: true } }),
);

const stationRows = referenceCache(() =>
  db.railStation.findMany({ select: { eva: true, name: true, latitude: true, longitude: true } }),
);

/** The nearest railway station of a point, from the stations held in memory. */
const nearestStation = (() => {
  let finder: Promise<ReturnType<typeof stationFinder>> | null = null;
  return () => {
    finder ??= stationRows().then((rows) =>
      stationFinder(
        rows.map(
          (r): Station => ({
            eva: r.eva,
            name: r.name,
            location: { lat: r.latitude, lon: r.longitude },
          }),
        ),
      ),
    );
    return finder;
  };
})();

/** What the commute needs: the known times between the given PLZ and the nearest stations. */
async function travelFor(where: {
  fromPlz?: string | null;
  toPlz?: string | null;
}): Promise<Travel> {
  const [rows, nearest] = await Promise.all([
    where.fromPlz || where.toPlz
      ? db.travelTime.findMany({
          where: where.fromPlz ? { fromPlz: where.fromPlz } : { toPlz: where.toPlz! },
          select: { fromPlz: true, toPlz: true, mode: true, minutes: true },
        })
      : [],
    nearestStation(),
  ]);
  return {
    known: new Map(
      rows.map((r) => [knownTimeKey(r.fromPlz, r.toPlz, r.mode as TravelMode), r.minutes]),
    ),
    nearest,
  };
}

/**
 * Where a PLZ in a district lies (its centroid, else the district's centre) and the district's
 * name, from reference data held in memory: the candidate queries then need no joins for it.
 */
async function geography() {
  const [postal, districts] = await Promise.all([postalRows(), districtRows()]);
  const byPlz = new Map(postal.map((r) => [`${r.plz}|${r.districtAgs}`, r]));
  const byAgs = new Map(districts.map((d) => [d.ags, d]));
  return (plz: string | null, ags: string | null) => {
    const district = ags ? byAgs.get(ags) : undefined;
    const place = plz && ags ? byPlz.get(`${plz}|${ags}`) : undefined;
    const lat = place?.latitude ?? district?.latitude ?? null;
    const lon = place?.longitude ?? district?.longitude ?? null;
    return {
      districtName: district?.name ?? null,
      location: lat == null || lon == null ? null : ({ lat, lon } satisfies Point),
    };
  };
}

/** Participants who can still be placed. */
export const MATCHABLE_STATUSES = ["interessiert", "aktiv", "im_praktikum"] as const;

type ParticipantRow = {
  id: string;
  firstName: string;
  lastName: string;
  plz: string | null;
  districtAgs: string | null;
  weeklyHoursAvailable: number | null;
  childcareHoursPerWeek: number | null;
  drivingLicence: number | boolean;
  hasCar: number | boolean;
  usesPublicTransport: number | boolean;
  maxCommuteMinutes: number | null;
  wishes: string | null;
  brokenOff: string | null;
};

/**
 * "occ1:81102:1:36,occ2:81112:2:" (occupation, KldB code, rank and training months, as SQL
 * concatenates the wishes) as a list.
 */
function parseWishes(text: string | null): Wish[] {
  if (!text) return [];
  return text.split(",").map((item) => {
    const [occupationId = "", kldbCode = "", rank = "0", months = ""] = item.split(":");
    return { occupationId, kldbCode, rank: Number(rank), durationMonths: Number(months) || null };
  });
}

/**
 * Participants as the scorer sees them (location from PLZ, else the district's centre): one row
 * each, wishes and broken-off internships concatenated in SQL, so two thousand cost one query.
 */
async function loadParticipants(where: Prisma.Sql) {
  const [rows, place] = await Promise.all([
    queryJsonRows<ParticipantRow>(Prisma.sql`
      SELECT ${sqlJsonRows({
        id: Prisma.sql`p.id`,
        firstName: Prisma.sql`p."firstName"`,
        lastName: Prisma.sql`p."lastName"`,
        plz: Prisma.sql`p.plz`,
        districtAgs: Prisma.sql`p."districtAgs"`,
        weeklyHoursAvailable: Prisma.sql`p."weeklyHoursAvailable"`,
        childcareHoursPerWeek: Prisma.sql`p."childcareHoursPerWeek"`,
        drivingLicence: Prisma.sql`p."drivingLicence"`,
        hasCar: Prisma.sql`p."hasCar"`,
        usesPublicTransport: Prisma.sql`p."usesPublicTransport"`,
        maxCommuteMinutes: Prisma.sql`p."maxCommuteMinutes"`,
        wishes: Prisma.sql`(SELECT ${sqlJoined(Prisma.sql`w."occupationId" || ':' || o."kldbCode" || ':' || CAST(w.rank AS TEXT) || ':'
          || coalesce(CAST(o."durationMonths" AS TEXT), '')`)} FROM "ParticipantOccupation" w
          JOIN "Occupation" o ON o.id = w."occupationId" WHERE w."participantId" = p.id)`,
        brokenOff: Prisma.sql`(SELECT ${sqlJoined(Prisma.sql`i."companyId"`)} FROM "Internship" i
          WHERE i."participantId" = p.id AND i.status = 'abgebrochen')`,
      })} AS rows
      FROM "Participant" p WHERE ${where}`),
    geography(),
  ]);
  return rows.map((r) => {
    const { districtName, location } = place(r.plz, r.districtAgs);
    return {
      display: {
        id: r.id,
        name: `${r.firstName} ${r.lastName}`,
        districtName,
        plz: r.plz,
        weeklyHoursAvailable: r.weeklyHoursAvailable,
        maxCommuteMinutes: r.maxCommuteMinutes,
      },
      match: {
        id: r.id,
        districtAgs: r.districtAgs,
        plz: r.plz,
        location,
        wishes: parseWishes(r.wishes).sort((a, b) => a.rank - b.rank),
        weeklyHoursAvailable: r.weeklyHoursAvailable,
        childcareHoursPerWeek: r.childcareHoursPerWeek,
        drivingLicence: Boolean(r.drivingLicence),
        hasCar: Boolean(r.hasCar),
        usesPublicTransport: Boolean(r.usesPublicTransport),
        maxCommuteMinutes: r.maxCommuteMinutes,
        brokenOffAt: new Set(r.brokenOff ? r.brokenOff.split(",") : []),
      } satisfies MatchParticipant,
    };
  });
}

type OfferRow = {
  id: string;
  occupationId: string;
  freePlaces: number;
  partTimePossible: number | boolean;
  weeklyHoursFull: number;
  internshipPossible: number | boolean;
  /** ISO text as SQLite stores it. */
  startDate: string | null;
  companyId: string;
  companyName: string;
  city: string | null;
  plz: string | null;
  districtAgs: string | null;
  outreachStatus: string;
  partTimeReadiness: string;
  informed: number;
};

/**
 * Offers that can take someone (free places, company neither archived nor "Kein Interesse") —
 * the same exclusions the scorer applies, done in SQL so they are never loaded.
 */
async function loadOffers(where: Prisma.Sql) {
  const [rows, place, occupations] = await Promise.all([
    queryJsonRows<OfferRow>(Prisma.sql`
      SELECT ${sqlJsonRows({
        id: Prisma.sql`t.id`,
        occupationId: Prisma.sql`t."occupationId"`,
        freePlaces: Prisma.sql`t.places - t."placesFilled"`,
        partTimePossible: Prisma.sql`t."partTimePossible"`,
        weeklyHoursFull: Prisma.sql`t."weeklyHoursFull"`,
        internshipPossible: Prisma.sql`t."internshipPossible"`,
        startDate: sqlInstantText(Prisma.sql`t."startDate"`),
        companyId: Prisma.sql`c.id`,
        companyName: Prisma.sql`c.name`,
        city: Prisma.sql`c.city`,
        plz: Prisma.sql`c.plz`,
        districtAgs: Prisma.sql`c."districtAgs"`,
        outreachStatus: Prisma.sql`c."outreachStatus"`,
        partTimeReadiness: Prisma.sql`c."partTimeReadiness"`,
        informed: Prisma.sql`c."informedAt" IS NOT NULL`,
      })} AS rows
      FROM "TrainingOffer" t
      JOIN "Company" c ON c.id = t."companyId"
      WHERE t."archivedAt" IS NULL AND t.places > t."placesFilled" AND c."archivedAt" IS NULL
        AND c."outreachStatus" <> 'kein_interesse' AND ${where}`),
    geography(),
    listOccupations(),
  ]);
  const occupationById = new Map(occupations.map((o) => [o.id, o]));
  return rows.flatMap((r) => {
    const occupation = occupationById.get(r.occupationId);
    if (!occupation) return [];
    const { districtName, location } = place(r.plz, r.districtAgs);
    return {
      display: {
        id: r.id,
        occupationId: r.occupationId,
        occupation: occupation.title,
        kldbCode: occupation.kldbCode,
        companyId: r.companyId,
        companyName: r.companyName,
        city: r.city,
        plz: r.plz,
        districtName,
        freePlaces: Number(r.freePlaces),
        startDate: r.startDate ? new Date(r.startDate) : null,
      },
      match: {
        id: r.id,
        occupationId: r.occupationId,
        kldbCode: occupation.kldbCode,
        durationMonths: occupation.durationMonths,
        freePlaces: Number(r.freePlaces),
        partTimePossible: Boolean(r.partTimePossible),
        weeklyHoursFull: Number(r.weeklyHoursFull),
        internshipPossible: Boolean(r.internshipPossible),
        archived: false,
        company: {
          id: r.companyId,
          districtAgs: r.districtAgs,
          plz: r.plz,
          location,
          archived: false,
          outreachStatus: r.outreachStatus,
          partTimeReadiness: r.partTimeReadiness,
          informed: Boolean(Number(r.informed)),
        },
      } satisfies MatchOffer,
    };
  });
}

export type MatchFilters = {
  districtAgs?: string | null;
  occupationId?: string | null;
  partTimeOnly?: boolean;
};

function scopeSql(user: SessionUser, scope: Scope) {
  return scope === "any" ? Prisma.sql`1 = 1` : participantScopeSql(user.id);
}

/** What a shown match carries besides its record: score, reasons, the points' parts, the way. */
function explained(m: Match) {
  return {
    score: m.score,
    reasons: reasonsFor(m.features),
    parts: scoreParts(m.features)!,
    beyondLimit: beyondLimit(m.features),
    commute: m.features.commute,
    travelMode: m.features.travelMode,
  };
}

/**
 * Ranked offers for one participant the user may see (null when not visible). With desired
 * occupations, offers in their KldB areas are considered; without, offers in the participant's
 * and the neighbouring districts. Offers beyond her acceptable commute rank below all others
 * and are left out unless asked for (`includeFar`); the page says how many. Offers of her wished
 * occupations that cannot take her are listed apart with the reason ("warum nicht?").
 */
export async function matchesForParticipant(
  user: SessionUser,
  scope: Scope,
  participantId: string,
  filters: MatchFilters = {},
  meta: { ip?: string; limit?: number; includeFar?: boolean } = {},
) {
  const [found] = await loadParticipants(
    Prisma.sql`p.id = ${participantId} AND p."archivedAt" IS NULL AND p."anonymisedAt" IS NULL
      AND ${scopeSql(user, scope)}`,
  );
  if (!found) return null;
  await audit({
    actorId: user.id,
    action: "read",
    entityType: "participant",
    entityId: participantId,
    ip: meta.ip,
    detail: "Matching",
  });
  const p = found.match;
  const and: Prisma.Sql[] = [];
  const areas = new Set(p.wishes.map((w) => w.kldbCode.slice(0, 2)));
  if (areas.size) {
    const inAreas = (await listOccupations())
      .filter((o) => areas.has(o.kldbCode.slice(0, 2)))
      .map((o) => o.id);
    and.push(
      inAreas.length
        ? Prisma.sql`t."occupationId" IN (${Prisma.join(inAreas)})`
        : Prisma.sql`0 = 1`,
    );
  } else if (p.districtAgs)
    and.push(Prisma.sql`(c."districtAgs" = ${p.districtAgs} OR c."districtAgs" IN
      (SELECT "neighbourAgs" FROM "DistrictNeighbour" WHERE "districtAgs" = ${p.districtAgs}))`);
  if (filters.districtAgs) and.push(Prisma.sql`c."districtAgs" = ${filters.districtAgs}`);
  if (filters.occupationId) and.push(Prisma.sql`t."occupationId" = ${filters.occupationId}`);
  if (filters.partTimeOnly)
    and.push(Prisma.sql`(t."partTimePossible" OR c."partTimeReadiness" = 'ja')`);
  const [offers, travel, areNeighbours, unavailable] = await Promise.all([
    loadOffers(and.length ? Prisma.join(and, " AND ") : Prisma.sql`1 = 1`),
    travelFor({ fromPlz: p.plz }),
    neighbourTest(),
    unavailableOffers(p.wishes.map((w) => w.occupationId)),
  ]);
  const byId = new Map(offers.map((o) => [o.match.id, o]));
  const { ranked, excluded } = assessPairs(
    offers.map((o) => [p, o.match] as [MatchParticipant, MatchOffer]),
    areNeighbours,
    travel,
  );
  const within = ranked.filter((m) => !beyondLimit(m.features));
  const shown = meta.includeFar ? ranked : within;
  return {
    participant: found.display,
    hasWishes: p.wishes.length > 0,
    total: shown.length,
    /** Offers beyond her acceptable commute (left out unless includeFar). */
    far: ranked.length - within.length,
    // Reasons are worded only for the matches that are shown.
    matches: shown.slice(0, meta.limit ?? shown.length).map((m) => ({
      ...byId.get(m.offerId)!.display,
      ...explained(m),
    })),
    notProposed: [
      ...excluded.map((e) => ({
        ...byId.get(e.offerId)!.display,
        reason: t(EXCLUSION_REASON[e.features.excluded as NonNullable<Features["excluded"]>]),
      })),
      ...unavailable,
    ].slice(0, NOT_PROPOSED_SHOWN),
  };
}

/** How many offers the "warum nicht?" list names (the nearest reasons, not every full offer). */
const NOT_PROPOSED_SHOWN = 20;

/**
 * Offers of the given occupations that cannot take anyone now (no free places, the company
 * said no): the "warum nicht?" of a participant's matching page.
 */
async function unavailableOffers(occupationIds: string[]) {
  if (!occupationIds.length) return [];
  const rows = await db.trainingOffer.findMany({
    where: {
      occupationId: { in: occupationIds },
      archivedAt: null,
      company: { archivedAt: null },
      OR: [
        { company: { outreachStatus: "kein_interesse" } },
        { places: { lte: db.trainingOffer.fields.placesFilled } },
      ],
    },
    take: NOT_PROPOSED_SHOWN,
    select: {
      id: true,
      places: true,
      placesFilled: true,
      occupation: { select: { title: true } },
      company: { select: { id: true, name: true, city: true, outreachStatus: true } },
    },
    orderBy: { company: { name: "asc" } },
  });
  return rows.flatMap((r) => {
    const reason =
      r.company.outreachStatus === "kein_interesse"
        ? EXCLUSION_REASON.kein_interesse
        : r.places <= r.placesFilled
          ? EXCLUSION_REASON.keine_plaetze
          : null;
    return reason
      ? [
          {
            id: r.id,
            occupation: r.occupation.title,
            companyId: r.company.id,
            companyName: r.company.name,
            city: r.company.city,
            reason: t(reason),
          },
        ]
      : [];
  });
}

/**
 * Ranked participants (of those the user may see) for one offer; null when it cannot take
 * anyone. Participants for whom the offer is beyond their acceptable commute rank below the
 * others and are left out unless asked for (`includeFar`).
 */
export async function matchesForOffer(
  user: SessionUser,
  scope: Scope,
  offerId: string,
  meta: { ip?: string; limit?: number; includeFar?: boolean } = {},
) {
  const [offer] = await loadOffers(Prisma.sql`t.id = ${offerId}`);
  if (!offer) return null;
  const [candidates, travel, areNeighbours] = await Promise.all([
    loadParticipants(
      Prisma.sql`p."archivedAt" IS NULL AND p."anonymisedAt" IS NULL
        AND p.status IN (${Prisma.join([...MATCHABLE_STATUSES])}) AND ${scopeSql(user, scope)}`,
    ),
    travelFor({ toPlz: offer.display.plz }),
    neighbourTest(),
  ]);
  // Who the employer may hear about: someone who withdrew sharing her profile is not proposed.
  const sharing = await profileSharing(candidates.map((p) => p.match.id));
  const participants = candidates.filter((p) => sharing.get(p.match.id) !== "withdrawn");
  const byId = new Map(participants.map((p) => [p.match.id, p]));
  const { ranked } = assessPairs(
    participants.map((p) => [p.match, offer.match] as [MatchParticipant, MatchOffer]),
    areNeighbours,
    travel,
  );
  const within = ranked.filter((m) => !beyondLimit(m.features));
  const shown = meta.includeFar ? ranked : within;
  if (shown.length) {
    await audit({
      actorId: user.id,
      action: "read",
      entityType: "participant",
      ip: meta.ip,
      detail: `Matching Angebot ${offerId}: ${shown
        .slice(0, 50)
        .map((m) => m.participantId)
        .join(",")}`.slice(0, 2000),
    });
  }
  return {
    offer: offer.display,
    total: shown.length,
    far: ranked.length - within.length,
    withdrawn: candidates.length - participants.length,
    matches: shown.slice(0, meta.limit ?? shown.length).map((m) => ({
      ...byId.get(m.participantId)!.display,
      profileShared: sharing.get(m.participantId) === "given",
      ...explained(m),
    })),
  };
}

/**
 * Per participant whether she agreed to her short profile going to employers: "given" (a
 * consent in force), "withdrawn" (she withdrew it and gave none since) or absent (never asked).
 */
async function profileSharing(ids: string[]): Promise<Map<string, "given" | "withdrawn">> {
  // All sharing consents at once (at most a few per participant): a list of thousands of ids
  // would exceed the database's parameter limit.
  const wanted = new Set(ids);
  const consents = ids.length
    ? (
        await db.consent.findMany({
          where: { purpose: PROFILE_CONSENT, participantId: { not: null } },
          select: { participantId: true, withdrawnAt: true },
        })
      ).filter((c) => c.participantId && wanted.has(c.participantId))
    : [];
  const state = new Map<string, "given" | "withdrawn">();
  for (const c of consents) {
    if (!c.participantId) continue;
    if (!c.withdrawnAt) state.set(c.participantId, "given");
    else if (state.get(c.participantId) !== "given") state.set(c.participantId, "withdrawn");
  }
  return state;
}
