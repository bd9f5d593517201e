// A throwaway PostgreSQL cluster for tests, the benchmark and the load test: initdb into a
// temporary folder (as the `postgres` user when run as root, since initdb refuses root), trust
// authentication on a free port on 127.0.0.1, stopped and removed by `stop()`.
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

export type Cluster = { url: (database: string) => string; port: number; stop: () => void };

/** A port on 127.0.0.1 that nothing listens on at the moment. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startCluster(settings: string[] = []): Promise<Cluster> {
  if (!existsSync(path.join(BIN, "initdb")))
    throw new Error(
      `PostgreSQL-Programme fehlen in ${BIN} (apt-get install postgresql, oder PG_BIN setzen).`,
    );
  const dir = mkdtempSync(path.join(tmpdir(), "lotse-pg-"));
  const asRoot = process.getuid?.() === 0;
  const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim() || "0");
  const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim() || "0");
  if (asRoot) chownSync(dir, uid, gid);
  const run = (cmd: string, args: string[]) =>
    asRoot
      ? execFileSync(
          "su",
          ["postgres", "-s", "/bin/sh", "-c", [cmd, ...args.map(quote)].join(" ")],
          {
            stdio: "pipe",
          },
        )
      : execFileSync(cmd, args, { stdio: "pipe" });
  const port = await freePort();
  const data = path.join(dir, "data");
  run(path.join(BIN, "initdb"), [
    "-D",
    data,
    "-A",
    "trust",
    "-U",
    "postgres",
    "-E",
    "UTF8",
    "--locale=C.UTF-8",
    "--no-sync",
  ]);
  const options = [
    `-p ${port}`,
    "-c listen_addresses=127.0.0.1",
    `-k ${dir}`,
    "-c fsync=off",
    "-c full_page_writes=off",
    "-c max_connections=300",
    ...settings.map((s) => `-c ${s}`),
  ].join(" ");
  run(path.join(BIN, "pg_ctl"), [
    "-D",
    data,
    "-o",
    options,
    "-l",
    path.join(dir, "log"),
    "-w",
    "start",
  ]);
  let stopped = false;
  return {
    port,
    url: (database) => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    stop: () => {
      if (stopped) return;
      stopped = true;
      try {
        run(path.join(BIN, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
