import { db, Prisma } from "~/db.server";
import { audit } from "~/modules/audit/audit.server";
import type { Scope } from "~/modules/auth/permissions";
import type { SessionUser } from "~/modules/auth/session.server";
import { referenceCache } from "~/modules/reference/cache.server";
import { type MatchOffer, type MatchParticipant, type Point, rankPairs, reasonsFor } from "./score";

const neighbourRows = referenceCache(() =>
  db.districtNeighbour.findMany({ select: { districtAgs: true, neighbourAgs: true } }),
);

async function neighbourTest() {
  const pairs = new Set((await neighbourRows()).map((r) => `${r.districtAgs}|${r.neighbourAgs}`));
  return (a: string, b: string) => pairs.has(`${a}|${b}`) || pairs.has(`${b}|${a}`);
}

const point = (lat: number | null, lon: number | null): Point | null =>
  lat == null || lon == null ? null : { lat, lon };

/** Participants who can still be placed. */
export const MATCHABLE_STATUSES = ["interessiert", "aktiv", "im_praktikum"] as const;

type ParticipantRow = {
  id: string;
  firstName: string;
  lastName: string;
  districtAgs: string | null;
  districtName: string | null;
  lat: number | null;
  lon: number | null;
  weeklyHoursAvailable: number | null;
  drivingLicence: number | boolean;
  hasCar: number | boolean;
  usesPublicTransport: number | boolean;
  maxCommuteMinutes: number | null;
};

/** Participants as the scorer sees them (location from PLZ, else the district's centre). */
async function loadParticipants(where: Prisma.Sql) {
  const rows = await db.$queryRaw<ParticipantRow[]>`
    SELECT p.id, p.firstName, p.lastName, p.districtAgs, d.name AS districtName,
      coalesce(pc.latitude, d.latitude) AS lat, coalesce(pc.longitude, d.longitude) AS lon,
      p.weeklyHoursAvailable, p.drivingLicence, p.hasCar, p.usesPublicTransport, p.maxCommuteMinutes
    FROM Participant p
    LEFT JOIN PostalCode pc ON pc.plz = p.plz AND pc.districtAgs = p.districtAgs
    LEFT JOIN District d ON d.ags = p.districtAgs
    WHERE ${where}`;
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += 500) chunks.push(ids.slice(i, i + 500));
  const [wishes, brokenOff] = await Promise.all([
    Promise.all(
      chunks.map(
        (c) => db.$queryRaw<{ participantId: string; rank: number; kldbCode: string }[]>`
          SELECT w.participantId, w.rank, o.kldbCode FROM ParticipantOccupation w
          JOIN Occupation o ON o.id = w.occupationId
          WHERE w.participantId IN (${Prisma.join(c)}) ORDER BY w.rank`,
      ),
    ).then((r) => r.flat()),
    Promise.all(
      chunks.map(
        (c) => db.$queryRaw<{ participantId: string; companyId: string }[]>`
          SELECT participantId, companyId FROM Internship
          WHERE status = 'abgebrochen' AND participantId IN (${Prisma.join(c)})`,
      ),
    ).then((r) => r.flat()),
  ]);
  const wishesOf = new Map<string, { kldbCode: string; rank: number }[]>();
  for (const w of wishes) {
    const list = wishesOf.get(w.participantId) ?? [];
    list.push({ kldbCode: w.kldbCode, rank: Number(w.rank) });
    wishesOf.set(w.participantId, list);
  }
  const brokenOffAt = new Map<string, Set<string>>();
  for (const b of brokenOff) {
    const set = brokenOffAt.get(b.participantId) ?? new Set<string>();
    set.add(b.companyId);
    brokenOffAt.set(b.participantId, set);
  }
  return rows.map((r) => ({
    display: {
      id: r.id,
      name: `${r.firstName} ${r.lastName}`,
      districtName: r.districtName,
      weeklyHoursAvailable: r.weeklyHoursAvailable,
    },
    match: {
      id: r.id,
      districtAgs: r.districtAgs,
      location: point(r.lat, r.lon),
      wishes: wishesOf.get(r.id) ?? [],
      weeklyHoursAvailable: r.weeklyHoursAvailable,
      drivingLicence: Boolean(r.drivingLicence),
      hasCar: Boolean(r.hasCar),
      usesPublicTransport: Boolean(r.usesPublicTransport),
      maxCommuteMinutes: r.maxCommuteMinutes,
      brokenOffAt: brokenOffAt.get(r.id) ?? new Set<string>(),
    } satisfies MatchParticipant,
  }));
}

type OfferRow = {
  id: string;
  kldbCode: string;
  occupationId: string;
  occupation: string;
  freePlaces: number;
  partTimePossible: number | boolean;
  weeklyHoursFull: number;
  internshipPossible: number | boolean;
  startDate: Date | null;
  companyId: string;
  companyName: string;
  city: string | null;
  districtAgs: string | null;
  districtName: string | null;
  lat: number | null;
  lon: number | null;
  outreachStatus: string;
  partTimeReadiness: string;
  informed: number;
};

/**
 * Offers that can take someone (free places, company neither archived nor "Kein Interesse") —
 * the same exclusions the scorer applies, done in SQL so they are never loaded.
 */
