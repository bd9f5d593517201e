import { distance } from "fastest-levenshtein";
import type { z } from "zod";
import {
  db,
  engine,
  Prisma,
  queryJsonRows,
  queryRows,
  sqlChoice,
  sqlJsonRows,
  sqlText,
} from "~/db.server";
import { foldText, normalizeCompanyName } from "~/lib/text";
import { audit } from "~/modules/audit/audit.server";
import type { Scope } from "~/modules/auth/permissions";
import type { SessionUser } from "~/modules/auth/session.server";
import { participantScopeSql } from "~/modules/participant/access.server";

export type SearchKind = "company" | "contact" | "participant";
export type SearchHit = {
  kind: SearchKind;
  id: string;
  title: string;
  subtitle: string;
  score: number;
};

const tokensOf = (s: string) => s.split(/[^a-z0-9]+/).filter(Boolean);

/**
 * How well a folded name matches the folded query, 0…1: whole prefix > word prefix > contained >
 * each query word close to a name word (edit distance ≤ 1 per 4 letters).
 */
export function matchScore(name: string, query: string): number {
  if (!query) return 0;
  if (name.startsWith(query)) return 1;
  const words = tokensOf(name);
  if (words.some((w) => w.startsWith(query))) return 0.9;
  if (name.includes(query)) return 0.8;
  const qWords = tokensOf(query);
  if (qWords.length === 0) return 0;
  let total = 0;
  for (const q of qWords) {
    let best = 0;
    for (const w of words) {
      const candidate = w.length > q.length ? w.slice(0, q.length) : w;
      const d = Math.min(distance(q, w), distance(q, candidate));
      const allowed = Math.max(1, Math.floor(q.length / 4));
      if (d <= allowed) best = Math.max(best, 1 - d / (q.length + 1));
    }
    if (best === 0) return 0;
    total += best;
  }
  return 0.7 * (total / qWords.length);
}

const ENTRY = { kind: sqlChoice(["company", "contact"]), refId: sqlText, text: sqlText };
type Entry = z.output<z.ZodObject<typeof ENTRY>>;

/** An FTS5 string literal; the words come from tokensOf and hold only [a-z0-9]. */
const phrase = (word: string) => `"${word}"`;

/**
 * Entries containing, for every group, at least one of its pieces: SQLite asks its FTS5 trigram
 * index, PostgreSQL its pg_trgm GIN index (LIKE patterns), most similar to the query first.
 */
async function containing(groups: string[][], folded: string, limit: number): Promise<Entry[]> {
  if (engine === "postgres") {
    const all = Prisma.join(
      groups.map(
        (pieces) =>
          Prisma.sql`(${Prisma.join(
            pieces.map((p) => Prisma.sql`e.text LIKE ${`%${p}%`}`),
            " OR ",
          )})`,
      ),
      " AND ",
    );
    return queryRows(
      ENTRY,
      Prisma.sql`SELECT e.kind, e."refId", e.text FROM "SearchEntry" e WHERE ${all}
      ORDER BY similarity(e.text, ${folded}) DESC LIMIT ${limit}`,
    );
  }
  const match = groups.map((pieces) => `(${pieces.map(phrase).join(" OR ")})`).join(" AND ");
  return queryRows(
    ENTRY,
    Prisma.sql`SELECT e.kind, e."refId", e.text FROM "SearchText"
    JOIN "SearchEntry" e ON e.rowid = "SearchText".rowid WHERE "SearchText" MATCH ${match} LIMIT ${limit}`,
  );
}

/** Pieces of a word of which at least one survives a single typo: its two halves. */
function typoPieces(word: string): string[] {
  if (word.length < 6) return [word.slice(0, 3), word.slice(-3)];
  const half = Math.floor(word.length / 2);
  return [word.slice(0, half), word.slice(word.length - half)];
}

/**
 * Candidates from the trigram index (SearchEntry/SearchText, kept current by triggers): names
 * starting with the query, then names containing every query word, and only when that finds too
 * few, names sharing a typo-proof piece of every word.
 */
async function candidates(folded: string, words: string[], wanted: number): Promise<Entry[]> {
  const found = new Map<string, Entry>();
  const add = (rows: Entry[]) => {
    for (const r of rows) found.set(r.refId, r);
  };
  add(
    await queryRows(
      ENTRY,
      Prisma.sql`SELECT kind, "refId", text FROM "SearchEntry"
      WHERE text >= ${folded} AND text < ${`${folded}\uffff`} ORDER BY text LIMIT 50`,
    ),
  );
  const indexable = words.filter((w) => w.length >= 3);
  if (indexable.length === 0) return [...found.values()];
  add(
    await containing(
      indexable.map((w) => [w]),
      folded,
      300,
    ),
  );
  if (found.size >= wanted) return [...found.values()];
  add(await containing(indexable.map(typoPieces), folded, 1000));
  return [...found.values()];
}

const PHONE_LIKE = /^\+?[\d\s/().-]+$/;
/** Whether a stored phone number contains the searched digits. */
const dialled = (stored: string | null, digits: string) =>
  stored?.replace(/\D/g, "").includes(digits);

/** Where a hit leads. */
export const hitPath = (h: { kind: SearchKind; id: string }) =>
  h.kind === "company"
    ? `/unternehmen/${h.id}`
    : h.kind === "contact"
      ? `/kontakte/${h.id}`
      : `/teilnehmende/${h.id}`;

