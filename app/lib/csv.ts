// The project's one CSV reader/writer (RFC 4180 with a configurable separator).

export type CsvOptions = { separator?: string };

/** Parses CSV text into rows of fields. Handles quoted fields with separators, quotes and line breaks, and a leading BOM. */
export function parseCsv(text: string, { separator = "," }: CsvOptions = {}): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let inQuotes = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        field += ch;
      }
    } else if (ch === '"' && field === "") {
      inQuotes = true;
    } else if (ch === separator) {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else {
      field += ch;
    }
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Parses CSV with a header row into objects keyed by the header names. */
export function parseCsvRecords(text: string, options?: CsvOptions): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text, options);
  if (!header) return [];
  return rows
    .filter((r) => r.some((f) => f !== ""))
    .map((r) => Object.fromEntries(header.map((h, idx) => [h, r[idx] ?? ""])));
}

const FORMULA_START = /^[=+\-@\t\r]/;

function escapeField(value: string, separator: string, neutraliseFormulas: boolean): string {
  const v = neutraliseFormulas && FORMULA_START.test(value) ? `'${value}` : value;
  return v.includes(separator) || /["\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/**
 * Writes rows as CSV. `neutraliseFormulas` prefixes cells that spreadsheet programs would run as
 * formulas (security.md); use it for every export of user data.
 */
export function writeCsv(
  rows: readonly (readonly (string | number | null | undefined)[])[],
  {
    separator = ",",
    neutraliseFormulas = false,
  }: CsvOptions & { neutraliseFormulas?: boolean } = {},
): string {
  return rows
    .map((r) =>
      r
        .map((f) => escapeField(f == null ? "" : String(f), separator, neutraliseFormulas))
        .join(separator),
    )
    .join("\n")
    .concat("\n");
}
