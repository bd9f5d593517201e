import { labelOf } from "~/labels";
import type { Cell } from "~/lib/spreadsheet.server";
import { type MessageKey, t } from "~/messages";
import type { ImportField } from "./import-values";
import type { CompanyExportRow } from "./service.server";

// The company's columns, defined once: header label, the exported value, and for the columns the
// import reads, the import field with the header words the teams' Excel lists use. The export's
// header and rows, and the import's column recognition, all come from here, so an exported file
// imports back with every column recognised.

type Column = {
  label: MessageKey;
  /** The value in an export (columns without it are import-only). */
  value?: (c: CompanyExportRow) => Cell;
  import?: { field: ImportField; synonyms: readonly string[] };
};

export const COMPANY_COLUMNS: readonly Column[] = [
  {
    label: "company.name",
    value: (c) => c.name,
    import: {
      field: "name",
      synonyms: ["name", "firma", "unternehmen", "firmenname", "betrieb", "unternehmensname"],
    },
  },
  {
    label: "company.legalForm",
    value: (c) => c.legalForm,
    import: { field: "legalForm", synonyms: ["rechtsform"] },
  },
  {
    label: "company.street",
    value: (c) => c.street,
    import: {
      field: "street",
      synonyms: ["strasse", "str", "adresse", "anschrift", "strasse und hausnummer"],
    },
  },
  {
    label: "company.plz",
    value: (c) => c.plz,
    import: { field: "plz", synonyms: ["plz", "postleitzahl"] },
  },
  {
    label: "company.city",
    value: (c) => c.city,
    import: { field: "city", synonyms: ["ort", "stadt", "gemeinde", "wohnort"] },
  },
  {
    label: "company.district",
    value: (c) => c.districtName,
    import: { field: "district", synonyms: ["landkreis", "kreis"] },
  },
  {
    label: "company.industry",
    value: (c) => c.industry,
    import: { field: "industry", synonyms: ["branche", "wirtschaftszweig"] },
  },
  { label: "company.size", value: (c) => c.size },
  {
    label: "company.website",
    value: (c) => c.website,
    import: {
      field: "website",
      synonyms: ["website", "webseite", "homepage", "internet", "www", "web"],
    },
  },
  {
    label: "company.phone",
    value: (c) => c.phone,
    import: { field: "phone", synonyms: ["telefon", "tel", "telefonnummer", "fon", "rufnummer"] },
  },
  {
    label: "company.email",
    value: (c) => c.email,
    import: { field: "email", synonyms: ["e mail", "email", "mail", "e mail adresse"] },
  },
  {
    label: "company.status",
    value: (c) => labelOf("outreach", c.outreachStatus),
    import: { field: "outreachStatus", synonyms: ["status", "kontaktstatus"] },
  },
  {
    label: "company.partTime",
    value: (c) => labelOf("readiness", c.partTimeReadiness),
    import: {
      field: "partTimeReadiness",
      synonyms: ["teilzeit", "teilzeitausbildung", "tz", "teilzeit moeglich"],
    },
  },
  { label: "company.isTrainingCompany", value: (c) => c.isTrainingCompany },
  { label: "company.takesInternships", value: (c) => c.takesInternships },
  {
    label: "company.multiplierType",
    value: (c) => (c.multiplierType ? labelOf("multiplier", c.multiplierType) : null),
  },
  {
    label: "company.informedAt",
    value: (c) => c.informedAt,
    import: { field: "informedAt", synonyms: ["informiert am", "informiert", "tz informiert"] },
  },
  {
    label: "company.lastContact",
    value: (c) => c.lastContactAt,
    // Imported as a past entry of type "import" in the Verlauf, so the list's last contact is right.
    import: {
      field: "lastContact",
      synonyms: ["letzter kontakt", "letzter kontakt am", "zuletzt kontaktiert", "letzter anruf"],
    },
  },
  { label: "company.owner", value: (c) => c.ownerName },
  {
    label: "company.tags",
    value: (c) => c.tags,
    import: {
      field: "tags",
      synonyms: ["schlagwoerter", "schlagworte", "tags", "stichworte"],
    },
  },
  // The contact person the usual list names in the company's row (import only).
  {
    label: "importField.contactName",
    import: {
      field: "contactName",
      synonyms: [
        "ansprechpartner",
        "ansprechpartnerin",
        "ansprechpartner in",
        "ansprechperson",
        "kontaktperson",
      ],
    },
  },
  {
    label: "importField.contactFunction",
    import: {
      field: "contactFunction",
      synonyms: ["funktion", "position", "funktion ansprechpartner"],
    },
  },
  {
    label: "importField.contactPhone",
    import: {
      field: "contactPhone",
      synonyms: [
        "telefon ansprechpartner",
        "telefon ansprechperson",
        "durchwahl",
        "mobil",
        "handy",
      ],
    },
  },
  {
    label: "importField.contactEmail",
    import: {
      field: "contactEmail",
      synonyms: ["e mail ansprechpartner", "e mail ansprechperson", "mail ansprechpartner"],
    },
  },
  {
    label: "company.notes",
    import: {
      field: "notes",
      synonyms: ["notiz", "notizen", "bemerkung", "bemerkungen", "kommentar", "anmerkungen"],
    },
  },
];

const exported = COMPANY_COLUMNS.filter((c) => c.value);

/** The export's header row. */
export const companyExportHeader = () => exported.map((c) => t(c.label));

/** One exported row, in the header's order. */
export const companyExportRow = (c: CompanyExportRow): Cell[] =>
  exported.map((col) => col.value!(c));

/** The header words that name each import field: the column's own label and the usual synonyms. */
export function importHeaderWords(normalize: (s: string) => string): Map<ImportField, string[]> {
  return new Map(
    COMPANY_COLUMNS.filter((c) => c.import).map((c) => [
      c.import!.field,
      [normalize(t(c.label)), ...c.import!.synonyms],
    ]),
  );
}
