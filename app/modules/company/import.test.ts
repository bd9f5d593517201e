import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { addDays, formatDay, today } from "~/lib/day";
import type { SessionUser } from "~/modules/auth/session.server";
import { ensureReferenceData } from "~/modules/reference/reference-data.server";
import { createUser } from "../../../tests/factories";
import { createCompany } from "./editing.server";
import {
  loadUpload,
  prepareImport,
  removeAbandonedUploads,
  runImport,
  storeUpload,
  suggestMapping,
} from "./import.server";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, readTable } from "./import-file.server";
import { companyFormSchema } from "./schema";

const fixture = (name: string) =>
  new Uint8Array(readFileSync(path.resolve("tests/fixtures/import", name)));
let user: SessionUser;

beforeAll(async () => {
  await ensureReferenceData();
  user = (await createUser("vermittlung")) as SessionUser;
}, 60_000);

async function importFile(
  name: string,
  options: { skipInvalid?: boolean; duplicates?: "skip" | "update" | "create" } = {},
) {
  const table = await readTable(fixture(name));
  return runImport(user, table, {
    mapping: suggestMapping(table.header),
    duplicates: options.duplicates ?? "skip",
    skipInvalid: options.skipInvalid ?? false,
    filename: name,
  });
}

describe("reading files", () => {
  it("reads German Excel CSV: BOM, semicolons, quoted line breaks; maps the columns by their names", async () => {
    const table = await readTable(fixture("gut-utf8.csv"));
    expect(table.header[0]).toBe("Firma");
    expect(table.rows).toHaveLength(2);
    expect(table.rows[0]![9]).toBe("Chefin offen für TZ,\r\nRückruf im März");
    expect(suggestMapping(table.header)).toMatchObject({
      name: 0,
      plz: 1,
      city: 2,
      phone: 3,
      email: 4,
      website: 5,
      partTimeReadiness: 6,
      outreachStatus: 7,
      informedAt: 8,
      notes: 9,
      tags: 10,
    });
  });

  it("reads Windows-1252 umlauts", async () => {
    const table = await readTable(fixture("windows-1252.csv"));
    expect(table.rows[0]).toEqual(["Käserei Müller", "39576", "Stendal", "Straßenverkauf"]);
  });

  it("reads XLSX", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Liste");
    ws.addRow(["Unternehmen", "Postleitzahl", "Informiert am"]);
    ws.addRow(["Tischlerei Holzwurm", 39104, new Date(Date.UTC(2025, 2, 3))]);
    const table = await readTable(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(table).toEqual({
      header: ["Unternehmen", "Postleitzahl", "Informiert am"],
      rows: [["Tischlerei Holzwurm", "39104", "03.03.2025"]],
    });
  });

  it("refuses empty, binary, oversized and header-only files with German messages", async () => {
    await expect(readTable(fixture("leer.csv"))).rejects.toThrow("Die Datei ist leer");
    await expect(readTable(fixture("binaer.csv"))).rejects.toThrow(
      "Das ist keine CSV- oder Excel-Datei",
    );
    await expect(readTable(new Uint8Array(MAX_IMPORT_BYTES + 1).fill(65))).rejects.toThrow(
      "Die Datei ist zu groß (höchstens 8 MB)",
    );
    await expect(readTable(new TextEncoder().encode("Firma;PLZ\r\n"))).rejects.toThrow(
      "Die Datei ist leer",
    );
  });
});

