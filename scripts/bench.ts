// `npm run bench`: seeds a separate database at realistic volume (deterministic), starts the
// production server and measures over HTTP as a signed-in coach, next to the same queries as
// raw SQL. Prints one line per figure and writes bench/results.json (bench/results-postgres.json).
// BENCH_ENGINE=postgres: the same seeded database is copied into a throwaway PostgreSQL cluster
// (npm run db:copy's code) and the server measured on it, with the raw SQL in PostgreSQL's words.
import { spawn, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { createClient } from "@libsql/client";
import autocannon from "autocannon";
import pg from "pg";
import { parseCsvRecords } from "../app/lib/csv.ts";
import { seededRandom } from "../app/lib/random.ts";
import { OUTREACH_STATUSES } from "../app/modules/company/values.ts";
import { stationFinder } from "../app/modules/matching/commute.ts";
import {
  type MatchOffer,
  type MatchParticipant,
  rankPairs,
  type Travel,
} from "../app/modules/matching/score.ts";
import { copyForMeasuring } from "./db-copy.ts";
import { type Cluster, startCluster } from "./pg-cluster.ts";

const root = path.resolve(import.meta.dirname, "..");
const PORT = Number(process.env.BENCH_PORT ?? 3200);
const BASE = `http://localhost:${PORT}`;
const DB_FILE = path.join(root, "data/bench/lotse.db");
const DB_URL = `file:${DB_FILE}`;
const VOLUME = {
  companies: Number(process.env.BENCH_COMPANIES ?? 50_000),
  contacts: Number(process.env.BENCH_CONTACTS ?? 150_000),
  interactions: Number(process.env.BENCH_INTERACTIONS ?? 500_000),
};
const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const ENGINE = process.env.BENCH_ENGINE === "postgres" ? "postgres" : "sqlite";
/** The database the server is measured on (the SQLite file, or its PostgreSQL copy). */
let measuredUrl = DB_URL;
const GENERATOR_VERSION = `v1-${VOLUME.companies}-${VOLUME.contacts}-${VOLUME.interactions}`;

async function waitFor(url: string, seconds: number) {
  for (let i = 0; i < seconds * 4; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} antwortet nicht`);
}

const DAY = 86_400_000;
const WORDS = [
  "Bäckerei",
  "Autohaus",
  "Praxis",
  "Pflegedienst",
  "Tischlerei",
  "Elektro",
  "Spedition",
  "Steuerbüro",
  "Hotel",
  "Kita",
  "Metallbau",
  "Friseur",
  "Apotheke",
  "Gärtnerei",
  "Logistik",
];
const NAMES = [
  "Müller",
  "Schmidt",
  "Schneider",
  "Fischer",
  "Weber",
  "Meyer",
  "Wagner",
  "Becker",
  "Schulz",
  "Hoffmann",
  "Koch",
  "Richter",
  "Klein",
  "Wolf",
  "Krüger",
  "Lehmann",
  "Köhler",
  "Neumann",
];
const fold = (s: string) =>
  s.toLowerCase().replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss");

/** Adds the bench volume with plain batched INSERTs (seconds, not minutes). */
async function seedVolume() {
  const db = createClient({ url: DB_URL });
  const marker = await db.execute({
    sql: "SELECT key FROM JobRun WHERE key = ?",
    args: [`bench:${GENERATOR_VERSION}`],
  });
  if (marker.rows.length) {
    db.close();
    return false;
  }
  const rand = seededRandom(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const users = (await db.execute("SELECT id FROM User WHERE role != 'admin'")).rows.map((r) =>
    String(r.id),
  );
  const plz = (
    await db.execute(
      "SELECT plz, districtAgs, places FROM PostalCode WHERE districtAgs IN ('15003','15083','15086','15089','15090')",
    )
  ).rows;
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  const companyIds: string[] = [];
  const batch = async (sql: string, rows: unknown[][]) => {
    for (let i = 0; i < rows.length; i += 2000) {
      await db.batch(
        rows.slice(i, i + 2000).map((args) => ({ sql, args: args as never })),
        "write",
      );
    }
  };
  const companies: unknown[][] = [];
  for (let i = 0; i < VOLUME.companies; i++) {
    const id = randomUUID();
    companyIds.push(id);
    const p = pick(plz);
    const name = `${pick(WORDS)} ${pick(NAMES)} ${i}`;
    const last = rand() < 0.9 ? iso(now - Math.floor(rand() * 700) * DAY) : null;
    companies.push([
      id,
      name,
      fold(name),
      String(p.plz),
      String(p.places).split("; ")[0],
      String(p.districtAgs),
      pick([...OUTREACH_STATUSES]),
      pick(["ja", "offen", "nein"]),
      pick(users),
      last,
      iso(now),
      iso(now),
    ]);
  }
  await batch(
    `INSERT INTO Company (id, name, normalizedName, plz, city, districtAgs, outreachStatus, partTimeReadiness, ownerId, lastContactAt, createdAt, updatedAt) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
    companies,
  );
  const contactIds: string[] = [];
  const contacts: unknown[][] = [];
  for (let i = 0; i < VOLUME.contacts; i++) {
    const id = randomUUID();
    contactIds.push(id);
    const first = pick(["Anna", "Jens", "Sabine", "Kai", "Ines", "Uwe", "Mandy", "Sven"]);
    const last = pick(NAMES);
    contacts.push([
      id,
      first,
      last,
      fold(`${first} ${last}`),
      companyIds[i % companyIds.length],
      iso(now),
      iso(now),
    ]);
  }
  await batch(
    `INSERT INTO ContactPerson (id, firstName, lastName, normalizedName, companyId, createdAt, updatedAt) VALUES (?,?,?,?,?,?,?)`,
    contacts,
  );
  const interactions: unknown[][] = [];
  for (let i = 0; i < VOLUME.interactions; i++) {
    const c = Math.floor(rand() * companyIds.length);
    interactions.push([
      randomUUID(),
      pick(["anruf", "email", "besuch"]),
      iso(now - Math.floor(rand() * 700) * DAY),
      pick(users),
      companyIds[c],
      contactIds[c] ?? null,
      "Rückruf vereinbart",
      iso(now),
      iso(now),
    ]);
  }
  await batch(
    `INSERT INTO Interaction (id, type, occurredAt, authorId, companyId, contactId, outcome, createdAt, updatedAt) VALUES (?,?,?,?,?,?,?,?,?)`,
    interactions,
  );
  return finishSeed(db, `bench:${GENERATOR_VERSION}`);
}