async function loadOffers(where: Prisma.Sql) {
  const rows = await db.$queryRaw<OfferRow[]>`
    SELECT t.id, o.kldbCode, o.id AS occupationId, o.title AS occupation,
      t.places - t.placesFilled AS freePlaces, t.partTimePossible, t.weeklyHoursFull,
      t.internshipPossible, t.startDate, c.id AS companyId, c.name AS companyName, c.city,
      c.districtAgs, d.name AS districtName,
      coalesce(pc.latitude, d.latitude) AS lat, coalesce(pc.longitude, d.longitude) AS lon,
      c.outreachStatus, c.partTimeReadiness, c.informedAt IS NOT NULL AS informed
    FROM TrainingOffer t
    JOIN Occupation o ON o.id = t.occupationId
    JOIN Company c ON c.id = t.companyId
    LEFT JOIN PostalCode pc ON pc.plz = c.plz AND pc.districtAgs = c.districtAgs
    LEFT JOIN District d ON d.ags = c.districtAgs
    WHERE t.archivedAt IS NULL AND t.places > t.placesFilled AND c.archivedAt IS NULL
      AND c.outreachStatus <> 'kein_interesse' AND ${where}`;
  return rows.map((r) => ({
    display: {
      id: r.id,
      occupationId: r.occupationId,
      occupation: r.occupation,
      kldbCode: r.kldbCode,
      companyId: r.companyId,
      companyName: r.companyName,
      city: r.city,
      districtName: r.districtName,
      freePlaces: Number(r.freePlaces),
      startDate: r.startDate,
    },
    match: {
      id: r.id,
      kldbCode: r.kldbCode,
      freePlaces: Number(r.freePlaces),
      partTimePossible: Boolean(r.partTimePossible),
      weeklyHoursFull: Number(r.weeklyHoursFull),
      internshipPossible: Boolean(r.internshipPossible),
      archived: false,
      company: {
        id: r.companyId,
        districtAgs: r.districtAgs,
        location: point(r.lat, r.lon),
        archived: false,
        outreachStatus: r.outreachStatus,
        partTimeReadiness: r.partTimeReadiness,
        informed: Boolean(Number(r.informed)),
      },
    } satisfies MatchOffer,
  }));
}

export type MatchFilters = {
  districtAgs?: string | null;
  occupationId?: string | null;
  partTimeOnly?: boolean;
};

function scopeSql(user: SessionUser, scope: Scope) {
  return scope === "any"
    ? Prisma.sql`1 = 1`
    : Prisma.sql`(p.coachId = ${user.id} OR EXISTS (SELECT 1 FROM ParticipantShare s
        WHERE s.participantId = p.id AND s.userId = ${user.id}))`;
}

/**
 * Ranked offers for one participant the user may see (null when not visible). With desired
 * occupations, offers in their KldB areas are considered; without, offers in the participant's
 * and the neighbouring districts.
 */
export async function matchesForParticipant(
  user: SessionUser,
  scope: Scope,
  participantId: string,
  filters: MatchFilters = {},
  meta: { ip?: string } = {},
) {
  const [found] = await loadParticipants(
    Prisma.sql`p.id = ${participantId} AND p.archivedAt IS NULL AND p.anonymisedAt IS NULL
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
  const areas = [...new Set(p.wishes.map((w) => w.kldbCode.slice(0, 2)))];
  if (areas.length) and.push(Prisma.sql`substr(o.kldbCode, 1, 2) IN (${Prisma.join(areas)})`);
  else if (p.districtAgs)
    and.push(Prisma.sql`(c.districtAgs = ${p.districtAgs} OR c.districtAgs IN
      (SELECT neighbourAgs FROM DistrictNeighbour WHERE districtAgs = ${p.districtAgs}))`);
  if (filters.districtAgs) and.push(Prisma.sql`c.districtAgs = ${filters.districtAgs}`);
  if (filters.occupationId) and.push(Prisma.sql`o.id = ${filters.occupationId}`);
  if (filters.partTimeOnly)
    and.push(Prisma.sql`(t.partTimePossible = 1 OR c.partTimeReadiness = 'ja')`);
  const offers = await loadOffers(and.length ? Prisma.join(and, " AND ") : Prisma.sql`1 = 1`);
  const byId = new Map(offers.map((o) => [o.match.id, o]));
  const ranked = rankPairs(
    offers.map((o) => [p, o.match] as [MatchParticipant, MatchOffer]),
    await neighbourTest(),
  );
  return {
    participant: found.display,
    hasWishes: p.wishes.length > 0,
    matches: ranked.map((m) => ({
      ...byId.get(m.offerId)!.display,
      score: m.score,
      reasons: reasonsFor(m.features),
    })),
  };
}

/** Ranked participants (of those the user may see) for one offer; null when it cannot take anyone. */
export async function matchesForOffer(
  user: SessionUser,
  scope: Scope,
  offerId: string,
  meta: { ip?: string } = {},
) {
  const [offer] = await loadOffers(Prisma.sql`t.id = ${offerId}`);
  if (!offer) return null;
  const participants = await loadParticipants(
    Prisma.sql`p.archivedAt IS NULL AND p.anonymisedAt IS NULL
      AND p.status IN (${Prisma.join([...MATCHABLE_STATUSES])}) AND ${scopeSql(user, scope)}`,
  );
  const byId = new Map(participants.map((p) => [p.match.id, p]));
  const ranked = rankPairs(
    participants.map((p) => [p.match, offer.match] as [MatchParticipant, MatchOffer]),
    await neighbourTest(),
  );
  if (ranked.length) {
    await audit({
      actorId: user.id,
      action: "read",
      entityType: "participant",
      ip: meta.ip,
      detail: `Matching Angebot ${offerId}: ${ranked
        .slice(0, 50)
        .map((m) => m.participantId)
        .join(",")}`.slice(0, 2000),
    });
  }
  return {
    offer: offer.display,
    matches: ranked.map((m) => ({
      ...byId.get(m.participantId)!.display,
      score: m.score,
      reasons: reasonsFor(m.features),
    })),
  };
}
