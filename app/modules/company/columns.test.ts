import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { t } from "~/messages";
import type { SessionUser } from "~/modules/auth/session.server";
import { exportContactSheet } from "~/modules/contact/service.server";
import { ensureReferenceData } from "~/modules/reference/reference-data.server";
import { createUser } from "../../../tests/factories";
import { COMPANY_COLUMNS } from "./columns";
import { createCompany } from "./editing.server";
import { suggestMapping } from "./import.server";
import { IMPORT_FIELDS } from "./import-values";
import { companyFormSchema } from "./schema";
import { exportCompanySheet } from "./service.server";

let user: SessionUser;
beforeAll(async () => {
  await ensureReferenceData();
  user = (await createUser("leitung")) as SessionUser;
  await createCompany(
    user,
    companyFormSchema.parse({
      name: "Spaltenprobe GmbH",
      legalForm: "GmbH",
      street: "Breiter Weg 1",
      plz: "39104",
      city: "Magdeburg",
      industry: "Handel",
      website: "https://spalten.example",
      phone: "0391 123456",
      email: "info@spalten.example",
      outreachStatus: "interessiert",
      partTimeReadiness: "ja",
      multiplierType: "ihk",
      tags: "Handel, Innenstadt",
      notes: "nur intern",
    }),
  );
}, 60_000);

describe("company columns, defined once", () => {
  it("every import field has exactly one column", () => {
    const fields = COMPANY_COLUMNS.flatMap((c) => (c.import ? [c.import.field] : []));
    expect([...fields].sort()).toEqual([...IMPORT_FIELDS].sort());
  });

  it("the export's header and values stay in step, and the export is audited", async () => {
    const sheet = await exportCompanySheet(
      user,
      new URL("http://x/unternehmen/export?q=Spaltenprobe"),
      {
        format: "csv",
      },
    );
    expect(sheet.rows).toHaveLength(1);
    const row = Object.fromEntries(sheet.header.map((h, i) => [h, sheet.rows[0]![i]]));
    expect(row).toMatchObject({
      Name: "Spaltenprobe GmbH",
      Rechtsform: "GmbH",
      "Straße und Hausnummer": "Breiter Weg 1",
      PLZ: "39104",
      Ort: "Magdeburg",
      Landkreis: "Magdeburg",
      Status: "Interessiert",
      Teilzeitausbildung: "ja",
      "Multiplikator:in": "IHK",
      Schlagwörter: "Handel, Innenstadt",
    });
    expect(row["Über Teilzeitausbildung informiert am"]).toBeInstanceOf(Date);
    const entry = await db.auditLog.findFirst({
      where: { actorId: user.id, action: "export", entityType: "company" },
    });
    expect(entry?.detail).toContain("csv, 1 Zeilen");
  });

  it("an exported file imports back with every exported import column recognised", async () => {
    const sheet = await exportCompanySheet(user, new URL("http://x/unternehmen/export"), {
      format: "xlsx",
    });
    const mapping = suggestMapping(sheet.header);
    for (const c of COMPANY_COLUMNS.filter((c) => c.import && c.value))
      expect([c.import!.field, mapping[c.import!.field]]).toEqual([
        c.import!.field,
        sheet.header.indexOf(t(c.label)),
      ]);
    // Import-only columns (notes, the contact person's) are not in the export.
    const importOnly = COMPANY_COLUMNS.filter((c) => c.import && !c.value).map(
      (c) => c.import!.field,
    );
    expect(Object.keys(mapping).sort()).toEqual(
      IMPORT_FIELDS.filter((f) => !importOnly.includes(f)).sort(),
    );
  });

  it("contacts export through their module too, audited", async () => {
    const sheet = await exportContactSheet(user, new URL("http://x/kontakte/export"), {
      format: "csv",
    });
    expect(sheet.header[0]).toBe("Anrede");
    expect(
      await db.auditLog.count({
        where: { actorId: user.id, action: "export", entityType: "contact" },
      }),
    ).toBe(1);
  });
});
