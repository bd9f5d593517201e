// The matching engine: pure functions, no database. `features` turns a (participant, offer) pair
// into comparable facts, `scoreFeatures` weighs them, `reasonsFor` says why in German.
// Every weight lives in WEIGHTS; docs/decisions/011-matching.md explains them.

import { type MessageKey, t } from "~/messages";
import {
  type Commute,
  commuteBetween,
  type KnownTimes,
  type Point,
  type StationFinder,
  TRAVEL,
  type TravelMode,
} from "./commute";

export type { Point, TravelMode };

/** A desired occupation (rank 1 first) with its 5-digit KldB code and training months. */
export type Wish = {
  occupationId: string;
  kldbCode: string;
  rank: number;
  durationMonths?: number | null;
};

export type MatchParticipant = {
  id: string;
  districtAgs: string | null;
  plz?: string | null;
  location: Point | null;
  wishes: Wish[];
  weeklyHoursAvailable: number | null;
  /** Hours a week her children are looked after (Kita, Tagesmutter); null when not recorded. */
  childcareHoursPerWeek?: number | null;
  drivingLicence: boolean;
  hasCar: boolean;
  usesPublicTransport: boolean;
  maxCommuteMinutes: number | null;
  /** Companies where an internship of this participant was broken off. */
  brokenOffAt: ReadonlySet<string>;
};

export type MatchOffer = {
  id: string;
  occupationId: string;
  kldbCode: string;
  durationMonths?: number | null;
  freePlaces: number;
  partTimePossible: boolean;
  weeklyHoursFull: number;
  internshipPossible: boolean;
  archived: boolean;
  company: {
    id: string;
    districtAgs: string | null;
    plz?: string | null;
    location: Point | null;
    archived: boolean;
    outreachStatus: string;
    partTimeReadiness: string;
    informed: boolean;
  };
};

/** How the districts relate; "unknown" when one side has none. */
export type DistrictRelation = "same" | "neighbour" | "further" | "unknown";
/**
 * 6 = the same occupation, 5 = another occupation with the same 5-digit KldB code (closely
 * related, e.g. Fachlagerist/in next to Fachkraft für Lagerlogistik), 4 = same subgroup,
 * 3 = group, 2 = area, 0 = unrelated.
 */
export type OccupationLevel = 6 | 5 | 4 | 3 | 2 | 0;

export type Features = {
  occupationLevel: OccupationLevel;
  /** Rank of the wish that matched best (1 = first wish); 0 without a match. */
  wishRank: number;
  /** A closely related occupation: the training months of the wish and of the offer. */
  durations: { wish: number | null; offer: number | null } | null;
  district: DistrictRelation;
  travelMode: TravelMode;
  /** Door-to-door, known or estimated; null without locations. */
  commute: Commute | null;
  maxCommuteMinutes: number | null;
  needsPartTime: boolean;
  /** ja > offen > nein, or the offer says part-time is possible. */
  partTime: "ja" | "offen" | "nein";
  /** The participant's hours reach the §7a minimum (50 % of full time). */
  hoursEnough: boolean;
  /** Childcare shorter than the training week plus the way there and back. */
  childcareGap: { covered: number; needed: number } | null;
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
  /** Share of the occupation points per level (6 = same occupation, 5 = same KldB code). */
  occupationShare: { 6: 1, 5: 0.8, 4: 0.65, 3: 0.45, 2: 0.25, 0: 0 } as Record<
    OccupationLevel,
    number
  >,
  /** Later wishes count a little less: rank 2 × 0.9, rank 3 × 0.8 … (never below 0.6). */
  wishRankStep: 0.1,
  /** Share of the place points per district relation, before the commute. */
  districtShare: { same: 1, neighbour: 0.65, further: 0.3, unknown: 0.3 } as Record<
    DistrictRelation,
    number
  >,
  /** Within the acceptable commute the place points shrink by up to this share. */
  commuteWithinLimit: 0.3,
  /** Beyond it only this share of the place points remains (and the offer ranks below every offer within it). */
  commuteOverLimit: 0.15,
  partTimeShare: { ja: 1, offen: 0.5, nein: 0 },
  /** Relationship points: partner company, else informed about part-time apprenticeship; plus internship possible. */
  relationshipShare: { partner: 0.6, informed: 0.3, internship: 0.4 },
  /** Below the §7a minimum hours the whole score is multiplied by this. */
  hoursTooFew: 0.3,
  /** Childcare that does not cover the training week and the way multiplies the score by this. */
  childcareGap: 0.7,
  /** A broken-off internship at the company multiplies the whole score by this. */
  brokenOff: 0.5,
  /** Working days a week, for the way there and back in the childcare hours. */
  daysPerWeek: 5,
} as const;

const INFORMED_STATUSES = new Set(["informiert", "interessiert", "bietet_plaetze", "partner"]);