type ParticipantName = { id: string; firstName: string; lastName: string; city: string | null };

/**
 * Participants the user may see whose name matches. They are few (a project has hundreds), so
 * their names are scored in memory; the read is audited like every participant read.
 */
async function searchParticipants(
  folded: string,
  viewer: { user: SessionUser; scope: Scope; ip?: string },
  limit: number,
): Promise<SearchHit[]> {
  const scope = viewer.scope === "any" ? Prisma.sql`1 = 1` : participantScopeSql(viewer.user.id);
  const rows = await queryJsonRows<ParticipantName>(Prisma.sql`
    SELECT ${sqlJsonRows({
      id: Prisma.sql`p.id`,
      firstName: Prisma.sql`p."firstName"`,
      lastName: Prisma.sql`p."lastName"`,
      city: Prisma.sql`p.city`,
    })} AS rows
    FROM "Participant" p WHERE p."archivedAt" IS NULL AND p."anonymisedAt" IS NULL AND ${scope}`);
  const hits = rows
    .map((p) => ({
      kind: "participant" as const,
      id: p.id,
      title: `${p.firstName} ${p.lastName}`,
      subtitle: p.city ?? "",
      score: Math.max(
        matchScore(foldText(`${p.firstName} ${p.lastName}`), folded),
        matchScore(foldText(`${p.lastName} ${p.firstName}`), folded),
      ),
    }))
    .filter((h) => h.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
  if (hits.length)
    await audit({
      actorId: viewer.user.id,
      action: "read",
      entityType: "participant",
      ip: viewer.ip,
      detail: `Suche: ${hits.map((h) => h.id).join(",")}`,
    });
  return hits;
}

/**
 * One search over companies, contact persons and (for those who may see them) participants,
 * tolerant of case, umlauts and small typos, best first.
 */
export async function search(
  query: string,
  limit = 10,
  participantViewer?: { user: SessionUser; scope: Scope; ip?: string },
): Promise<SearchHit[]> {
  const q = query.trim().slice(0, 100);
  // A phone number is searched as its digits ("0391 555-12" → "039155512"), as it is indexed.
  const phone = PHONE_LIKE.test(q) && q.replace(/\D/g, "").length >= 4;
  const folded = phone ? q.replace(/\D/g, "") : foldText(q).replace(/\s+/g, " ");
  if (folded.length < 2) return [];
  const companyQuery = phone ? folded : normalizeCompanyName(q) || folded;
  const digits = /^\d{2,5}$/.test(q);
  const [entries, byPlz, participants] = await Promise.all([
    candidates(folded, tokensOf(companyQuery), limit),
    digits
      ? db.company.findMany({
          where: { archivedAt: null, plz: { gte: q, lt: `${q}:` } },
          take: limit,
          select: { id: true },
        })
      : [],
    participantViewer && !digits && !phone
      ? searchParticipants(folded, participantViewer, limit)
      : [],
  ]);
  // Rank on the indexed text first; load the records only for the best few.
  const rough = entries
    .map((e) => ({
      ...e,
      score: matchScore(e.text, e.kind === "company" ? companyQuery : folded),
    }))
    .filter((e) => e.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit * 3);
  const companyIds = [
    ...rough.filter((e) => e.kind === "company").map((e) => e.refId),
    ...byPlz.map((c) => c.id),
  ];
  const contactIds = rough.filter((e) => e.kind === "contact").map((e) => e.refId);
  const [companies, contacts] = await Promise.all([
    companyIds.length
      ? db.company.findMany({
          // By id only: the index holds live records, and SQLite would otherwise scan by archivedAt.
          where: { id: { in: companyIds } },
          select: {
            id: true,
            name: true,
            normalizedName: true,
            plz: true,
            city: true,
            phone: true,
          },
        })
      : [],
    contactIds.length
      ? db.contactPerson.findMany({
          where: { id: { in: contactIds } },
          select: {
            id: true,
            firstName: true,
            lastName: true,
            normalizedName: true,
            email: true,
            phone: true,
            mobile: true,
            function: true,
            company: { select: { name: true } },
          },
        })
      : [],
  ]);
  const hits: SearchHit[] = [
    ...participants,
    ...companies.map((c) => ({
      kind: "company" as const,
      id: c.id,
      title: c.name,
      subtitle: [c.plz, c.city].filter(Boolean).join(" "),
      score: Math.max(
        matchScore(c.normalizedName, companyQuery),
        c.plz?.startsWith(q) ? 0.85 : 0,
        phone && dialled(c.phone, folded) ? 0.85 : 0,
      ),
    })),
    ...contacts.map((c) => {
      const last = foldText(c.lastName);
      return {
        kind: "contact" as const,
        id: c.id,
        title: `${c.firstName} ${c.lastName}`,
        subtitle: [c.function, c.company?.name].filter(Boolean).join(", "),
        score: Math.max(
          matchScore(c.normalizedName, folded),
          matchScore(last, folded),
          c.email && foldText(c.email).startsWith(folded) ? 0.85 : 0,
          phone && (dialled(c.phone, folded) || dialled(c.mobile, folded)) ? 0.85 : 0,
        ),
      };
    }),
  ];
  return hits
    .filter((h) => h.score > 0)
    .sort((a, b) => b.score - a.score || a.title.localeCompare(b.title, "de"))
    .slice(0, limit);
}
