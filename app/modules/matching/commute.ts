// The commute between two places, door to door: pure functions, no database. Decision 020 states
// the model, its figures and its error on real connections.

export type Point = { lat: number; lon: number };
export type TravelMode = "auto" | "oepnv";
/** A place as the matching knows it: its PLZ (for known travel times) and its centroid. */
export type Place = { plz: string | null; location: Point | null };
export type Station = { eva: string; name: string; location: Point };

/** How a trip was worked out: a car, a bus all the way, or a regional train between stations. */
export type CommuteVia = "auto" | "bus" | "bahn";
export type Commute = {
  minutes: number;
  /** How it was estimated; null for a known time. */
  via: CommuteVia | null;
  /** Entered from a journey planner (a known time), not estimated. */
  known: boolean;
  /** With a train: the stations it runs between. */
  stations?: { from: string; to: string };
};

/** Every figure of the model. Distances are straight lines between PLZ centroids. */
export const TRAVEL = {
  /** By car: road detour, average speed, parking and walking. */
  auto: { detour: 1.3, kmh: 60, overheadMin: 5 },
  /** By bus all the way (rural lines): road detour, average speed with stops, walking and waiting. */
  bus: { detour: 1.3, kmh: 30, overheadMin: 15 },
  /** To and from a station: walking (or a bicycle) up to `upToKm`, else a feeder bus (as `bus`). */
  walk: { kmh: 6, upToKm: 2 },
  /** A regional train between two stations: track detour, average speed with stops, waiting. */
  rail: { detour: 1.1, kmh: 75, waitMin: 3 },
  /** Farther from a station than this, the train is not considered at that end. */
  stationReachKm: 8,
  /** The acceptable commute when the participant has not said hers. */
  defaultLimitMinutes: 60,
} as const;

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
export const isPoint = (x: Point | null | undefined): x is Point =>
  x != null && Number.isFinite(x.lat) && Number.isFinite(x.lon);

const roundTo5 = (minutes: number) => Math.max(5, Math.round(minutes / 5) * 5);

const carMinutes = (km: number) =>
  ((km * TRAVEL.auto.detour) / TRAVEL.auto.kmh) * 60 + TRAVEL.auto.overheadMin;
const busMinutes = (km: number) =>
  ((km * TRAVEL.bus.detour) / TRAVEL.bus.kmh) * 60 + TRAVEL.bus.overheadMin;
/** From home to the station (or from the station to the company). */
const accessMinutes = (km: number) =>
  km <= TRAVEL.walk.upToKm ? (km / TRAVEL.walk.kmh) * 60 : busMinutes(km);
const railMinutes = (km: number) =>
  ((km * TRAVEL.rail.detour) / TRAVEL.rail.kmh) * 60 + TRAVEL.rail.waitMin;

/**
 * The nearest station of a list, remembered per point: the candidates of one match share a few
 * hundred PLZ centroids, so each is looked up once.
 */
export function stationFinder(stations: readonly Station[]) {
  const memo = new Map<string, { station: Station; km: number } | null>();
  return (p: Point) => {
    const key = `${p.lat},${p.lon}`;
    let found = memo.get(key);
    if (found === undefined) {
      found = null;
      for (const station of stations) {
        const km = distanceKm(p, station.location);
        if (!found || km < found.km) found = { station, km };
      }
      memo.set(key, found);
    }
    return found;
  };
}
export type StationFinder = ReturnType<typeof stationFinder>;

/**
 * Door-to-door minutes, rounded to 5. By car: the road. Without a car: the faster of a bus all
 * the way and "to the nearest station, by regional train, from the station" where both ends lie
 * within reach of a station (and they are not the same station).
 */
export function estimateCommute(
  from: Point,
  to: Point,
  mode: TravelMode,
  nearest: StationFinder = stationFinder([]),
): Commute {
  const km = distanceKm(from, to);
  if (mode === "auto") return { minutes: roundTo5(carMinutes(km)), via: "auto", known: false };
  const bus: Commute = { minutes: roundTo5(busMinutes(km)), via: "bus", known: false };
  const a = nearest(from);
  const b = nearest(to);
  if (
    !a ||
    !b ||
    a.station.eva === b.station.eva ||
    a.km > TRAVEL.stationReachKm ||
    b.km > TRAVEL.stationReachKm
  )
    return bus;
  const minutes = roundTo5(
    accessMinutes(a.km) +
      railMinutes(distanceKm(a.station.location, b.station.location)) +
      accessMinutes(b.km),
  );
  return minutes < bus.minutes
    ? {
        minutes,
        via: "bahn",
        known: false,
        stations: { from: a.station.name, to: b.station.name },
      }
    : bus;
}

/** Known travel times by "fromPlz|toPlz|mode". */
export type KnownTimes = ReadonlyMap<string, number>;
export const knownTimeKey = (fromPlz: string, toPlz: string, mode: TravelMode) =>
  `${fromPlz}|${toPlz}|${mode}`;

/**
 * The commute between two places: a known time for their PLZ pair and mode wins; otherwise the
 * estimate; null when a place is unknown.
 */
export function commuteBetween(
  from: Place,
  to: Place,
  mode: TravelMode,
  travel: { known?: KnownTimes; nearest?: StationFinder } = {},
): Commute | null {
  if (from.plz && to.plz) {
    const minutes = travel.known?.get(knownTimeKey(from.plz, to.plz, mode));
    if (minutes != null) return { minutes, via: null, known: true };
  }
  if (!isPoint(from.location) || !isPoint(to.location)) return null;
  return estimateCommute(from.location, to.location, mode, travel.nearest);
}
