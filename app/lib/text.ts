// Text normalisation for search and duplicate checks: case, umlauts and legal forms do not matter.

const UMLAUTS: Record<string, string> = {
  ä: "ae",
  ö: "oe",
  ü: "ue",
  ß: "ss",
  é: "e",
  è: "e",
  á: "a",
  à: "a",
};
const LEGAL_FORMS =
  /\b(gmbh\s*&\s*co\.?\s*kg|gmbh|ggmbh|mbh|ug(\s*\(haftungsbeschränkt\))?|ag|kg|ohg|gbr|e\.?\s*k\.?|e\.?\s*v\.?|partg|kgaa|se)(?=\s|$|[.,])/g;

/** Lower case with umlauts spelled out ("Bäckerei Müller" → "baeckerei mueller"). */
export function foldText(value: string): string {
  return value
    .toLowerCase()
    .replace(/[äöüßéèáà]/g, (ch) => UMLAUTS[ch] ?? ch)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "");
}

/** Company name for duplicate checks: folded, legal form and punctuation removed. */
export function normalizeCompanyName(name: string): string {
  return foldText(name)
    .replace(LEGAL_FORMS, " ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/\s+/g, " ");
}

/** A person's name for search: "Jörg Müller" → "joerg mueller". */
export const personSearchName = (firstName: string, lastName: string) =>
  foldText(`${firstName} ${lastName}`).replace(/\s+/g, " ").trim();