/**
 * The end of every seed step: write what is left in batches, refresh the planner's statistics,
 * and mark the step done so a cached bench database skips it next time.
 */
async function finishSeed(
  db: ReturnType<typeof createClient>,
  key: string,
  statements: { sql: string; args: unknown[] }[] = [],
) {
  for (let i = 0; i < statements.length; i += 2000)
    await db.batch(statements.slice(i, i + 2000) as never, "write");
  await db.execute("ANALYZE");
  await db.execute({
    sql: "INSERT INTO JobRun (key, ranAt) VALUES (?, ?)",
    args: [key, new Date().toISOString().replace("Z", "+00:00")],
  });
  db.close();
  return true;
}

const MATCH_VOLUME = {
  participants: Number(process.env.BENCH_PARTICIPANTS ?? 2_000),
  offers: Number(process.env.BENCH_OFFERS ?? 20_000),
};

/** Adds participants with ranked wishes and apprenticeship offers for the matching figures. */
async function seedMatchingVolume() {
  const db = createClient({ url: DB_URL });
  const key = `bench-matching:v1-${MATCH_VOLUME.participants}-${MATCH_VOLUME.offers}`;
  const marker = await db.execute({ sql: "SELECT key FROM JobRun WHERE key = ?", args: [key] });
  if (marker.rows.length) {
    db.close();
    return false;
  }
  const rand = seededRandom(7);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  const coaches = (await db.execute("SELECT id FROM User WHERE role = 'jobcoach'")).rows.map((r) =>
    String(r.id),
  );
  const occupations = (await db.execute("SELECT id FROM Occupation WHERE active = 1")).rows.map(
    (r) => String(r.id),
  );
  const plz = (
    await db.execute(
      "SELECT plz, districtAgs FROM PostalCode WHERE districtAgs IN ('15003','15083','15086','15089','15090')",
    )
  ).rows;
  const companyIds = (
    await db.execute("SELECT id FROM Company WHERE archivedAt IS NULL ORDER BY id")
  ).rows.map((r) => String(r.id));
  const statements: { sql: string; args: unknown[] }[] = [];
  for (let i = 0; i < MATCH_VOLUME.participants; i++) {
    const id = randomUUID();
    const p = pick(plz);
    const car = rand() < 0.3;
    statements.push({
      sql: `INSERT INTO Participant (id, firstName, lastName, birthDate, plz, districtAgs, weeklyHoursAvailable,
        drivingLicence, hasCar, usesPublicTransport, maxCommuteMinutes, status, coachId, entryDate, createdAt, updatedAt)
        VALUES (?,?,?,?,?,?,?,?,?,1,?,?,?,?,?,?)`,
      args: [
        id,
        pick(["Lena", "Mia", "Sarah", "Lisa", "Anna", "Jessica"]),
        `${pick(NAMES)} ${i}`,
        iso(now - int(18, 26) * 365 * DAY),
        String(p.plz),
        String(p.districtAgs),
        pick([20, 25, 30, 35, 40]),
        car ? 1 : 0,
        car ? 1 : 0,
        pick([30, 45, 60, 90]),
        pick(["interessiert", "aktiv", "aktiv", "im_praktikum"]),
        pick(coaches),
        iso(now - int(10, 400) * DAY),
        iso(now),
        iso(now),
      ],
    });
    statements.push({
      sql: `INSERT INTO ParticipantStay (id, participantId, entryDate, createdAt, updatedAt)
        SELECT 'stay_' || id, id, entryDate, createdAt, updatedAt FROM Participant WHERE id = ?`,
      args: [id],
    });
    const wishes = new Set<string>();
    const count = int(1, 3);
    while (wishes.size < count) wishes.add(pick(occupations));
    for (const [rank, occupationId] of [...wishes].entries())
      statements.push({
        sql: "INSERT INTO ParticipantOccupation (participantId, occupationId, rank) VALUES (?,?,?)",
        args: [id, occupationId, rank + 1],
      });
  }
  for (let i = 0; i < MATCH_VOLUME.offers; i++) {
    statements.push({
      sql: `INSERT INTO TrainingOffer (id, companyId, occupationId, places, placesFilled, partTimePossible,
        internshipPossible, startDate, createdAt, updatedAt) VALUES (?,?,?,?,?,?,?,?,?,?)`,
      args: [
        randomUUID(),
        pick(companyIds),
        pick(occupations),
        int(1, 3),
        int(0, 1),
        rand() < 0.5 ? 1 : 0,
        rand() < 0.6 ? 1 : 0,
        iso(now + int(30, 300) * DAY),
        iso(now),
        iso(now),
      ],
    });
  }
  return finishSeed(db, key, statements);
}