/** How a wished occupation relates to an offered one: the occupation first, then its KldB code. */
export function occupationLevel(
  wish: Pick<Wish, "occupationId" | "kldbCode">,
  offer: Pick<MatchOffer, "occupationId" | "kldbCode">,
): OccupationLevel {
  if (wish.occupationId === offer.occupationId) return 6;
  return kldbLevel(wish.kldbCode, offer.kldbCode);
}

/** 5 = same 5-digit KldB code, 4 = same subgroup, 3 = group, 2 = area, 0 = unrelated. */
export function kldbLevel(a: string, b: string): Exclude<OccupationLevel, 6> {
  if (a.length < 5 || b.length < 5) return 0;
  if (a.slice(0, 5) === b.slice(0, 5)) return 5;
  if (a.slice(0, 4) === b.slice(0, 4)) return 4;
  if (a.slice(0, 3) === b.slice(0, 3)) return 3;
  if (a.slice(0, 2) === b.slice(0, 2)) return 2;
  return 0;
}

export function travelMode(p: Pick<MatchParticipant, "hasCar" | "drivingLicence">): TravelMode {
  return p.hasCar && p.drivingLicence ? "auto" : "oepnv";
}

/** What the commute estimate may use: known times per PLZ pair, the nearest station. */
export type Travel = { known?: KnownTimes; nearest?: StationFinder };

