import { z } from "zod";
import { engineOf } from "~/lib/database-url";
import { parsePeriodOverrides } from "~/modules/retention/rules";

// Checked once at start-up; a wrong value stops the server with a clear message.
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** file:… or libsql://… (SQLite, the default) or postgresql://… (PostgreSQL 15+). */
  DATABASE_URL: z
    .string()
    .min(1)
    .default("file:./data/lotse.db")
    .superRefine((url, ctx) => {
      try {
        engineOf(url);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
      }
    }),
  /** PostgreSQL: connections per server process. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  DATABASE_AUTH_TOKEN: z.string().optional(),
  LOTSE_DEMO: z.enum(["0", "1"]).default("1"),
  APP_URL: z.url().default("http://localhost:3000"),
  PORT: z.coerce.number().int().positive().default(3000),
  TRUST_PROXY: z.enum(["0", "1"]).default("0"),
  RESEND_API_KEY: z.string().optional(),
  EMAIL_FROM: z.string().default("Lotse <lotse@lotse.example>"),
  /** Signs links in emails (cancel links); without it a random one is kept in data/lotse.secret
   * (only for a local SQLite file: a shared database needs the same secret on every server). */
  LOTSE_SECRET: z.preprocess((v) => (v === "" ? undefined : v), z.string().min(32).optional()),
  /** Verifies Resend's webhook calls (the "whsec_…" signing secret). */
  RESEND_WEBHOOK_SECRET: z.string().optional(),
  /** The Chromium that prints the funder report as PDF; without it the report prints from the browser. */
  CHROMIUM_PATH: z.string().default("/usr/bin/chromium"),
  /** Where uploaded documents (CVs, certificates, agreements) are kept: outside the web root. */
  DOCUMENTS_DIR: z.string().min(1).default("data/documents"),
  /** Where `npm run db:backup` and the daily backup write their copies, and for how many days. */
  BACKUP_DIR: z.string().min(1).default("backups"),
  BACKUP_KEEP_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** "1": the server takes a backup once a day (from 02:00 Berlin time); "0": only by command. */
  BACKUP_DAILY: z.enum(["0", "1"]).default("1"),
  /** "1": every role that may read participant data signs in with a second factor (TOTP); default
   * on, except in demo mode. */
  TOTP_REQUIRED: z.enum(["0", "1"]).optional(),
  /** The Träger that runs the project, named on public pages (registration) with its legal links. */
  TRAEGER_NAME: z.string().max(200).optional(),
  TRAEGER_ADDRESS: z.string().max(300).optional(),
  TRAEGER_IMPRESSUM_URL: z.url().optional(),
  TRAEGER_DATENSCHUTZ_URL: z.url().optional(),
  /** At most this many records change in one application of a retention plan (the rest next time). */
  RETENTION_CAP: z.coerce.number().int().min(1).max(1_000_000).default(2000),
  /** Deletion periods agreed with the data-protection officer, e.g. "tn_kontakt=12,tn_beratung=3". */
  RETENTION_MONTHS: z
    .string()
    .default("")
    .superRefine((text, ctx) => {
      const parsed = parsePeriodOverrides(text);
      if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.problem });
    }),
});

export type Env = z.infer<typeof schema>;

/**
 * A database that is not a local file (PostgreSQL, a libSQL server) can be shared by several app
 * servers: then every server must sign links with the same secret, so it must come from the
 * environment (a secret made per machine would break the links another server sent).
 */
const checked = schema.superRefine((e, ctx) => {
  if (!e.LOTSE_SECRET && !e.DATABASE_URL.startsWith("file:"))
    ctx.addIssue({
      code: "custom",
      path: ["LOTSE_SECRET"],
      message:
        "fehlt – bei einer gemeinsam nutzbaren Datenbank (PostgreSQL, libSQL-Server) brauchen alle Server denselben Schlüssel (mindestens 32 Zeichen, z. B. openssl rand -base64 48)",
    });
});

/** The settings from `source`, or an error naming every wrong variable (in German). */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = checked.safeParse(source);
  if (!parsed.success) {
    const details = Object.entries(z.flattenError(parsed.error).fieldErrors)
      .map(([k, v]) => `${k}: ${(v ?? []).join(", ")}`)
      .join("; ");
    throw new Error(`Ungültige Umgebungsvariablen – ${details}`);
  }
  return parsed.data;
}

export const env = readEnv();
export const isProduction = env.NODE_ENV === "production";
export const isDemo = env.LOTSE_DEMO === "1";

/**
 * The Träger as public pages name it. In demo mode an example Träger stands in where nothing is
 * configured; otherwise what is not configured is left out.
 */
export function traeger() {
  const demo = isDemo
    ? {
        name: "Bildungswerk Beispiel gGmbH",
        address: "Breiter Weg 1, 39104 Magdeburg",
        impressumUrl: `${env.APP_URL}/ueber#impressum`,
        datenschutzUrl: `${env.APP_URL}/ueber#datenschutz`,
      }
    : { name: null, address: null, impressumUrl: null, datenschutzUrl: null };
  return {
    name: env.TRAEGER_NAME ?? demo.name,
    address: env.TRAEGER_ADDRESS ?? demo.address,
    impressumUrl: env.TRAEGER_IMPRESSUM_URL ?? demo.impressumUrl,
    datenschutzUrl: env.TRAEGER_DATENSCHUTZ_URL ?? demo.datenschutzUrl,
  };
}
