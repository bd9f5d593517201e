// `npm run db:copy -- postgresql://…`: copies an existing SQLite installation (DATABASE_URL, or
// --from file:…) into an empty PostgreSQL database. The target is migrated first; every table is
// copied in one transaction, parents before children, and committed only when every table has as
// many rows as in the source. Then switch DATABASE_URL to the PostgreSQL address.
import { createClient, type InValue } from "@libsql/client";
import pg from "pg";
import { redactedUrl } from "../app/lib/database-url.ts";
import { migratePostgres, shippedMigrations } from "../app/modules/health/migrations.server.ts";

/** Tables not copied: the migration record (the target has its own) and the search index (its triggers fill it). */
const NOT_COPIED = new Set(["_prisma_migrations", "SearchEntry"]);
const BATCH_ROWS = 500;

export type CopiedTable = { table: string; rows: number };

type Column = { name: string; type: string };
type ForeignKey = { child: string; parent: string; column: string };

const unquote = (name: string) => name.replace(/^"|"$/g, "");
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A SQLite value as PostgreSQL's column type wants it (SQLite keeps truth as 0/1, instants as text). */
function convert(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (type === "boolean") return Boolean(Number(value));
  if (type.startsWith("timestamp")) {
    const date = new Date(typeof value === "bigint" ? Number(value) : (value as string | number));
    if (Number.isNaN(date.getTime())) throw new Error(`Kein Zeitpunkt: ${String(value)}`);
    return date.toISOString().slice(0, 23);
  }
  if (type === "integer" || type === "double precision" || type === "bigint") return Number(value);
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  return String(value);
}

/** Tables ordered so that every table comes after the tables it refers to (self-references aside). */
function parentsFirst(tables: string[], keys: ForeignKey[]): string[] {
  const ordered: string[] = [];
  const placed = new Set<string>();
  const visit = (table: string, path: Set<string>) => {
    if (placed.has(table)) return;
    if (path.has(table)) throw new Error(`Zyklische Fremdschlüssel bei ${table}`);
    path.add(table);
    for (const k of keys) if (k.child === table && k.parent !== table) visit(k.parent, path);
    path.delete(table);
    placed.add(table);
    ordered.push(table);
  };
  for (const table of [...tables].sort()) visit(table, new Set());
  return ordered;
}

