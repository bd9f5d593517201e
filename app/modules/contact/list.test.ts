import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { personSearchName } from "~/lib/text";
import { makeRequest, settle, signedIn, testContext } from "../../../tests/factories";

beforeAll(async () => {
  const company = await db.company.create({
    data: { name: "Autohaus Krüger", normalizedName: "autohaus krueger" },
  });
  const people = [
    { firstName: "Jörg", lastName: "Müller", email: "j.mueller@krueger.example" },
    { firstName: "Anna", lastName: "Schmitt", multiplierType: "ihk" },
    { firstName: "=SUMME(A1)", lastName: "Zander" },
  ];
  for (const p of people) {
    const contact = await db.contactPerson.create({
      data: {
        ...p,
        normalizedName: personSearchName(p.firstName, p.lastName),
        companyId: company.id,
      },
    });
    if (p.email)
      await db.consent.create({
        data: {
          contactId: contact.id,
          purpose: "email_einladungen",
          givenAt: new Date("2026-03-02T10:00:00Z"),
          method: "schriftlich",
        },
      });
  }
});

async function download(search: string) {
  const { cookie } = await signedIn("jobcoach");
  const route = await import("~/routes/_app.kontakte.export");
  const res = await settle(() =>
    route.loader({
      request: makeRequest(`/kontakte/export?${search}`, { cookie }),
      params: {},
      context: testContext,
    }),
  );
  return res.value as Response;
}

describe("contact export", () => {
  it("writes the view's rows as CSV for German Excel, formulas neutralised", async () => {
    const res = await download("format=csv&sort=name&dir=desc");
    expect(res.headers.get("Content-Disposition")).toMatch(/filename="kontakte-[\d-]+\.csv"/);
    const lines = new TextDecoder().decode(await res.arrayBuffer()).split("\r\n");
    expect(lines[0]).toBe(
      "Anrede;Vorname;Nachname;Funktion;Unternehmen;E-Mail;Telefon;Einwilligung E-Mail-Einladungen;Multiplikator;E-Mail-Adresse unzustellbar seit",
    );
    expect(lines.slice(1, 4).map((l) => l.split(";")[2])).toEqual(["Zander", "Schmitt", "Müller"]);
    expect(lines[1]).toContain("'=SUMME(A1)");
    expect(lines[3]).toContain(";j.mueller@krueger.example;;02.03.2026;");
    expect(await db.auditLog.count({ where: { action: "export", entityType: "contact" } })).toBe(1);
  });

  it("keeps the view's filter in XLSX", async () => {
    const res = await download("format=xlsx&multiplikator=ja");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(3).value).toBe("Schmitt");
    expect(sheet.getRow(2).getCell(9).value).toBe("IHK");
  });
});
