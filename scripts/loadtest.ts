// `npm run loadtest`: load and crash figures, bounded and on this machine only. A copy of the
// bench database (made by `npm run bench` when missing) is served by the production server;
// 20 coaches log contacts and open company and list pages while the lead loads the Übersicht.
// Run 1 lasts LOADTEST_SECONDS (60); in run 2 the server is killed with SIGKILL a third of the
// way in, restarted, and every write the server acknowledged is looked for in the database.
// Prints per run and kind of request: p50/p95/p99, requests per second, errors; and writes
// acknowledged vs. found (lost must be 0). rps counts answered requests; a request refused
// while the server is down is an error. WEB_CONCURRENCY is passed to the server.
// LOADTEST_ENGINE=postgres: the bench database is copied into a throwaway PostgreSQL cluster;
// run 1 has one app server, run 2 two servers behind nginx (round robin), run 3 the same two with
// one of them killed a third of the way in (nginx sends the rest to the other).
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import pg from "pg";
import { formatDay, today } from "../app/lib/day.ts";
import { copyForMeasuring } from "./db-copy.ts";
import { startCluster } from "./pg-cluster.ts";

const root = path.resolve(import.meta.dirname, "..");
const PORT = Number(process.env.LOADTEST_PORT ?? 3300);
const ENGINE = process.env.LOADTEST_ENGINE === "postgres" ? "postgres" : "sqlite";
// Loopback only: this script puts load on a server, never on someone else's.
const BASE = `http://127.0.0.1:${PORT}`;
const SECONDS = Math.min(600, Number(process.env.LOADTEST_SECONDS ?? 60));
const COACHES = Math.min(50, Number(process.env.LOADTEST_COACHES ?? 20));
const BENCH_DB = path.join(root, "data/bench/lotse.db");
const DB_FILE = path.join(root, "data/loadtest/lotse.db");

type Kind = "log_contact" | "company_page" | "company_list" | "contact_list" | "uebersicht";
type Sample = { kind: Kind; ms: number; ok: boolean };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(url: string, seconds: number) {
  for (let i = 0; i < seconds * 10; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await sleep(100);
  }
  throw new Error(`${url} antwortet nicht`);
}

function startServer(databaseUrl = `file:${DB_FILE}`, port = PORT): ChildProcess {
  return spawn("npx", ["tsx", "scripts/start.ts"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      LOTSE_SECRET: "loadtest-secret-loadtest-secret-loadtest",
      PORT: String(port),
      APP_URL: BASE,
      LOTSE_DEMO: "1",
      NODE_ENV: "production",
      BACKUP_DAILY: "0",
      BACKUP_DIR: path.join(path.dirname(DB_FILE), "backups"),
    },
    stdio: "ignore",
    detached: true,
  });
}

const kill = (server: ChildProcess, signal: NodeJS.Signals) => {
  try {
    process.kill(-server.pid!, signal);
  } catch {}
};

async function signIn(email: string) {
  const res = await fetch(`${BASE}/anmelden`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: BASE },
    body: `email=${encodeURIComponent(email)}&password=demo-lotse-2026`,
  });
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0]!;
  if (!cookie.startsWith("lotse_session=")) throw new Error(`Anmeldung fehlgeschlagen: ${email}`);
  return cookie;
}

async function timed(kind: Kind, samples: Sample[], request: () => Promise<Response>) {
  const t0 = performance.now();
  try {
    const res = await request();
    await res.arrayBuffer();
    samples.push({ kind, ms: performance.now() - t0, ok: res.status < 400 });
    return res;
  } catch {
    samples.push({ kind, ms: performance.now() - t0, ok: false });
    return null;
  }
}

