import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { parseCsv } from "~/lib/csv";
import { formatDate } from "~/lib/day";
import { AppError } from "~/lib/errors";
import { t } from "~/messages";

export const MAX_IMPORT_BYTES = 8 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;

export type Table = { header: string[]; rows: string[][] };

const isXlsx = (bytes: Uint8Array) =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** UTF-8 (with or without BOM) when it decodes cleanly, else Windows-1252 as older Excel writes it. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** The separator of the header line: semicolon (German Excel), comma or tab. */
export function detectSeparator(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [";", ",", "\t"].map((s) => [s, firstLine.split(s).length - 1] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]![1] > 0 ? counts[0]![0] : ";";
}

function cellText(value: ExcelJS.CellValue): string {
  if (value == null) return "";
  if (value instanceof Date) return formatDate(value);
  if (typeof value === "object") {
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("hyperlink" in value) return String(value.hyperlink);
    return "";
  }
  return String(value);
}

/**
 * The first worksheet's rows, read as a stream: reading stops as soon as there are more rows
 * than an import takes, so a workbook of a million rows costs no more than one of the limit.
 */
async function readFirstSheet(bytes: Uint8Array): Promise<string[][]> {
  const rows: string[][] = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(Buffer.from(bytes)), {
    sharedStrings: "cache",
    styles: "cache", // to tell dates from numbers
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "emit",
  });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values: string[] = [];
        for (let c = 1; c <= row.cellCount; c++) values.push(cellText(row.getCell(c).value).trim());
        if (values.some((v) => v !== "")) rows.push(values);
        // The header plus the limit, and one more to know that it is too many.
        if (rows.length > MAX_IMPORT_ROWS + 1)
          throw new AppError(413, t("import.tooManyRows", { max: MAX_IMPORT_ROWS }));
      }
      break; // the first worksheet only
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(400, t("import.unreadable"));
  }
  return rows;
}

/** Reads an uploaded CSV or XLSX file into a header and rows of text; bad files get a German message. */
export async function readTable(bytes: Uint8Array): Promise<Table> {
  if (bytes.length === 0) throw new AppError(400, t("import.empty"));
  if (bytes.length > MAX_IMPORT_BYTES)
    throw new AppError(413, t("import.tooLarge", { mb: MAX_IMPORT_BYTES / 1024 / 1024 }));
  let rows: string[][];
  if (isXlsx(bytes)) {
    rows = await readFirstSheet(bytes);
  } else {
    // A NUL byte never occurs in a text file: this is a binary file with a .csv name.
    if (bytes.subarray(0, 8192).includes(0)) throw new AppError(400, t("import.binary"));
    const text = decodeText(bytes);
    rows = parseCsv(text, { separator: detectSeparator(text) }).map((r) => r.map((f) => f.trim()));
  }
  const nonEmpty = rows.filter((r) => r.some((f) => f !== ""));
  const [header, ...data] = nonEmpty;
  if (!header || data.length === 0) throw new AppError(400, t("import.empty"));
  if (data.length > MAX_IMPORT_ROWS)
    throw new AppError(413, t("import.tooManyRows", { max: MAX_IMPORT_ROWS }));
  return { header: header.map((h, i) => h || `Spalte ${i + 1}`), rows: data };
}
