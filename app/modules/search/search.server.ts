import { distance } from "fastest-levenshtein";
import { db } from "~/db.server";
import { foldText, normalizeCompanyName } from "~/lib/text";

export type SearchHit = {
  kind: "company" | "contact";
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

/** Candidate patterns: each word's first and last three letters, so one typo still finds the name. */
function patterns(folded: string): string[] {
  const out = new Set<string>();
  for (const w of tokensOf(folded)) {
    if (w.length <= 3) out.add(w);
    else {
      out.add(w.slice(0, 3));
      out.add(w.slice(-3));
    }
  }
  return [...out].slice(0, 8);
}

/** One search over companies and contact persons, tolerant of case, umlauts and small typos, best first. */
export async function search(query: string, limit = 10): Promise<SearchHit[]> {
  const q = query.trim().slice(0, 100);
  const folded = foldText(q).replace(/\s+/g, " ");
  if (folded.length < 2) return [];
  const companyQuery = normalizeCompanyName(q) || folded;
  const likes = patterns(folded);
  const [companies, contacts] = await Promise.all([
    db.company.findMany({
      where: {
        archivedAt: null,
        OR: [
          ...likes.map((p) => ({ normalizedName: { contains: p } })),
          { plz: { startsWith: q } },
        ],
      },
      take: 300,
      select: { id: true, name: true, normalizedName: true, plz: true, city: true },
    }),
    db.contactPerson.findMany({
      where: {
        archivedAt: null,
        OR: [
          ...likes.map((p) => ({ normalizedName: { contains: p } })),
          { email: { startsWith: folded } },
        ],
      },
      take: 300,
      select: {
        id: true,
        firstName: true,
        lastName: true,
        normalizedName: true,
        email: true,
        function: true,
        company: { select: { name: true } },
      },
    }),
  ]);
  const hits: SearchHit[] = [
    ...companies.map((c) => ({
      kind: "company" as const,
      id: c.id,
      title: c.name,
      subtitle: [c.plz, c.city].filter(Boolean).join(" "),
      score: Math.max(matchScore(c.normalizedName, companyQuery), c.plz?.startsWith(q) ? 0.85 : 0),
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
          c.email?.startsWith(folded) ? 0.85 : 0,
        ),
      };
    }),
  ];
  return hits
    .filter((h) => h.score > 0)
    .sort((a, b) => b.score - a.score || a.title.localeCompare(b.title, "de"))
    .slice(0, limit);
}
