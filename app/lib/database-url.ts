/**
 * Which database engine a DATABASE_URL names: SQLite (a file, or a libSQL server with the same
 * migrations) or PostgreSQL. Anything else is refused with a message that says what is allowed.
 */
export type Engine = "sqlite" | "postgres";

const SQLITE = /^(file:|libsql:|https?:|wss?:)/i;
const POSTGRES = /^postgres(ql)?:\/\//i;

export function engineOf(url: string): Engine {
  if (POSTGRES.test(url)) return "postgres";
  if (SQLITE.test(url)) return "sqlite";
  throw new Error(unknownSchemeMessage(url));
}

export function unknownSchemeMessage(url: string): string {
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0] ?? url.slice(0, 20);
  return `unbekannte Datenbankadresse „${scheme}…“ – erlaubt sind file:… oder libsql://… (SQLite) und postgresql://… (PostgreSQL).`;
}

/** The address without its password, for messages and logs. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return url.replace(/:[^:@/]+@/, ":***@");
  }
}
