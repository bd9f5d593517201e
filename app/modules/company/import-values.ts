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
  // The contact person named in the company's row, and when the team last spoke to the company.
  "contactName",
  "contactFunction",
  "contactPhone",
  "contactEmail",
  "lastContact",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export type Mapping = Partial<Record<ImportField, number>>;
export const DUPLICATE_CHOICES = ["skip", "update", "create"] as const;
export type DuplicateChoice = (typeof DUPLICATE_CHOICES)[number];
/** What a file brings: companies (with their contact persons), or contact persons of known companies. */
export const IMPORT_TARGETS = ["unternehmen", "kontakte"] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];
