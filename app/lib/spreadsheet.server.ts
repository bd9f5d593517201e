import ExcelJS from "exceljs";
import { writeCsv } from "./csv";
import { formatDate } from "./day";

export type Cell = string | number | boolean | Date | null | undefined;
export type Sheet = { name: string; header: string[]; rows: Cell[][] };

const text = (c: Cell) =>
  c instanceof Date ? formatDate(c) : typeof c === "boolean" ? (c ? "ja" : "nein") : c;

const download = (filename: string, type: string) => ({
  "Content-Type": type,
  "Content-Disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
  "Cache-Control": "no-store",
});

/** CSV as German Excel opens it: UTF-8 with BOM, semicolons, CRLF, formulas neutralised. */
export function csvText(sheet: Sheet): string {
  const body = writeCsv([sheet.header, ...sheet.rows.map((r) => r.map(text))], {
    separator: ";",
    neutraliseFormulas: true,
  }).replace(/\n/g, "\r\n");
  return `\uFEFF${body}`;
}

export function csvResponse(filename: string, sheet: Sheet): Response {
  return new Response(csvText(sheet), {
    headers: download(filename, "text/csv; charset=utf-8"),
  });
}

/** A file for download with the given type (e.g. a ZIP); never cached. */
export const fileResponse = (filename: string, type: string, body: Uint8Array) =>
  new Response(Buffer.from(body), { headers: download(filename, type) });

/** XLSX with typed cells: text stays text (never a formula), dates are dates. */
export async function xlsxBuffer(sheet: Sheet): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(sheet.name.slice(0, 31));
  ws.addRow(sheet.header).font = { bold: true };
  for (const row of sheet.rows) {
    ws.addRow(row.map((c) => (typeof c === "boolean" ? (c ? "ja" : "nein") : (c ?? null))));
  }
  ws.columns.forEach((col, i) => {
    col.width = Math.min(60, Math.max(10, (sheet.header[i]?.length ?? 10) + 2));
    if (sheet.rows.some((r) => r[i] instanceof Date)) col.numFmt = "dd.mm.yyyy";
  });
  ws.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function xlsxResponse(filename: string, sheet: Sheet): Promise<Response> {
  return new Response(new Uint8Array(await xlsxBuffer(sheet)), {
    headers: download(
      filename,
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
  });
}
