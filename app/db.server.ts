import type { Client, Config, TransactionMode } from "@libsql/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";
import { z } from "zod";
import { env } from "~/env.server";
import type { Prisma } from "~/generated/prisma/client.ts";
import { PrismaClient } from "~/generated/prisma/client.ts";
import { PrismaClient as PostgresClient } from "~/generated/prisma-pg/client.ts";
import { type Engine, engineOf } from "~/lib/database-url";

export { Prisma } from "~/generated/prisma/client.ts";

/** A count or sum from SQL: SQLite answers number, bigint or NULL (a sum over no rows). */
export const sqlCount = z
  .union([z.number(), z.bigint(), z.null()])
  .transform((v) => Number(v ?? 0));
/** A text column from SQL. */
export const sqlText = z.string();
/** A text column that may be NULL. */
export const sqlTextOrNull = z.string().nullable();
/** A truth value from SQL: SQLite answers 0/1 (number or bigint). */
export const sqlBool = z
  .union([z.number(), z.bigint(), z.boolean()])
  .transform((v) => Boolean(Number(v)));
/** One of the declared values (a status column). */
export const sqlChoice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values);
/** A point in time: the adapter answers a Date for a DateTime column, text for an expression. */
export const sqlInstant = z.union([z.date(), z.string()]).transform((v) => new Date(v));
export const sqlInstantOrNull = sqlInstant.nullable();

/**
 * A raw query whose rows are checked against their shape: every named column must come back
 * (a misspelt alias fails loudly instead of reading as 0), counts arrive as numbers.
 */
export async function queryRows<S extends z.ZodRawShape>(
  shape: S,
  query: Prisma.Sql,
): Promise<z.output<z.ZodObject<S>>[]> {
  return z.array(z.object(shape)).parse(await db.$queryRaw<unknown[]>(query));
}

/** A date as Prisma stores it in SQLite, for comparisons in raw SQL. */
export const sqlDate = (date: Date) => date.toISOString().replace("Z", "+00:00");

/** A LIKE pattern for text containing `value`, with LIKE's wildcards escaped (use ESCAPE '\\'). */
export const likeContains = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Runs `SELECT json_group_array(json_object(…)) AS rows FROM …` and returns the rows. For reads
 * of thousands of rows: the driver's cost per value dominates, one JSON text has one value.
 */
export async function queryJsonRows<T>(query: Prisma.Sql): Promise<T[]> {
  const [row] = await db.$queryRaw<{ rows: string | null }[]>(query);
  return row?.rows ? (JSON.parse(row.rows) as T[]) : [];
}

/** How long a connection waits for another process's write (a backup, a script) before failing. */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * The libSQL adapter with a busy timeout on every connection to a database file (SQLite's
 * default is to fail at once when another process writes) and secure delete (deleted and
 * overwritten text is zeroed in the file, not left in free space: erasure means gone). Both are
 * per connection; the client opens a fresh connection after each transaction, so they are set
 * again then.
 */
class LibSQLWithBusyTimeout extends PrismaLibSQL {
  override createClient(config: Config): Client {
    const client = super.createClient(config);
    if (client.protocol !== "file") return client;
    const setTimeout = () =>
      Promise.all([
        client.execute(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`),
        client.execute("PRAGMA secure_delete = ON"),
      ]);
    void setTimeout();
    const transaction = client.transaction.bind(client);
    // Transactions take the write lock when they begin (BEGIN IMMEDIATE, where the busy timeout
    // waits for another process's writer). A deferred one that read first and then writes
    // cannot wait: SQLite answers "database is locked" at once when a second process writes.
    client.transaction = async (_mode?: TransactionMode) => {
      const tx = await transaction("write");
      await setTimeout();
      return tx;
    };
    return client;
  }
}

/** The engine of the app's database (DATABASE_URL): "sqlite" (the default) or "postgres". */
export const engine: Engine = engineOf(env.DATABASE_URL);

/**
 * A client for either engine. Both clients are generated from the one schema.prisma and have the
 * same model API; the PostgreSQL one is typed as the SQLite one, so the code has one client type
 * (PostgreSQL-only query options such as `mode` are not used).
 */
function createClient(url = env.DATABASE_URL): PrismaClient {
  if (engineOf(url) === "postgres") {
    const adapter = new PrismaPg({ connectionString: url, max: env.DATABASE_POOL_SIZE });
    return new PostgresClient({ adapter }) as unknown as PrismaClient;
  }
  const adapter = new LibSQLWithBusyTimeout({ url, authToken: env.DATABASE_AUTH_TOKEN });
  return new PrismaClient({ adapter });
}

/**
 * A client for another database file than the app's (a restored copy being cleaned before it
 * goes live). The app itself always uses `db`.
 */
export const openDatabase = (url: string) => createClient(url);

// One client per process, also when the server's own code and the built app each load this
// module: the adapter serialises its queries and transactions per client, so two clients in one
// process would meet as two writers ("database is locked").
const globalForDb = globalThis as unknown as { lotseDb?: ReturnType<typeof createClient> };
export const db = globalForDb.lotseDb ?? createClient();
globalForDb.lotseDb = db;

export type Db = typeof db;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
