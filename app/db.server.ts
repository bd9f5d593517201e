import type { Client, Config, TransactionMode } from "@libsql/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";
import { z } from "zod";
import { env } from "~/env.server";
import { Prisma, PrismaClient } from "~/generated/prisma/client.ts";
import { PrismaClient as PostgresClient } from "~/generated/prisma-pg/client.ts";
import { type Engine, engineOf } from "~/lib/database-url";

export { Prisma } from "~/generated/prisma/client.ts";

/** The engine of the app's database (DATABASE_URL): "sqlite" (the default) or "postgres". */
export const engine: Engine = engineOf(env.DATABASE_URL);

/**
 * A count or sum from SQL: SQLite answers number, bigint or NULL (a sum over no rows),
 * PostgreSQL bigint for count(*) and a decimal for a sum of bigints.
 */
export const sqlCount = z
  .union([
    z.number(),
    z.bigint(),
    z.null(),
    z.custom<{ toNumber: () => number }>(
      (v) => typeof (v as { toNumber?: unknown } | null)?.toNumber === "function",
    ),
  ])
  .transform((v) => (v && typeof v === "object" ? v.toNumber() : Number(v ?? 0)));
/** A text column from SQL. */
export const sqlText = z.string();
/** A text column that may be NULL. */
export const sqlTextOrNull = z.string().nullable();
/** A truth value from SQL: SQLite answers 0/1 (number or bigint), PostgreSQL true/false. */
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

// ── The SQL dialect ─────────────────────────────────────────────────────────────────────────
// Raw SQL is written once for both engines: identifiers in double quotes (PostgreSQL folds
// unquoted ones to lower case), truth as CASE/COUNT rather than sums of comparisons, and the few
// constructs the engines spell differently come from the helpers below.

/** A point in time for comparisons in raw SQL, in the form each engine stores DateTime. */
export const sqlDate = (date: Date): Prisma.Sql =>
  engine === "postgres"
    ? Prisma.sql`CAST(${date.toISOString().slice(0, 23)} AS TIMESTAMP(3))`
    : Prisma.sql`${date.toISOString().replace("Z", "+00:00")}`;

/**
 * A DateTime column as ISO text with its zone, where SQL must make text of it (inside JSON, or
 * beside text columns in a UNION); SQLite stores it so already.
 */
export const sqlInstantText = (column: Prisma.Sql): Prisma.Sql =>
  engine === "postgres" ? Prisma.sql`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')` : column;

/** The values of a group joined with `separator` (SQLite group_concat, PostgreSQL string_agg). */
export const sqlJoined = (value: Prisma.Sql, separator = ","): Prisma.Sql =>
  engine === "postgres"
    ? Prisma.sql`string_agg(CAST(${value} AS TEXT), ${Prisma.raw(`'${separator}'`)})`
    : Prisma.sql`group_concat(${value}, ${Prisma.raw(`'${separator}'`)})`;

/**
 * One JSON array of objects for all rows of the query (`AS rows` for queryJsonRows): keys are
 * fixed names, values SQL expressions.
 */
export function sqlJsonRows(fields: Record<string, Prisma.Sql>): Prisma.Sql {
  const pairs = Prisma.join(
    Object.entries(fields).map(([key, value]) => {
      if (!/^\w+$/.test(key)) throw new Error(`JSON key ${key}`);
      return Prisma.sql`${Prisma.raw(`'${key}'`)}, ${value}`;
    }),
  );
  return engine === "postgres"
    ? Prisma.sql`json_agg(json_build_object(${pairs}))`
    : Prisma.sql`json_group_array(json_object(${pairs}))`;
}

/**
 * Serialises transactions about the same key until they end. SQLite has one writer at a time
 * already (transactions begin with the write lock); PostgreSQL takes an advisory lock on the key.
 */
export async function lockKeyInTransaction(tx: Tx, key: string): Promise<void> {
  if (engine === "postgres") await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
}

/** Case-insensitive LIKE on both engines (SQLite's LIKE is, PostgreSQL's is not). */
export const sqlLike = (): Prisma.Sql => Prisma.raw(engine === "postgres" ? "ILIKE" : "LIKE");

/** A LIKE pattern for text containing `value`, with LIKE's wildcards escaped (use ESCAPE '\\'). */
export const likeContains = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Runs `SELECT ${sqlJsonRows(…)} AS rows FROM …` and returns the rows. For reads of thousands
 * of rows: the driver's cost per value dominates, one JSON text has one value.
 */
export async function queryJsonRows<T>(query: Prisma.Sql): Promise<T[]> {
  const [row] = await db.$queryRaw<{ rows: string | T[] | null }[]>(query);
  if (!row?.rows) return [];
  return typeof row.rows === "string" ? (JSON.parse(row.rows) as T[]) : row.rows;
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
