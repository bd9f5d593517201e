// The matching engine: pure functions, no database. `features` turns a (participant, offer) pair
// into comparable facts, `scoreFeatures` weighs them, `reasonsFor` says why in German.
// Every weight lives in WEIGHTS; docs/decisions/011-matching.md explains them.

import { type MessageKey, t } from "~/messages";

export type Point = { lat: number; lon: number };

export type MatchParticipant = {
  id: string;
  districtAgs: string | null;
  location: Point | null;
  /** Desired occupations, rank 1 first, as 5-digit KldB codes. */
  wishes: { kldbCode: string; rank: number }[];
  weeklyHoursAvailable: number | null;
  drivingLicence: boolean;
  hasCar: boolean;
  usesPublicTransport: boolean;
  maxCommuteMinutes: number | null;
  /** Companies where an internship of this participant was broken off. */
  brokenOffAt: ReadonlySet<string>;
};

export type MatchOffer = {
  id: string;
  kldbCode: string;
  freePlaces: number;
  partTimePossible: boolean;
  weeklyHoursFull: number;
  internshipPossible: boolean;
  archived: boolean;
  company: {
    id: string;
    districtAgs: string | null;
    location: Point | null;
    archived: boolean;
    outreachStatus: string;
    partTimeReadiness: string;
    informed: boolean;
  };
};

/** How the districts relate; "unknown" when one side has none. */
export type DistrictRelation = "same" | "neighbour" | "further" | "unknown";
/** 5 = same KldB occupation code, 4 = same subgroup, 3 = group, 2 = area, 0 = unrelated. */
export type OccupationLevel = 5 | 4 | 3 | 2 | 0;
export type TravelMode = "auto" | "oepnv";

export type Features = {
  occupationLevel: OccupationLevel;
  /** Rank of the wish that matched best (1 = first wish); 0 without a match. */
  wishRank: number;
  district: DistrictRelation;
  travelMode: TravelMode;
  /** Estimated door-to-door minutes; null without locations. */
  commuteMinutes: number | null;
  maxCommuteMinutes: number | null;
  needsPartTime: boolean;
  /** ja > offen > nein, or the offer says part-time is possible. */
  partTime: "ja" | "offen" | "nein";
  /** The participant's hours reach the §7a minimum (50 % of full time). */
  hoursEnough: boolean;
  partner: boolean;
  informed: boolean;
  internshipPossible: boolean;
  brokenOff: boolean;
  excluded: null | "keine_plaetze" | "archiviert" | "kein_interesse" | "keine_teilzeit";
};

/** All weights of the engine; the parts add up to 100 points. */
export const WEIGHTS = {
  occupation: 45,
  place: 30,
  partTime: 15,
  relationship: 10,
  /** Share of the occupation points per KldB level. */
  occupationShare: { 5: 1, 4: 0.7, 3: 0.45, 2: 0.25, 0: 0 } as Record<OccupationLevel, number>,
  /** Later wishes count a little less: rank 2 × 0.9, rank 3 × 0.8 … (never below 0.6). */
  wishRankStep: 0.1,
  /** Share of the place points per district relation, before the commute. */
  districtShare: { same: 1, neighbour: 0.65, further: 0.3, unknown: 0.3 } as Record<
    DistrictRelation,
    number
  >,
  /** Within the acceptable commute the place points shrink by up to this share. */
  commuteWithinLimit: 0.3,
  /** Beyond it only this share of the place points remains. */
  commuteOverLimit: 0.15,
  partTimeShare: { ja: 1, offen: 0.5, nein: 0 },
  /** Relationship points: partner company, else informed about part-time apprenticeship; plus internship possible. */
  relationshipShare: { partner: 0.6, informed: 0.3, internship: 0.4 },
  /** Below the §7a minimum hours the whole score is multiplied by this. */
  hoursTooFew: 0.3,
  /** A broken-off internship at the company multiplies the whole score by this. */
  brokenOff: 0.5,
} as const;

/** Travel model: straight line × detour, average speed and fixed overhead per mode. */
export const TRAVEL = {
  detour: 1.3,
  auto: { kmh: 60, overheadMin: 5 },
  oepnv: { kmh: 45, overheadMin: 15 },
} as const;