describe("importing", () => {
  it("imports a good file with all fields", async () => {
    const result = await importFile("gut-utf8.csv");
    expect(result).toMatchObject({ created: 2, updated: 0, skipped: 0, invalid: 0 });
    const c = await db.company.findFirstOrThrow({
      where: { name: "Bäckerei Sonnenkorn GmbH" },
      include: { tags: { include: { tag: true } } },
    });
    expect(c).toMatchObject({
      plz: "39104",
      districtAgs: "15003",
      website: "https://www.sonnenkorn.example",
      partTimeReadiness: "ja",
      outreachStatus: "informiert",
      normalizedName: "baeckerei sonnenkorn",
    });
    expect(c.informedAt?.toISOString()).toBe("2025-02-03T00:00:00.000Z");
    expect(c.tags.map((x) => x.tag.name).sort()).toEqual(["Handwerk", "Lebensmittel"]);
    expect(await db.auditLog.count({ where: { entityType: "company_import" } })).toBeGreaterThan(0);
  });

  it("reports every bad row with a German message and imports nothing", async () => {
    const table = await readTable(fixture("eine-schlechte-zeile.csv"));
    const { report } = await prepareImport(table, suggestMapping(table.header), "skip");
    const byLine = Object.fromEntries(report.rows.map((r) => [r.line, r]));
    expect(byLine[2]).toMatchObject({ action: "create", messages: [] });
    expect(byLine[3]!.messages).toEqual([
      "E-Mail: Bitte geben Sie eine gültige E-Mail-Adresse ein.",
    ]);
    expect(byLine[4]!.messages).toEqual([
      "Website: Bitte geben Sie eine Web-Adresse mit http:// oder https:// ein.",
    ]);
    expect(byLine[5]!.messages).toEqual(["Informiert am: Bitte geben Sie ein gültiges Datum ein."]);
    expect(byLine[6]!.messages).toEqual([
      "PLZ: Bitte geben Sie eine deutsche Postleitzahl mit 5 Ziffern ein.",
    ]);
    expect(byLine[7]!.messages).toEqual(["Name: Bitte füllen Sie dieses Feld aus."]);
    expect(byLine[8]!.messages[0]).toMatch(/Die PLZ 39517 liegt in mehreren Landkreisen/);
    expect(report.counts).toEqual({ create: 1, update: 0, skip: 0, error: 6 });

    const before = await db.company.count();
    await expect(importFile("eine-schlechte-zeile.csv")).rejects.toThrow(
      "Nicht importiert: 6 Zeilen haben Fehler",
    );
    expect(await db.company.count()).toBe(before);
    // Leaving the bad rows out imports the good one.
    expect(await importFile("eine-schlechte-zeile.csv", { skipInvalid: true })).toMatchObject({
      created: 1,
      invalid: 6,
    });
  });

  it("takes the district column, refuses a contradicting one and a row twice in the file", async () => {
    const table = await readTable(fixture("landkreise.csv"));
    const { report } = await prepareImport(table, suggestMapping(table.header), "skip");
    expect(report.rows.map((r) => r.action)).toEqual([
      "create",
      "create",
      "error",
      "create",
      "error",
    ]);
    expect(report.rows[2]!.messages).toEqual([
      "Die PLZ 39104 liegt in Magdeburg. Bitte PLZ oder Landkreis korrigieren.",
    ]);
    expect(report.rows[4]!.messages).toEqual(["doppelt in der Datei (wie Zeile 5)"]);
  });

  it("refuses a mapping without a name column", async () => {
    const table = await readTable(fixture("ohne-name.csv"));
    await expect(prepareImport(table, suggestMapping(table.header), "skip")).rejects.toThrow(
      "Bitte ordnen Sie dem Feld „Name“ eine Spalte zu",
    );
  });

  it("handles existing companies as chosen: skip, update or create anyway", async () => {
    await createCompany(
      user,
      companyFormSchema.parse({
        name: "Käserei Müller",
        plz: "39576",
        outreachStatus: "kontaktiert",
        partTimeReadiness: "offen",
      }),
    );
    expect(await importFile("windows-1252.csv", { duplicates: "skip" })).toMatchObject({
      created: 0,
      skipped: 1,
    });
    expect(await importFile("windows-1252.csv", { duplicates: "update" })).toMatchObject({
      created: 0,
      updated: 1,
    });
    const updated = await db.company.findFirstOrThrow({ where: { name: "Käserei Müller" } });
    // The file has no status column: the existing status stays, the note is taken over.
    expect(updated).toMatchObject({
      outreachStatus: "kontaktiert",
      notes: "Straßenverkauf",
      version: 2,
    });
    expect(await importFile("windows-1252.csv", { duplicates: "create" })).toMatchObject({
      created: 1,
    });
    expect(await db.company.count({ where: { name: "Käserei Müller" } })).toBe(2);
  });

  it("keeps an uploaded table only for the user who uploaded it", async () => {
    const table = await readTable(fixture("gut-utf8.csv"));
    const token = await storeUpload(user, "gut-utf8.csv", table);
    expect((await loadUpload(user, token)).table).toEqual(table);
    const other = (await createUser("vermittlung")) as SessionUser;
    await expect(loadUpload(other, token)).rejects.toThrow("nicht mehr verfügbar");
    await expect(loadUpload(user, "../../etc/passwd")).rejects.toThrow("nicht mehr verfügbar");
    // In the database, so any server finds it; for a day.
    expect(await db.importUpload.count()).toBeGreaterThanOrEqual(1);
    const tomorrow = new Date(Date.now() + 25 * 60 * 60 * 1000);
    await expect(loadUpload(user, token, tomorrow)).rejects.toThrow("nicht mehr verfügbar");
    expect(await removeAbandonedUploads(new Date())).toBe(0);
    expect(await removeAbandonedUploads(tomorrow)).toBeGreaterThanOrEqual(1);
    await expect(loadUpload(user, token)).rejects.toThrow("nicht mehr verfügbar");
  });

  it("imports 10,000 rows in one transaction", async () => {
    const lines = ["Firma;PLZ;Ort;Telefon;Schlagwörter"];
    for (let i = 0; i < 10_000; i++)
      lines.push(`Testbetrieb ${i};39104;Magdeburg;0391 ${100000 + i};Massenimport`);
    const table = await readTable(new TextEncoder().encode(lines.join("\r\n")));
    const started = performance.now();
    const result = await runImport(user, table, {
      mapping: suggestMapping(table.header),
      duplicates: "skip",
      skipInvalid: false,
      filename: "gross.csv",
    });
    console.log(`import 10000 rows: ${Math.round(performance.now() - started)} ms`);
    expect(result.created).toBe(10_000);
    expect(await db.companyTag.count({ where: { tag: { name: "Massenimport" } } })).toBe(10_000);
  }, 120_000);
});