const EVENTS = Number(process.env.BENCH_EVENTS ?? 2_000);

/**
 * Puts the bench participants into the demo project (entries over its first two years, a third
 * with an exit and an outcome) and adds events with registrations, for the dashboard figure.
 */
async function seedReportingVolume() {
  const db = createClient({ url: DB_URL });
  const key = `bench-reporting:v1-${MATCH_VOLUME.participants}-${EVENTS}`;
  const marker = await db.execute({ sql: "SELECT key FROM JobRun WHERE key = ?", args: [key] });
  if (marker.rows.length) {
    db.close();
    return false;
  }
  const rand = seededRandom(13);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
  const project = (await db.execute("SELECT id, startDate FROM Project ORDER BY startDate LIMIT 1"))
    .rows[0]!;
  const start = new Date(String(project.startDate)).getTime();
  const now = Date.now();
  const span = Math.max(DAY, now - start);
  const participants = (
    await db.execute("SELECT id FROM Participant WHERE projectId IS NULL ORDER BY id")
  ).rows.map((r) => String(r.id));
  const companies = (await db.execute("SELECT id FROM Company ORDER BY id LIMIT 5000")).rows.map(
    (r) => String(r.id),
  );
  const statements: { sql: string; args: unknown[] }[] = [];
  for (const id of participants) {
    const entry = start + Math.floor(rand() * span);
    const exits = rand() < 0.33;
    const exit = exits ? Math.min(now, entry + int(30, 300) * DAY) : null;
    // One in ten of those who left comes back a few weeks later: a second stay.
    const back = exit && rand() < 0.1 ? exit + int(20, 90) * DAY : null;
    const reentry = back && back < now ? back : null;
    statements.push(
      {
        sql: "UPDATE Participant SET projectId = ?, entryDate = ?, exitDate = ?, status = ? WHERE id = ?",
        args: [
          project.id,
          iso(reentry ?? entry),
          reentry ? null : exit ? iso(exit) : null,
          exits && !reentry ? "ausgeschieden" : "aktiv",
          id,
        ],
      },
      {
        sql: "UPDATE ParticipantStay SET projectId = ?, entryDate = ?, exitDate = ? WHERE id = ?",
        args: [project.id, iso(entry), exit ? iso(exit) : null, `stay_${id}`],
      },
    );
    if (reentry)
      statements.push({
        sql: `INSERT INTO ParticipantStay (id, participantId, projectId, entryDate, createdAt, updatedAt)
          VALUES (?,?,?,?,?,?)`,
        args: [`stay2_${id}`, id, project.id, iso(reentry), iso(now), iso(now)],
      });
    if (exits)
      statements.push({
        sql: `INSERT INTO Outcome (id, participantId, stayId, type, companyId, partTime, startDate, createdAt, updatedAt)
          VALUES (?,?,?,?,?,?,?,?,?)`,
        args: [
          randomUUID(),
          id,
          `stay_${id}`,
          pick(["ausbildung", "ausbildung", "arbeit", "schule", "sonstiges"]),
          pick(companies),
          rand() < 0.6 ? 1 : 0,
          iso(exit!),
          iso(now),
          iso(now),
        ],
      });
  }
  const types = ["info_teilzeit", "ausbildungsforum", "stammtisch", "workshop", "exkursion"];
  for (let i = 0; i < EVENTS; i++) {
    const id = randomUUID();
    const startsAt = start + Math.floor(rand() * span);
    statements.push({
      sql: `INSERT INTO Event (id, projectId, type, title, startsAt, place, capacity, forCompanies,
        publicSlug, createdAt, updatedAt) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
      args: [
        id,
        project.id,
        pick(types),
        `Veranstaltung ${i}`,
        iso(startsAt),
        "Magdeburg",
        30,
        1,
        `bench-${id}`,
        iso(now),
        iso(now),
      ],
    });
    for (let r = int(0, 8); r > 0; r--)
      statements.push({
        sql: `INSERT INTO EventRegistration (id, eventId, name, source, status, attendance, createdAt, updatedAt)
          VALUES (?,?,?,?,?,?,?,?)`,
        args: [
          randomUUID(),
          id,
          `Gast ${r}`,
          "oeffentlich",
          "angemeldet",
          rand() < 0.7 ? "anwesend" : "nicht_erschienen",
          iso(now),
          iso(now),
        ],
      });
  }
  return finishSeed(db, key, statements);
}

/** The shipped railway stations, as the commute estimate uses them. */
function railStations() {
  return parseCsvRecords(
    readFileSync(path.join(root, "prisma/reference/rail-stations.csv"), "utf8"),
    {
      separator: ";",
    },
  ).map((r) => ({
    eva: r.eva!,
    name: r.name!,
    location: { lat: Number(r.latitude), lon: Number(r.longitude) },
  }));
}

/**
 * What the pure scorer costs per (participant, offer) pair, measured in this process: with the
 * straight-line estimate only, and with the railway model (nearest stations; known times).
 */
function scorerCostPerPair(withStations: boolean) {
  const rand = seededRandom(11);
  const codes = ["81102", "81112", "81302", "62102", "71402", "25212", "82312", "63302"];
  const point = () => ({ lat: 51.8 + rand() * 0.8, lon: 11.3 + rand() * 0.9 });
  const districts = ["15003", "15083", "15086", "15089", "15090"];
  const participants: MatchParticipant[] = Array.from({ length: 200 }, (_, i) => ({
    id: `p${i}`,
    districtAgs: districts[i % 5]!,
    location: point(),
    plz: `39${String(i % 100).padStart(3, "0")}`,
    wishes: [
      { occupationId: `occ${i % codes.length}`, kldbCode: codes[i % codes.length]!, rank: 1 },
      {
        occupationId: `occ${(i + 3) % codes.length}`,
        kldbCode: codes[(i + 3) % codes.length]!,
        rank: 2,
      },
    ],
    childcareHoursPerWeek: 30,
    weeklyHoursAvailable: 20 + (i % 5) * 5,
    drivingLicence: i % 3 === 0,
    hasCar: i % 3 === 0,
    usesPublicTransport: true,
    maxCommuteMinutes: 60,
    brokenOffAt: new Set<string>(),
  }));
  const offers: MatchOffer[] = Array.from({ length: 1000 }, (_, i) => ({
    id: `o${i}`,
    occupationId: `occ${(i + (i % 2)) % codes.length}`,
    kldbCode: codes[i % codes.length]!,
    freePlaces: 1,
    partTimePossible: i % 2 === 0,
    weeklyHoursFull: 40,
    internshipPossible: i % 3 === 0,
    archived: false,
    company: {
      id: `c${i}`,
      districtAgs: districts[i % 5]!,
      plz: `39${String(i % 100).padStart(3, "0")}`,
      location: point(),
      archived: false,
      outreachStatus: "informiert",
      partTimeReadiness: "offen",
      informed: true,
    },
  }));
  const neighbours = (a: string, b: string) => a !== b;
  const pairs = participants.flatMap((p) =>
    offers.map((o) => [p, o] as [MatchParticipant, MatchOffer]),
  );
  const travel: Travel = withStations
    ? {
        nearest: stationFinder(railStations()),
        known: new Map([["39001|39002|oepnv", 40]]),
      }
    : {};
  rankPairs(pairs.slice(0, 10_000), neighbours, travel);
  const t0 = performance.now();
  rankPairs(pairs, neighbours, travel);
  return ((performance.now() - t0) * 1000) / pairs.length;
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

/** The same query for each engine: SQLite's text with `?`, PostgreSQL's with $1, $2, … */
type RawQuery = { sqlite: string; postgres: string };

async function rawSql(query: RawQuery, args: unknown[], runs = 200) {
  const times: number[] = [];
  if (ENGINE === "postgres") {
    const client = new pg.Client({ connectionString: measuredUrl });
    await client.connect();
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await client.query(query.postgres, args);
      times.push(performance.now() - t0);
    }
    await client.end();
  } else {
    const db = createClient({ url: DB_URL });
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await db.execute({ sql: query.sqlite, args: args as never });
      times.push(performance.now() - t0);
    }
    db.close();
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/** A few requests first, so the figures show the running server, not its first compilations. */
async function warmUp(pathname: string, cookie: string) {
  for (let i = 0; i < 30; i++) {
    const response = await fetch(`${BASE}${pathname}`, { headers: { cookie } });
    await response.arrayBuffer();
  }
}

async function http(pathname: string, cookie: string) {
  const result = await autocannon({
    url: `${BASE}${pathname}`,
    // One connection: the latency one coach sees. Throughput is reported next to it.
    connections: 1,
    duration: DURATION,
    headers: { cookie },
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${pathname}: ${result.non2xx} Antworten ohne 2xx, ${result.errors} Fehler`);
  return {
    p50: result.latency.p50,
    p95: result.latency.p97_5 ?? result.latency.p99,
    requests: result.requests.average,
  };
}

async function main() {
  mkdirSync(path.dirname(DB_FILE), { recursive: true });
  if (process.env.BENCH_FRESH === "1")
    rmSync(path.dirname(DB_FILE), { recursive: true, force: true });
  mkdirSync(path.dirname(DB_FILE), { recursive: true });
  if (!existsSync(path.join(root, "build/server/index.js")) || process.env.BENCH_BUILD !== "0") {
    spawnSync("npx", ["remix", "vite:build"], { cwd: root, stdio: "ignore" });
  }
  let cluster: Cluster | null = null;
  const startServer = async (databaseUrl: string) => {
    const server = spawn("npx", ["tsx", "scripts/start.ts"], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PORT: String(PORT),
        APP_URL: BASE,
        LOTSE_DEMO: "1",
        NODE_ENV: "production",
        LOTSE_SECRET: "bench-secret-bench-secret-bench-secret-01",
      },
      stdio: "ignore",
      detached: true,
    });
    await waitFor(`${BASE}/healthz`, 120);
    return () => {
      try {
        process.kill(-server.pid!, "SIGTERM");
      } catch {}
    };
  };
  let stopServer = () => {};
  const stop = () => {
    stopServer();
    cluster?.stop();
    cluster = null;
  };
  process.on("exit", stop);
  try {
    stopServer = await startServer(DB_URL);
    const t0 = performance.now();
    const seeded = await seedVolume();
    if (seeded)
      console.log(
        `seeded ${VOLUME.companies} companies, ${VOLUME.contacts} contacts, ${VOLUME.interactions} interactions in ${Math.round(performance.now() - t0)} ms`,
      );

    const t1 = performance.now();
    if (await seedMatchingVolume())
      console.log(
        `seeded ${MATCH_VOLUME.participants} participants and ${MATCH_VOLUME.offers} offers in ${Math.round(performance.now() - t1)} ms`,
      );

    const t2 = performance.now();
    if (await seedReportingVolume())
      console.log(
        `seeded ${EVENTS} events and put the participants into the project in ${Math.round(performance.now() - t2)} ms`,
      );

    if (ENGINE === "postgres") {
      // The seeded SQLite file, copied into PostgreSQL: the same rows and ids on both engines.
      stopServer();
      cluster = await startCluster(["shared_buffers=512MB", "work_mem=16MB"]);
      measuredUrl = cluster.url("postgres");
      console.log(`copied into PostgreSQL in ${await copyForMeasuring(DB_URL, measuredUrl)} ms`);
      stopServer = await startServer(measuredUrl);
    }

    const signIn = async (email: string) => {
      const login = await fetch(`${BASE}/anmelden`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: BASE },
        body: `email=${encodeURIComponent(email)}&password=demo-lotse-2026`,
      });
      const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
      if (!cookie.startsWith("lotse_session="))
        throw new Error("Anmeldung für den Benchmark fehlgeschlagen");
      return cookie;
    };
    const cookie = await signIn("coach@lotse.example");

    const db = createClient({ url: DB_URL });
    const sample = (
      await db.execute(
        "SELECT id FROM Company WHERE districtAgs = '15089' ORDER BY lastContactAt DESC LIMIT 1",
      )
    ).rows[0]!;
    db.close();
    const companyId = String(sample.id);

    // The page query the app runs: the page's ids from the covering index, then those rows.
    const pageSql = (where: string): RawQuery => ({
      sqlite: `SELECT c.id, c.name, c.plz, c.city, c.outreachStatus, c.partTimeReadiness,
        c.lastContactAt, d.name AS district, u.name AS owner
      FROM Company c LEFT JOIN District d ON d.ags = c.districtAgs LEFT JOIN User u ON u.id = c.ownerId
      WHERE c.id IN (SELECT id FROM Company WHERE ${where}
        ORDER BY lastContactAt DESC, id DESC LIMIT 25 OFFSET ?)
      ORDER BY c.lastContactAt DESC, c.id DESC`,
      postgres: `SELECT c.id, c.name, c.plz, c.city, c."outreachStatus", c."partTimeReadiness",
        c."lastContactAt", d.name AS district, u.name AS owner
      FROM "Company" c LEFT JOIN "District" d ON d.ags = c."districtAgs" LEFT JOIN "User" u ON u.id = c."ownerId"
      WHERE c.id IN (SELECT id FROM "Company" WHERE ${where
        .replace("archivedAt", '"archivedAt"')
        .replace("districtAgs = ?", '"districtAgs" = $1')
        .replace("outreachStatus = ?", '"outreachStatus" = $2')}
        ORDER BY "lastContactAt" DESC NULLS LAST, id DESC LIMIT 25 OFFSET $${where.split("?").length})
      ORDER BY c."lastContactAt" DESC NULLS LAST, c.id DESC`,
    });
    const listSql = pageSql("archivedAt IS NULL AND districtAgs = ? AND outreachStatus = ?");
    const figures: Record<string, Record<string, number>> = {};
    const record = async (name: string, pathname: string, sql: RawQuery, args: unknown[]) => {
      await warmUp(pathname, cookie);
      const app = await http(pathname, cookie);
      const raw = await rawSql(sql, args);
      figures[name] = {
        p50_ms: app.p50,
        p95_ms: app.p95,
        raw_sql_p95_ms: Number(raw.p95.toFixed(2)),
        ratio: Number((app.p95 / Math.max(raw.p95, 0.01)).toFixed(1)),
        requests_per_s: app.requests,
      };
      console.log(
        `bench ${name} p50_ms=${app.p50} p95_ms=${app.p95} raw_sql_p95_ms=${raw.p95.toFixed(2)} ratio=${figures[name].ratio}`,
      );
    };
    const listPath = (page: number) =>
      `/unternehmen?kreis=15089&status=kontaktiert&sort=lastContact&dir=desc&seite=${page}`;
    await record("companies_list", listPath(1), listSql, ["15089", "kontaktiert", 0]);
    // Page 200 of the whole list (no filter), the deep-paging case.
    await record(
      "companies_list_page200",
      "/unternehmen?sort=lastContact&dir=desc&seite=200",
      pageSql("archivedAt IS NULL"),
      [4975],
    );
    await record(
      "search",
      "/suche?q=schmidt%20bae",
      {
        sqlite: `SELECT e.kind, e.refId, e.text FROM SearchText JOIN SearchEntry e ON e.rowid = SearchText.rowid
        WHERE SearchText MATCH '"schmidt" AND "bae"' LIMIT 300`,
        postgres: `SELECT e.kind, e."refId", e.text FROM "SearchEntry" e
        WHERE e.text LIKE '%schmidt%' AND e.text LIKE '%bae%'
        ORDER BY similarity(e.text, 'schmidt bae') DESC LIMIT 300`,
      },
      [],
    );
    await record(
      "company_detail",
      `/unternehmen/${companyId}`,
      {
        sqlite:
          "SELECT * FROM Interaction WHERE companyId = ? AND deletedAt IS NULL ORDER BY occurredAt DESC LIMIT 21",
        postgres: `SELECT * FROM "Interaction" WHERE "companyId" = $1 AND "deletedAt" IS NULL ORDER BY "occurredAt" DESC LIMIT 21`,
      },
      [companyId],
    );

    // Matching as placement staff, who see every participant: one participant against all
    // offers, one offer against all participants.
    const placement = await signIn("vermittlung@lotse.example");
    const mdb = createClient({ url: DB_URL });
    const participantId = String(
      (
        await mdb.execute(`SELECT p.id FROM Participant p
          WHERE p.archivedAt IS NULL AND (SELECT count(*) FROM ParticipantOccupation w WHERE w.participantId = p.id) = 3
          ORDER BY p.id LIMIT 1`)
      ).rows[0]!.id,
    );
    const offerId = String(
      (
        await mdb.execute(`SELECT t.id FROM TrainingOffer t JOIN Company c ON c.id = t.companyId
          WHERE t.archivedAt IS NULL AND t.places > t.placesFilled AND c.archivedAt IS NULL
            AND c.outreachStatus <> 'kein_interesse' ORDER BY t.id LIMIT 1`)
      ).rows[0]!.id,
    );
    mdb.close();
    for (const [name, pathname] of [
      ["match_participant", `/teilnehmende/${participantId}/matching`],
      ["match_offer", `/matching/${offerId}`],
    ] as const) {
      await warmUp(pathname, placement);
      const app = await http(pathname, placement);
      figures[name] = { p50_ms: app.p50, p95_ms: app.p95, requests_per_s: app.requests };
      console.log(`bench ${name} p50_ms=${app.p50} p95_ms=${app.p95}`);
    }
    // The lead's Übersicht: targets, the period's figures and the breakdowns of the whole project.
    const lead = await signIn("leitung@lotse.example");
    await warmUp("/uebersicht", lead);
    const dashboard = await http("/uebersicht", lead);
    figures.dashboard = {
      p50_ms: dashboard.p50,
      p95_ms: dashboard.p95,
      requests_per_s: dashboard.requests,
    };
    console.log(`bench dashboard p50_ms=${dashboard.p50} p95_ms=${dashboard.p95}`);

    const straight = scorerCostPerPair(false);
    const rail = scorerCostPerPair(true);
    figures.scorer = {
      us_per_pair: Number(rail.toFixed(3)),
      us_per_pair_straight_line: Number(straight.toFixed(3)),
    };
    console.log(
      `bench scorer us_per_pair=${rail.toFixed(3)} (straight line only: ${straight.toFixed(3)})`,
    );

    // Route JavaScript: everything the company list page loads (module scripts and preloads).
    const html = await (await fetch(`${BASE}/unternehmen`, { headers: { cookie } })).text();
    const files = new Set(
      [...html.matchAll(/(?:href|src)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!),
    );
    let gzipBytes = 0;
    for (const f of files)
      gzipBytes += gzipSync(readFileSync(path.join(root, "build/client", f))).length;
    const kb = Number((gzipBytes / 1024).toFixed(1));
    figures.route_js_companies = { gzip_kb: kb };
    console.log(`bench route_js companies gzip_kb=${kb}`);

    mkdirSync(path.join(root, "bench"), { recursive: true });
    writeFileSync(
      path.join(root, ENGINE === "postgres" ? "bench/results-postgres.json" : "bench/results.json"),
      `${JSON.stringify({ measuredAt: new Date().toISOString(), engine: ENGINE, volume: { ...VOLUME, ...MATCH_VOLUME, events: EVENTS }, durationSeconds: DURATION, figures }, null, 2)}\n`,
    );
  } finally {
    stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
