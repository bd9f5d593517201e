import type { SALUTATIONS } from "./values";

export type SplitName = {
  salutation: (typeof SALUTATIONS)[number] | null;
  firstName: string;
  lastName: string;
};

const SALUTATION_WORDS: Record<string, "Frau" | "Herr"> = {
  frau: "Frau",
  fr: "Frau",
  herr: "Herr",
  hr: "Herr",
  herrn: "Herr",
};
/** Academic titles stay with the last name, so a letter reads "Sehr geehrter Herr Dr. Meier". */
const TITLE = /^(dr|prof|dipl|ing|med|rer|nat|phil|habil)\b[.\w-]*\.?$/i;
/** Name particles that belong to the last name ("von", "van der", "de"). */
const PARTICLES = new Set(["von", "van", "der", "den", "de", "zu", "vom", "zum", "ten", "la"]);

/**
 * A contact person's name as spreadsheets write it, split into Anrede, first and last name:
 * "Frau Schulze", "Herr Dr. Meier", "Anna Schulze", "Schulze, Anna", "Frau Dr. Anna von Berg".
 * Null when nothing is left for a last name.
 */
export function splitContactName(raw: string): SplitName | null {
  let text = raw.replace(/\s+/g, " ").trim();
  if (!text) return null;
  let salutation: SplitName["salutation"] = null;
  const first = text.split(" ")[0]!;
  const word = first.toLowerCase().replace(/\.$/, "");
  if (SALUTATION_WORDS[word]) {
    salutation = SALUTATION_WORDS[word]!;
    text = text.slice(first.length).trim();
  }
  // "Schulze, Anna" (last name first).
  const comma = text.indexOf(",");
  if (comma === 0) return null;
  if (comma > 0) {
    const last = text.slice(0, comma).trim();
    const firstNames = text.slice(comma + 1).trim();
    return last ? { salutation, firstName: firstNames, lastName: last } : null;
  }
  const words = text.split(" ").filter(Boolean);
  const titles: string[] = [];
  while (words.length > 1 && TITLE.test(words[0]!)) titles.push(words.shift()!);
  if (words.length === 1 && TITLE.test(words[0]!)) return null;
  if (words.length === 0) return null;
  // The last name is the last word with the particles before it.
  let start = words.length - 1;
  while (start > 1 && PARTICLES.has(words[start - 1]!.toLowerCase())) start--;
  if (start === 1 && PARTICLES.has(words[0]!.toLowerCase())) start = 0;
  const lastName = [...titles, ...words.slice(start)].join(" ");
  return { salutation, firstName: words.slice(0, start).join(" "), lastName };
}