/** One run: every coach and the lead in a closed loop until `until` (or `stop()`). */
async function run(
  name: string,
  companies: string[],
  cookies: { coaches: string[]; lead: string },
) {
  const samples: Sample[] = [];
  const acked: string[] = [];
  let running = true;
  const day = formatDay(today());
  let n = 0;
  const coach = async (cookie: string, c: number) => {
    while (running) {
      const companyId = companies[Math.floor(Math.random() * companies.length)]!;
      const roll = Math.random();
      if (roll < 0.35) {
        const marker = `lt-${name}-${c}-${n++}`;
        const res = await timed("log_contact", samples, () =>
          fetch(`${BASE}/unternehmen/${companyId}?intent=log`, {
            method: "POST",
            redirect: "manual",
            headers: {
              cookie,
              origin: BASE,
              "content-type": "application/x-www-form-urlencoded",
            },
            body: `type=anruf&occurredAt=${day}&notes=${marker}`,
          }),
        );
        // Acknowledged: the server answered the save with its redirect.
        if (res && res.status >= 300 && res.status < 400) acked.push(marker);
      } else if (roll < 0.65) {
        await timed("company_page", samples, () =>
          fetch(`${BASE}/unternehmen/${companyId}`, { headers: { cookie } }),
        );
      } else if (roll < 0.85) {
        const page = 1 + Math.floor(Math.random() * 50);
        await timed("company_list", samples, () =>
          fetch(`${BASE}/unternehmen?sort=lastContact&dir=desc&seite=${page}`, {
            headers: { cookie },
          }),
        );
      } else {
        await timed("contact_list", samples, () =>
          fetch(`${BASE}/kontakte?seite=${1 + Math.floor(Math.random() * 50)}`, {
            headers: { cookie },
          }),
        );
      }
      if (!running) break;
    }
  };
  const lead = async () => {
    while (running)
      await timed("uebersicht", samples, () =>
        fetch(`${BASE}/uebersicht`, { headers: { cookie: cookies.lead } }),
      );
  };
  const t0 = performance.now();
  const loops = [...cookies.coaches.map(coach), lead()];
  return {
    samples,
    acked,
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return (performance.now() - t0) / 1000;
    },
  };
}

const pct = (xs: number[], p: number) =>
  xs.length ? xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]! : 0;

function report(name: string, samples: Sample[], seconds: number) {
  const kinds = [...new Set(samples.map((s) => s.kind))].sort();
  for (const kind of [...kinds, "all" as const]) {
    const of = kind === "all" ? samples : samples.filter((s) => s.kind === kind);
    const ms = of
      .filter((s) => s.ok)
      .map((s) => s.ms)
      .sort((a, b) => a - b);
    console.log(
      `loadtest ${name} ${kind} p50_ms=${Math.round(pct(ms, 50))} p95_ms=${Math.round(pct(ms, 95))} p99_ms=${Math.round(pct(ms, 99))} rps=${(ms.length / seconds).toFixed(1)} errors=${of.filter((s) => !s.ok).length}`,
    );
  }
}