export function features(
  p: MatchParticipant,
  o: MatchOffer,
  areNeighbours: (a: string, b: string) => boolean,
  travel: Travel = {},
): Features {
  let occupation: OccupationLevel = 0;
  let wishRank = 0;
  let matched: Wish | null = null;
  let best = -1;
  for (const wish of p.wishes) {
    const level = occupationLevel(wish, o);
    const value = WEIGHTS.occupationShare[level] * rankFactor(wish.rank);
    if (level > 0 && value > best) {
      best = value;
      occupation = level;
      wishRank = wish.rank;
      matched = wish;
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
  const commute = commuteBetween(
    { plz: p.plz ?? null, location: p.location },
    { plz: c.plz ?? null, location: c.location },
    mode,
    travel,
  );
  const hours = p.weeklyHoursAvailable;
  const needsPartTime = hours != null && hours < o.weeklyHoursFull;
  // The week she would train: her hours when part-time (at least the §7a half), else full time;
  // the childcare has to cover it and the way there and back.
  const trainingHours = needsPartTime
    ? Math.max(hours ?? 0, Math.ceil(o.weeklyHoursFull / 2))
    : o.weeklyHoursFull;
  const needed =
    trainingHours + (commute ? Math.round((commute.minutes * 2 * WEIGHTS.daysPerWeek) / 60) : 0);
  const covered = p.childcareHoursPerWeek;
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
    durations:
      occupation === 5 && matched
        ? { wish: matched.durationMonths ?? null, offer: o.durationMonths ?? null }
        : null,
    district,
    travelMode: mode,
    commute,
    maxCommuteMinutes: p.maxCommuteMinutes,
    needsPartTime,
    partTime,
    hoursEnough: hours == null || hours * 2 >= o.weeklyHoursFull,
    childcareGap: covered != null && covered < needed ? { covered, needed } : null,
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

/** The participant's acceptable commute (an hour when she has not said). */
const commuteLimit = (f: Features) => f.maxCommuteMinutes ?? TRAVEL.defaultLimitMinutes;

/** Farther than she accepts: such an offer ranks below every offer within her limit. */
export const beyondLimit = (f: Features) =>
  f.commute != null && f.commute.minutes > commuteLimit(f);

function commuteFactor(f: Features): number {
  if (f.commute == null) return 1 - WEIGHTS.commuteWithinLimit / 2;
  const limit = commuteLimit(f);
  if (f.commute.minutes > limit) return WEIGHTS.commuteOverLimit;
  return 1 - WEIGHTS.commuteWithinLimit * (f.commute.minutes / Math.max(limit, 1));
}

/** A multiplier applied to the whole score, with the reason it is shown under. */
export type Factor = { key: "hoursTooFew" | "childcareGap" | "brokenOff"; factor: number };

/** How the points come about: the four parts (each up to its weight) and the multipliers. */
export type ScoreParts = {
  occupation: number;
  place: number;
  partTime: number;
  relationship: number;
  factors: Factor[];
  total: number;
};

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The score's parts; null for an excluded pair. */
export function scoreParts(f: Features): ScoreParts | null {
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
  const factors: Factor[] = [];
  if (!f.hoursEnough) factors.push({ key: "hoursTooFew", factor: WEIGHTS.hoursTooFew });
  if (f.childcareGap) factors.push({ key: "childcareGap", factor: WEIGHTS.childcareGap });
  if (f.brokenOff) factors.push({ key: "brokenOff", factor: WEIGHTS.brokenOff });
  const total = factors.reduce(
    (score, x) => score * x.factor,
    occupation + place + partTime + relationship,
  );
  return {
    occupation: round1(occupation),
    place: round1(place),
    partTime: round1(partTime),
    relationship: round1(relationship),
    factors,
    total: round1(total),
  };
}

/** 0–100, higher is better; monotone in every feature. Excluded pairs score null. */
export function scoreFeatures(f: Features): number | null {
  return scoreParts(f)?.total ?? null;
}

const OCCUPATION_REASON: Record<OccupationLevel, MessageKey> = {
  6: "match.sameOccupation",
  5: "match.closeOccupation",
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
export const EXCLUSION_REASON: Record<NonNullable<Features["excluded"]>, MessageKey> = {
  keine_plaetze: "match.excluded.keine_plaetze",
  archiviert: "match.excluded.archiviert",
  kein_interesse: "match.excluded.kein_interesse",
  keine_teilzeit: "match.excluded.keine_teilzeit",
};

/** "ca. 45 min mit ÖPNV (Bahn Burg → Magdeburg Hbf)", or "40 min mit ÖPNV (bekannt)". */
function commuteText(f: Features): string {
  const c = f.commute;
  if (!c) return "";
  const mode = t(MODE_LABEL[f.travelMode]);
  if (c.known) return t("match.commuteKnown", { minutes: c.minutes, mode });
  const via = c.stations ? t("match.viaTrain", c.stations) : "";
  return t("match.commute", { minutes: c.minutes, mode, via });
}

const years = (months: number) =>
  months % 12 === 0 ? String(months / 12) : String(months / 12).replace(".", ",");

/** The reasons in German, most important first; negatives are marked for the page. */
export function reasonsFor(f: Features): { text: string; negative: boolean }[] {
  const out: { text: string; negative: boolean }[] = [];
  const reason = (key: MessageKey, negative: boolean, values?: Record<string, string | number>) =>
    out.push({ text: t(key, values), negative });
  const d = f.durations;
  if (f.occupationLevel === 6 && f.wishRank > 1)
    reason("match.sameOccupationWish", false, { rank: f.wishRank });
  else if (d?.wish && d.offer && d.wish !== d.offer)
    reason("match.closeOccupationDuration", false, {
      offer: years(d.offer),
      wish: years(d.wish),
    });
  else reason(OCCUPATION_REASON[f.occupationLevel], f.occupationLevel === 0);
  out.push({
    text: `${t(DISTRICT_REASON[f.district])}${commuteText(f)}`,
    negative: f.district === "further" || f.district === "unknown",
  });
  if (beyondLimit(f)) reason("match.tooFar", true, { minutes: commuteLimit(f) });
  if (f.needsPartTime)
    f.partTime === "ja" ? reason("match.partTime", false) : reason("match.partTimeOpen", true);
  if (!f.hoursEnough) reason("match.hoursTooFew", true);
  if (f.childcareGap) reason("match.childcareGap", true, f.childcareGap);
  if (f.partner) reason("match.partner", false);
  else if (f.informed) reason("match.informed", false);
  if (f.internshipPossible) reason("match.internship", false);
  if (f.brokenOff) reason("match.brokenOff", true);
  return out;
}

export type Match = { offerId: string; participantId: string; score: number; features: Features };
export type Excluded = { offerId: string; participantId: string; features: Features };

const byIds = (a: Excluded, b: Excluded) =>
  (a.offerId < b.offerId ? -1 : a.offerId > b.offerId ? 1 : 0) ||
  (a.participantId < b.participantId ? -1 : a.participantId > b.participantId ? 1 : 0);

/**
 * Scores and ranks pairs: every pair within the acceptable commute before any beyond it, then
 * the best first, ties by id so the same input gives the same order. Excluded pairs are returned
 * apart, with their features, so a page can say why.
 */
export function assessPairs(
  pairs: Iterable<[MatchParticipant, MatchOffer]>,
  areNeighbours: (a: string, b: string) => boolean,
  travel: Travel = {},
): { ranked: Match[]; excluded: Excluded[] } {
  const ranked: Match[] = [];
  const excluded: Excluded[] = [];
  for (const [p, o] of pairs) {
    const f = features(p, o, areNeighbours, travel);
    const score = scoreFeatures(f);
    if (score == null) excluded.push({ offerId: o.id, participantId: p.id, features: f });
    else ranked.push({ offerId: o.id, participantId: p.id, score, features: f });
  }
  ranked.sort(
    (a, b) =>
      Number(beyondLimit(a.features)) - Number(beyondLimit(b.features)) ||
      b.score - a.score ||
      byIds(a, b),
  );
  return { ranked, excluded: excluded.sort(byIds) };
}

/** The ranking alone (see assessPairs). */
export function rankPairs(
  pairs: Iterable<[MatchParticipant, MatchOffer]>,
  areNeighbours: (a: string, b: string) => boolean,
  travel: Travel = {},
): Match[] {
  return assessPairs(pairs, areNeighbours, travel).ranked;
}