export async function copySqliteToPostgres(options: {
  from: string;
  to: string;
  log?: (line: string) => void;
}): Promise<CopiedTable[]> {
  const log = options.log ?? console.log;
  if (!options.from.startsWith("file:"))
    throw new Error("Quelle: eine SQLite-Datei (file:…) – DATABASE_URL oder --from.");
  if (!/^postgres(ql)?:\/\//.test(options.to))
    throw new Error("Ziel: eine PostgreSQL-Adresse (postgresql://…).");
  const source = createClient({ url: options.from, intMode: "number" });
  const applied = await source
    .execute(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    )
    .then((r) => r.rows.map((row) => String(row.migration_name)))
    .catch(() => [] as string[]);
  const pending = (shippedMigrations("sqlite") ?? []).filter((name) => !applied.includes(name));
  if (pending.length) {
    source.close();
    throw new Error(
      `Die SQLite-Datenbank ist nicht auf dem Stand dieser Version (${pending.length} Migration(en) fehlen) – zuerst mit ihr npm run db:migrate ausführen.`,
    );
  }
  await migratePostgres(options.to, log);

  const target = new pg.Client({ connectionString: options.to });
  await target.connect();
  try {
    const columnRows = await target.query<{ table: string; name: string; type: string }>(
      `SELECT table_name AS table, column_name AS name, data_type AS type
       FROM information_schema.columns WHERE table_schema = 'public' ORDER BY ordinal_position`,
    );
    const columns = new Map<string, Column[]>();
    for (const r of columnRows.rows) {
      if (NOT_COPIED.has(r.table)) continue;
      columns.set(r.table, [...(columns.get(r.table) ?? []), { name: r.name, type: r.type }]);
    }
    const keys = (
      await target.query<ForeignKey>(
        `SELECT conrelid::regclass::text AS child, confrelid::regclass::text AS parent,
           (SELECT attname FROM pg_attribute WHERE attrelid = conrelid AND attnum = conkey[1]) AS column
         FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace`,
      )
    ).rows.map((k) => ({ child: unquote(k.child), parent: unquote(k.parent), column: k.column }));
    const tables = parentsFirst([...columns.keys()], keys);
    const primaryKey = new Map(
      (
        await target.query<{ table: string; column: string }>(
          `SELECT conrelid::regclass::text AS table,
             (SELECT attname FROM pg_attribute WHERE attrelid = conrelid AND attnum = conkey[1]) AS column
           FROM pg_constraint WHERE contype = 'p' AND connamespace = 'public'::regnamespace`,
        )
      ).rows.map((r) => [unquote(r.table), r.column]),
    );

    for (const table of tables) {
      const { rows } = await target.query<{ n: string }>(
        `SELECT count(*) AS n FROM ${ident(table)}`,
      );
      if (Number(rows[0]?.n) > 0)
        throw new Error(
          `Die Zieldatenbank ist nicht leer (${table}: ${rows[0]?.n} Zeilen). Bitte eine leere Datenbank angeben.`,
        );
    }

    const copied: CopiedTable[] = [];
    await target.query("BEGIN");
    try {
      for (const table of tables) {
        const cols = columns.get(table) ?? [];
        // A column referring to its own table (a merged company) is filled once all rows exist.
        const later = keys
          .filter((k) => k.child === table && k.parent === table)
          .map((k) => k.column);
        const read = await source.execute(
          `SELECT ${cols.map((c) => ident(c.name)).join(", ")} FROM ${ident(table)}`,
        );
        const values = read.rows.map((row) =>
          cols.map((c, i) => (later.includes(c.name) ? null : convert(row[i], c.type))),
        );
        for (let start = 0; start < values.length; start += BATCH_ROWS) {
          const batch = values.slice(start, start + BATCH_ROWS);
          const placeholders = batch.map(
            (_, r) => `(${cols.map((_, c) => `$${r * cols.length + c + 1}`).join(", ")})`,
          );
          await target.query(
            `INSERT INTO ${ident(table)} (${cols.map((c) => ident(c.name)).join(", ")}) VALUES ${placeholders.join(", ")}`,
            batch.flat(),
          );
        }
        for (const column of later) {
          const key = primaryKey.get(table) ?? "id";
          const idAt = cols.findIndex((c) => c.name === key);
          const at = cols.findIndex((c) => c.name === column);
          for (const row of read.rows)
            if (row[at] !== null)
              await target.query(
                `UPDATE ${ident(table)} SET ${ident(column)} = $1 WHERE ${ident(key)} = $2`,
                [row[at] as InValue, row[idAt] as InValue],
              );
        }
        const [counted] = (
          await target.query<{ n: string }>(`SELECT count(*) AS n FROM ${ident(table)}`)
        ).rows;
        if (Number(counted?.n) !== read.rows.length)
          throw new Error(
            `${table}: ${read.rows.length} Zeilen gelesen, ${counted?.n} geschrieben`,
          );
        copied.push({ table, rows: read.rows.length });
      }
      await target.query("COMMIT");
    } catch (error) {
      await target.query("ROLLBACK");
      throw error;
    }
    return copied;
  } finally {
    source.close();
    await target.end();
  }
}

/**
 * The bench and load test's PostgreSQL database: their seeded SQLite file copied in, then
 * vacuumed and analysed so the planner knows the volume. Returns the milliseconds it took.
 */
export async function copyForMeasuring(from: string, to: string): Promise<number> {
  const started = performance.now();
  await copySqliteToPostgres({ from, to, log: () => undefined });
  const client = new pg.Client({ connectionString: to });
  await client.connect();
  try {
    await client.query("VACUUM ANALYZE");
  } finally {
    await client.end();
  }
  return Math.round(performance.now() - started);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const fromAt = args.indexOf("--from");
  const from =
    fromAt >= 0 ? args[fromAt + 1] : (process.env.DATABASE_URL ?? "file:./data/lotse.db");
  const to = args.find((a, i) => /^postgres(ql)?:\/\//.test(a) && args[i - 1] !== "--from");
  if (!from || !to) {
    console.error("Aufruf: npm run db:copy -- [--from file:./data/lotse.db] postgresql://…");
    process.exit(1);
  }
  console.log(`Kopiere ${from} nach ${redactedUrl(to)} …`);
  try {
    const copied = await copySqliteToPostgres({ from, to });
    for (const c of copied) console.log(`  ${c.table.padEnd(26)} ${String(c.rows).padStart(8)}`);
    const total = copied.reduce((sum, c) => sum + c.rows, 0);
    console.log(
      `Fertig: ${copied.length} Tabellen, ${total} Zeilen, alle Zählungen gleich. Jetzt DATABASE_URL auf die PostgreSQL-Adresse umstellen und LOTSE_SECRET auf den Inhalt von data/lotse.secret setzen (dann bleiben verschickte Links gültig).`,
    );
  } catch (error) {
    console.error(`Kopie abgebrochen, nichts übernommen: ${(error as Error).message}`);
    process.exit(1);
  }
}