const INFORMED_STATUSES = new Set(["informiert", "interessiert", "bietet_plaetze", "partner"]);

export function occupationLevel(a: string, b: string): OccupationLevel {
  if (a.length < 5 || b.length < 5) return 0;
  if (a.slice(0, 5) === b.slice(0, 5)) return 5;
  if (a.slice(0, 4) === b.slice(0, 4)) return 4;
  if (a.slice(0, 3) === b.slice(0, 3)) return 3;
  if (a.slice(0, 2) === b.slice(0, 2)) return 2;
  return 0;
}

export function distanceKm(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** A usable location: both coordinates are finite numbers (anything else counts as unknown). */
const isPlace = (x: Point | null): x is Point =>
  x != null && Number.isFinite(x.lat) && Number.isFinite(x.lon);

export function travelMode(p: Pick<MatchParticipant, "hasCar" | "drivingLicence">): TravelMode {
  return p.hasCar && p.drivingLicence ? "auto" : "oepnv";
}

/** Estimated door-to-door minutes between two PLZ centroids, rounded to 5 minutes. */
export function commuteMinutes(from: Point, to: Point, mode: TravelMode): number {
  const { kmh, overheadMin } = TRAVEL[mode];
  const minutes = ((distanceKm(from, to) * TRAVEL.detour) / kmh) * 60 + overheadMin;
  return Math.max(5, Math.round(minutes / 5) * 5);
}

export function features(
  p: MatchParticipant,
  o: MatchOffer,
  areNeighbours: (a: string, b: string) => boolean,
): Features {
  let occupation: OccupationLevel = 0;
  let wishRank = 0;
  let best = -1;
  for (const wish of p.wishes) {
    const level = occupationLevel(wish.kldbCode, o.kldbCode);
    const value = WEIGHTS.occupationShare[level] * rankFactor(wish.rank);
    if (level > 0 && value > best) {
      best = value;
      occupation = level;
      wishRank = wish.rank;
    }
  }
  const c = o.company;
  const district: DistrictRelation =
    !p.districtAgs || !c.districtAgs
      ? "unknown"
      : p.districtAgs === c.districtAgs
        ? "same"
        : areNeighbours(p.districtAgs, c.districtAgs)
          ? "neighbour"
          : "further";
  const mode = travelMode(p);
  const minutes =
    isPlace(p.location) && isPlace(c.location)
      ? commuteMinutes(p.location, c.location, mode)
      : null;
  const hours = p.weeklyHoursAvailable;
  const needsPartTime = hours != null && hours < o.weeklyHoursFull;
  const partTime: Features["partTime"] =
    o.partTimePossible || c.partTimeReadiness === "ja"
      ? "ja"
      : c.partTimeReadiness === "offen"
        ? "offen"
        : "nein";
  const excluded: Features["excluded"] =
    o.archived || c.archived
      ? "archiviert"
      : c.outreachStatus === "kein_interesse"
        ? "kein_interesse"
        : o.freePlaces <= 0
          ? "keine_plaetze"
          : needsPartTime && partTime === "nein"
            ? "keine_teilzeit"
            : null;
  return {
    occupationLevel: occupation,
    wishRank,
    district,
    travelMode: mode,
    commuteMinutes: minutes,
    maxCommuteMinutes: p.maxCommuteMinutes,
    needsPartTime,
    partTime,
    hoursEnough: hours == null || hours * 2 >= o.weeklyHoursFull,
    partner: c.outreachStatus === "partner",
    informed: c.informed || INFORMED_STATUSES.has(c.outreachStatus),
    internshipPossible: o.internshipPossible,
    brokenOff: p.brokenOffAt.has(c.id),
    excluded,
  };
}

function rankFactor(rank: number): number {
  return Math.max(0.6, 1 - WEIGHTS.wishRankStep * Math.max(0, rank - 1));
}

function commuteFactor(f: Features): number {
  if (f.commuteMinutes == null) return 1 - WEIGHTS.commuteWithinLimit / 2;
  const limit = f.maxCommuteMinutes ?? 60;
  if (f.commuteMinutes > limit) return WEIGHTS.commuteOverLimit;
  return 1 - WEIGHTS.commuteWithinLimit * (f.commuteMinutes / Math.max(limit, 1));
}

/** 0–100, higher is better; monotone in every feature. Excluded pairs score null. */
export function scoreFeatures(f: Features): number | null {
  if (f.excluded) return null;
  const occupation =
    WEIGHTS.occupation *
    WEIGHTS.occupationShare[f.occupationLevel] *
    (f.occupationLevel > 0 ? rankFactor(f.wishRank) : 0);
  const place = WEIGHTS.place * WEIGHTS.districtShare[f.district] * commuteFactor(f);
  const partTime = WEIGHTS.partTime * (f.needsPartTime ? WEIGHTS.partTimeShare[f.partTime] : 1);
  const r = WEIGHTS.relationshipShare;
  const relationship =
    WEIGHTS.relationship *
    ((f.partner ? r.partner : f.informed ? r.informed : 0) +
      (f.internshipPossible ? r.internship : 0));
  let score = occupation + place + partTime + relationship;
  if (!f.hoursEnough) score *= WEIGHTS.hoursTooFew;
  if (f.brokenOff) score *= WEIGHTS.brokenOff;
  return Math.round(score * 10) / 10;
}

const OCCUPATION_REASON: Record<OccupationLevel, MessageKey> = {
  5: "match.sameOccupation",
  4: "match.subgroup",
  3: "match.group",
  2: "match.area",
  0: "match.unrelated",
};
const DISTRICT_REASON: Record<DistrictRelation, MessageKey> = {
  same: "match.sameDistrict",
  neighbour: "match.neighbour",
  further: "match.further",
  unknown: "match.placeUnknown",
};
const MODE_LABEL: Record<TravelMode, MessageKey> = {
  auto: "match.byCar",
  oepnv: "match.byTransit",
};

/** The reasons in German, most important first; negatives are marked for the page. */
export function reasonsFor(f: Features): { text: string; negative: boolean }[] {
  const out: { text: string; negative: boolean }[] = [];
  const reason = (key: MessageKey, negative: boolean, values?: Record<string, string | number>) =>
    out.push({ text: t(key, values), negative });
  if (f.occupationLevel === 5 && f.wishRank > 1)
    reason("match.sameOccupationWish", false, { rank: f.wishRank });
  else reason(OCCUPATION_REASON[f.occupationLevel], f.occupationLevel === 0);
  const commute =
    f.commuteMinutes == null
      ? ""
      : t("match.commute", { minutes: f.commuteMinutes, mode: t(MODE_LABEL[f.travelMode]) });
  out.push({
    text: `${t(DISTRICT_REASON[f.district])}${commute}`,
    negative: f.district === "further" || f.district === "unknown",
  });
  if (
    f.commuteMinutes != null &&
    f.maxCommuteMinutes != null &&
    f.commuteMinutes > f.maxCommuteMinutes
  )
    reason("match.tooFar", true, { minutes: f.maxCommuteMinutes });
  if (f.needsPartTime)
    f.partTime === "ja" ? reason("match.partTime", false) : reason("match.partTimeOpen", true);
  if (!f.hoursEnough) reason("match.hoursTooFew", true);
  if (f.partner) reason("match.partner", false);
  else if (f.informed) reason("match.informed", false);
  if (f.internshipPossible) reason("match.internship", false);
  if (f.brokenOff) reason("match.brokenOff", true);
  return out;
}

export type Match = { offerId: string; participantId: string; score: number; features: Features };

/** Scores and ranks pairs: best first, ties by id so the same input gives the same order. */
export function rankPairs(
  pairs: Iterable<[MatchParticipant, MatchOffer]>,
  areNeighbours: (a: string, b: string) => boolean,
): Match[] {
  const out: Match[] = [];
  for (const [p, o] of pairs) {
    const f = features(p, o, areNeighbours);
    const score = scoreFeatures(f);
    if (score != null) out.push({ offerId: o.id, participantId: p.id, score, features: f });
  }
  return out.sort(
    (a, b) =>
      b.score - a.score ||
      (a.offerId < b.offerId ? -1 : a.offerId > b.offerId ? 1 : 0) ||
      (a.participantId < b.participantId ? -1 : a.participantId > b.participantId ? 1 : 0),
  );
}