describe("waiting uploads", () => {
  it("are kept in the database for their uploader, only as the token's hash, and removed when nobody imported them within a day", async () => {
    const table = { header: ["Firma"], rows: [["Liegengeblieben GmbH"]] };
    const stale = await storeUpload(user, "alt.csv", table);
    const fresh = await storeUpload(user, "neu.csv", table);
    expect(await db.importUpload.count({ where: { id: stale } })).toBe(0);
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    await db.importUpload.updateMany({
      where: { filename: "alt.csv" },
      data: { createdAt: twoDaysAgo },
    });
    expect(await removeAbandonedUploads()).toBe(1);
    await expect(loadUpload(user, stale)).rejects.toMatchObject({ status: 404 });
    expect((await loadUpload(user, fresh)).filename).toBe("neu.csv");
  });
});

describe("large workbooks", () => {
  it("stop being read at the row limit instead of loading the whole sheet", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Firmen");
    ws.addRow(["Firma", "PLZ"]);
    for (let i = 0; i < MAX_IMPORT_ROWS + 5_000; i++) ws.addRow([`Firma ${i}`, "39104"]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    await expect(readTable(bytes)).rejects.toMatchObject({ status: 413 });
  }, 60_000);
});

describe("contact persons and the last contact in the company list", () => {
  it("creates each row's contact with Anrede and name split, and records 'Letzter Kontakt' as a past import entry", async () => {
    const table = await readTable(fixture("mit-ansprechpartnern.csv"));
    const mapping = suggestMapping(table.header);
    expect(mapping).toMatchObject({
      name: 0,
      phone: 3,
      contactName: 4,
      contactEmail: 5,
      lastContact: 6,
    });
    const { report } = await prepareImport(table, mapping, "skip");
    expect(report.rows.map((r) => [r.name, r.action])).toEqual([
      ["Malerbetrieb Frisch", "create"],
      ["Dachdeckerei Hoch", "create"],
      ["Elektro Funke", "error"],
      ["Bäckerei Korn", "error"],
      ["Metallbau Eisen", "create"],
    ]);
    expect(report.rows[2]!.messages).toEqual([
      "Ansprechperson: E-Mail: Bitte geben Sie eine gültige E-Mail-Adresse ein.",
    ]);
    expect(report.rows[3]!.messages).toEqual(["Diese Ansprechperson steht schon in Zeile 2."]);

    const result = await importFile("mit-ansprechpartnern.csv", { skipInvalid: true });
    expect(result).toMatchObject({
      created: 3,
      invalid: 2,
      contacts: { created: 2, matched: 0, lastContacts: 2 },
    });
    const frisch = await db.company.findFirstOrThrow({
      where: { name: "Malerbetrieb Frisch" },
      include: { contacts: true, interactions: true },
    });
    expect(frisch.contacts).toEqual([
      expect.objectContaining({
        salutation: "Frau",
        firstName: "",
        lastName: "Schulze",
        email: "schulze@frisch.example",
        lastContactAt: new Date("2026-03-12T00:00:00Z"),
      }),
    ]);
    expect(frisch.interactions).toEqual([
      expect.objectContaining({ type: "import", occurredAt: new Date("2026-03-12T00:00:00Z") }),
    ]);
    expect(frisch).toMatchObject({
      lastContactAt: new Date("2026-03-12T00:00:00Z"),
      outreachStatus: "kontaktiert",
    });
    const hoch = await db.contactPerson.findFirstOrThrow({
      where: { email: "meier@hoch.example" },
    });
    expect(hoch).toMatchObject({ salutation: "Herr", firstName: "", lastName: "Dr. Meier" });
    expect(await db.contactEmployment.count({ where: { contactId: hoch.id } })).toBe(1);
    const eisen = await db.company.findFirstOrThrow({ where: { name: "Metallbau Eisen" } });
    expect(eisen.lastContactAt).toEqual(new Date("2026-05-05T00:00:00Z"));
  });

  it("matches a known contact at an updated company instead of adding her twice, and refuses a future last contact", async () => {
    const table = {
      header: ["Firma", "PLZ", "Ansprechpartner", "Telefon Ansprechpartner", "Letzter Kontakt"],
      rows: [["Malerbetrieb Frisch", "39104", "Frau Schulze", "0171 5550000", "20.03.2026"]],
    };
    const result = await runImport(user, table, {
      mapping: suggestMapping(table.header),
      duplicates: "update",
      skipInvalid: false,
      filename: "nachtrag.csv",
    });
    expect(result.contacts).toEqual({ created: 0, matched: 1, lastContacts: 1 });
    const schulze = await db.contactPerson.findFirstOrThrow({
      where: { email: "schulze@frisch.example" },
    });
    expect(schulze).toMatchObject({
      phone: "0171 5550000",
      lastContactAt: new Date("2026-03-20T00:00:00Z"),
    });

    const day = formatDay(addDays(today(), 3));
    const { report } = await prepareImport(
      { header: ["Firma", "Letzter Kontakt"], rows: [["Zukunft GmbH", day]] },
      { name: 0, lastContact: 1 },
      "skip",
    );
    expect(report.rows[0]!.messages).toEqual(["Letzter Kontakt: Das Datum liegt in der Zukunft."]);
  });
});