async function found(name: string, postgresUrl?: string) {
  if (postgresUrl) {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT notes FROM "Interaction" WHERE notes LIKE $1`, [
        `lt-${name}-%`,
      ]);
      return new Set(rows.map((r) => String(r.notes)));
    } finally {
      await client.end();
    }
  }
  const db = createClient({ url: `file:${DB_FILE}` });
  try {
    const rows = await db.execute({
      sql: "SELECT notes FROM Interaction WHERE notes LIKE ?",
      args: [`lt-${name}-%`],
    });
    return new Set(rows.rows.map((r) => String(r.notes)));
  } finally {
    db.close();
  }
}

async function main() {
  if (!existsSync(BENCH_DB)) {
    console.log("Die Benchmark-Datenbank fehlt; npm run bench legt sie an …");
    const r = spawnSync("npm", ["run", "bench"], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, BENCH_SECONDS: "1" },
    });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  if (!existsSync(path.join(root, "build/server/index.js")))
    spawnSync("npx", ["remix", "vite:build"], { cwd: root, stdio: "ignore" });
  // A fresh copy each time: the load writes, the bench database stays as it is.
  rmSync(path.dirname(DB_FILE), { recursive: true, force: true });
  mkdirSync(path.dirname(DB_FILE), { recursive: true });
  const bench = createClient({ url: `file:${BENCH_DB}` });
  await bench.execute({ sql: "VACUUM INTO ?", args: [DB_FILE] });
  const companies = (
    await bench.execute("SELECT id FROM Company WHERE archivedAt IS NULL ORDER BY id LIMIT 500")
  ).rows.map((r) => String(r.id));
  bench.close();

  if (ENGINE === "postgres") return mainPostgres(companies);

  let server = startServer();
  process.on("exit", () => kill(server, "SIGTERM"));
  await waitFor(`${BASE}/healthz`, 180);
  // One after the other: parallel logins to one account meet the login throttle.
  const coaches: string[] = [];
  for (let i = 0; i < COACHES; i++) coaches.push(await signIn("coach@lotse.example"));
  const cookies = { coaches, lead: await signIn("leitung@lotse.example") };
  console.log(
    `loadtest: ${COACHES} coaches and the lead for ${SECONDS} s against ${BASE} (WEB_CONCURRENCY=${process.env.WEB_CONCURRENCY ?? "1"})`,
  );

  // Run 1: steady load.
  const first = await run("1", companies, cookies);
  await sleep(SECONDS * 1000);
  const seconds1 = await first.stop();
  report("1", first.samples, seconds1);
  const found1 = await found("1");
  const lost1 = first.acked.filter((m) => !found1.has(m)).length;
  console.log(`loadtest 1 writes acked=${first.acked.length} found=${found1.size} lost=${lost1}`);

  // Run 2: the server is killed (SIGKILL) in the middle and started again.
  const second = await run("2", companies, cookies);
  await sleep((SECONDS * 1000) / 3);
  kill(server, "SIGKILL");
  const killedAt = performance.now();
  await sleep(1000);
  const seconds2 = await second.stop();
  server = startServer();
  await waitFor(`${BASE}/healthz`, 180);
  console.log(
    `loadtest 2 restart_ms=${Math.round(performance.now() - killedAt)} (killed after ${Math.round(seconds2 - 1)} s)`,
  );
  report("2", second.samples, seconds2);
  const found2 = await found("2");
  const lost2 = second.acked.filter((m) => !found2.has(m)).length;
  console.log(`loadtest 2 writes acked=${second.acked.length} found=${found2.size} lost=${lost2}`);
  kill(server, "SIGTERM");
  process.exit(lost1 + lost2 > 0 ? 1 : 0);
}

/** nginx in front of the given ports on PORT, round robin, in its own temporary folder. */
function startNginx(ports: number[]): () => void {
  const dir = mkdtempSync(path.join(tmpdir(), "lotse-nginx-"));
  const conf = path.join(dir, "nginx.conf");
  writeFileSync(
    conf,
    `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream lotse {
${ports.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=10s;`).join("\n")}
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${PORT};
    location / {
      proxy_pass http://lotse;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      # A server that is down: the next one takes idempotent requests; a POST is never sent twice.
      proxy_next_upstream error timeout;
    }
  }
}
`,
  );
  const nginx = spawn("nginx", ["-c", conf, "-p", dir, "-g", "daemon off;"], { stdio: "inherit" });
  return () => {
    nginx.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  };
}

/** One, then two app servers on one PostgreSQL database; the second pair loses one server. */
async function mainPostgres(companies: string[]) {
  if (spawnSync("nginx", ["-v"]).error)
    throw new Error("nginx fehlt für den Lastverteiler (apt-get install -y nginx).");
  const cluster = await startCluster(["shared_buffers=512MB"]);
  const servers: ChildProcess[] = [];
  let stopNginx = () => {};
  const stopAll = () => {
    for (const s of servers) kill(s, "SIGTERM");
    stopNginx();
    cluster.stop();
  };
  process.on("exit", stopAll);
  const url = cluster.url("postgres");
  const ms = await copyForMeasuring(`file:${DB_FILE}`, url);
  console.log(`loadtest: bench database copied into PostgreSQL in ${ms} ms`);

  const signInAll = async () => {
    const coaches: string[] = [];
    for (let i = 0; i < COACHES; i++) coaches.push(await signIn("coach@lotse.example"));
    return { coaches, lead: await signIn("leitung@lotse.example") };
  };
  let lost = 0;
  const measure = async (name: string, label: string, during?: () => Promise<void>) => {
    const cookies = await signInAll();
    console.log(`loadtest ${name}: ${label}, ${COACHES} coaches and the lead for ${SECONDS} s`);
    const r = await run(name, companies, cookies);
    if (during) await during();
    else await sleep(SECONDS * 1000);
    const seconds = await r.stop();
    report(name, r.samples, seconds);
    const rows = await found(name, url);
    const missing = r.acked.filter((m) => !rows.has(m)).length;
    lost += missing;
    console.log(
      `loadtest ${name} writes acked=${r.acked.length} found=${rows.size} lost=${missing}`,
    );
  };

  // Run 1: one server, reached directly.
  servers.push(startServer(url, PORT));
  await waitFor(`${BASE}/healthz`, 180);
  await measure("pg1", "one app server on PostgreSQL");
  kill(servers.pop()!, "SIGTERM");
  await sleep(1000);

  // Runs 2 and 3: two servers behind nginx.
  const ports = [PORT + 1, PORT + 2];
  for (const port of ports) servers.push(startServer(url, port));
  for (const port of ports) await waitFor(`http://127.0.0.1:${port}/healthz`, 180);
  stopNginx = startNginx(ports);
  await waitFor(`${BASE}/healthz`, 30);
  await measure("pg2", "two app servers on PostgreSQL behind nginx (round robin)");
  await measure(
    "pg2kill",
    "two servers behind nginx, one killed (SIGKILL) after a third",
    async () => {
      await sleep((SECONDS * 1000) / 3);
      kill(servers[0]!, "SIGKILL");
      await sleep((SECONDS * 2000) / 3);
    },
  );
  stopAll();
  process.exit(lost > 0 ? 1 : 0);
}

await main();
