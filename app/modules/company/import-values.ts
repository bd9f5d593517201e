// Import choices shown in the page and used by the server.
export const IMPORT_FIELDS = [
  "name",
  "legalForm",
  "street",
  "plz",
  "city",
  "district",
  "industry",
  "website",
  "phone",
  "email",
  "outreachStatus",
  "partTimeReadiness",
  "informedAt",
  "tags",
  "notes",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export type Mapping = Partial<Record<ImportField, number>>;
export const DUPLICATE_CHOICES = ["skip", "update", "create"] as const;
export type DuplicateChoice = (typeof DUPLICATE_CHOICES)[number];