describe("a list of contact persons for known companies", () => {
  it("matches each row to its company by name and PLZ, creates or completes the person, and reports what it cannot place", async () => {
    const table = {
      header: ["Firma", "PLZ", "Ansprechpartner", "Funktion", "E-Mail", "Letzter Kontakt"],
      rows: [
        [
          "Malerbetrieb Frisch",
          "39104",
          "Herr Paul Pinsel",
          "Meister",
          "pinsel@frisch.example",
          "01.04.2026",
        ],
        ["Malerbetrieb Frisch GmbH", "39104", "Frau Schulze", "Inhaberin", "", ""],
        ["Unbekannt KG", "39104", "Frau Niemand", "", "", ""],
        ["Dachdeckerei Hoch", "39108", "", "", "", ""],
        ["Dachdeckerei Hoch", "39108", "Ina Ziegel", "", "ziegel(at)hoch", ""],
        ["Malerbetrieb Frisch", "39104", "Paul Pinsel", "", "pinsel@frisch.example", ""],
      ],
    };
    const mapping = {
      name: 0,
      plz: 1,
      contactName: 2,
      contactFunction: 3,
      contactEmail: 4,
      lastContact: 5,
    };
    const { report } = await prepareImport(table, mapping, "skip", "kontakte");
    expect(report.rows.map((r) => [r.action, r.messages])).toEqual([
      ["create", ["Herr Paul Pinsel wird angelegt"]],
      ["update", ["Frau Schulze ist schon bekannt – fehlende Angaben werden ergänzt"]],
      [
        "error",
        [
          "Kein Unternehmen „Unbekannt KG“ mit PLZ 39104 in Lotse – bitte zuerst das Unternehmen anlegen oder importieren.",
        ],
      ],
      ["error", ["Ansprechperson: Name fehlt."]],
      ["error", ["Ansprechperson: E-Mail: Bitte geben Sie eine gültige E-Mail-Adresse ein."]],
      ["error", ["Diese Ansprechperson steht schon in Zeile 2."]],
    ]);
    const companiesBefore = await db.company.count();
    // All or nothing: with errors and without "leave them out", nothing is written.
    await expect(
      runImport(user, table, {
        mapping,
        duplicates: "skip",
        skipInvalid: false,
        filename: "k.csv",
        target: "kontakte",
      }),
    ).rejects.toThrow(/Nicht importiert/);
    expect(await db.contactPerson.count({ where: { lastName: "Pinsel" } })).toBe(0);

    const result = await runImport(user, table, {
      mapping,
      duplicates: "skip",
      skipInvalid: true,
      filename: "k.csv",
      target: "kontakte",
    });
    expect(result.contacts).toEqual({ created: 1, matched: 1, lastContacts: 1 });
    expect(await db.company.count()).toBe(companiesBefore);
    const pinsel = await db.contactPerson.findFirstOrThrow({
      where: { lastName: "Pinsel" },
      include: { company: true },
    });
    expect(pinsel).toMatchObject({ salutation: "Herr", firstName: "Paul", function: "Meister" });
    expect(pinsel.company?.name).toBe("Malerbetrieb Frisch");
    const schulze = await db.contactPerson.findFirstOrThrow({
      where: { email: "schulze@frisch.example" },
    });
    expect(schulze.function).toBe("Inhaberin");
  });
});
