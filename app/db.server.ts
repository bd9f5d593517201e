import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { env } from "~/env.server";
import { PrismaClient } from "~/generated/prisma/client.ts";

export { Prisma } from "~/generated/prisma/client.ts";

/** A date as Prisma stores it in SQLite, for comparisons in raw SQL. */
export const sqlDate = (date: Date) => date.toISOString().replace("Z", "+00:00");

/** A LIKE pattern for text containing `value`, with LIKE's wildcards escaped (use ESCAPE '\\'). */
export const likeContains = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function createClient() {
  const adapter = new PrismaLibSQL({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN });
  return new PrismaClient({ adapter });
}

// One client per process; kept on globalThis so dev-server reloads do not open new connections.
const globalForDb = globalThis as unknown as { lotseDb?: ReturnType<typeof createClient> };
export const db = globalForDb.lotseDb ?? createClient();
if (env.NODE_ENV !== "production") globalForDb.lotseDb = db;

export type Db = typeof db;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
