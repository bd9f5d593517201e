import path from "node:path";
import { expect, test } from "@playwright/test";
import { germanDay, loginAs } from "./helpers";

const fixture = (name: string) => path.resolve("tests/fixtures/import", name);

test("importing a CSV with bad rows: the report names each problem, nothing is saved until the user decides", async ({
  page,
}) => {
  await loginAs(page, "vermittlung@lotse.example");
  await page.goto("/unternehmen");
  await page.getByRole("link", { name: "Importieren" }).click();

  await page
    .getByLabel("Datei (CSV oder XLSX, höchstens 8 MB)")
    .setInputFiles(fixture("binaer.csv"));
  await page.getByRole("button", { name: "Hochladen und prüfen" }).click();
  await expect(page.getByRole("alert")).toContainText("Das ist keine CSV- oder Excel-Datei");

  await page
    .getByLabel("Datei (CSV oder XLSX, höchstens 8 MB)")
    .setInputFiles(fixture("eine-schlechte-zeile.csv"));
  await page.getByRole("button", { name: "Hochladen und prüfen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "neu," })).toHaveText(
    "1 neu, 0 aktualisieren, 0 überspringen, 6 fehlerhaft",
  );
  const report = page.getByRole("region", { name: "Bericht" });
  await expect(report.getByRole("row").filter({ hasText: "Ohne At GmbH" })).toContainText(
    "E-Mail: Bitte geben Sie eine gültige E-Mail-Adresse ein.",
  );
  await expect(report.getByRole("row").filter({ hasText: "Kalender KG" })).toContainText(
    "Bitte geben Sie ein gültiges Datum ein.",
  );
  await expect(page.getByLabel("PLZ", { exact: true })).toHaveValue("1");

  await page.getByRole("button", { name: "Importieren", exact: true }).click();
  await expect(page.getByRole("alert")).toContainText("Nicht importiert: 6 Zeilen haben Fehler");

  await page.getByLabel("Fehlerhafte Zeilen auslassen und den Rest importieren").check();
  await page.getByRole("button", { name: "Importieren", exact: true }).click();
  await expect(page.getByRole("status")).toContainText(
    "Import abgeschlossen: 1 neu, 0 aktualisiert, 0 übersprungen, 6 ausgelassen;",
  );
  await page.goto("/unternehmen?q=Gute+Zeile");
  await expect(page.getByRole("link", { name: "Gute Zeile AG" })).toBeVisible();
  await page.goto("/unternehmen?q=Kalender");
  await expect(page.getByText("0 Einträge")).toBeVisible();
});

test("importing the usual list with contact persons creates them, with the last contact in the Verlauf", async ({
  page,
}) => {
  // The fixture's "Letzter Kontakt" days, in their order, moved relative to the test's today.
  const lastContact = germanDay(-30);
  const days = [lastContact, germanDay(-60), germanDay(-10)];
  const { readFile } = await import("node:fs/promises");
  const csv = (await readFile(fixture("mit-ansprechpartnern.csv"), "utf8")).replace(
    /\b\d{2}\.\d{2}\.\d{4}\b/g,
    () => days.shift() ?? germanDay(-1),
  );
  await loginAs(page, "vermittlung@lotse.example");
  await page.goto("/unternehmen/import");
  await page.getByLabel("Datei (CSV oder XLSX, höchstens 8 MB)").setInputFiles({
    name: "mit-ansprechpartnern.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(csv),
  });
  await page.getByRole("button", { name: "Hochladen und prüfen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "neu," })).toHaveText(
    "3 neu, 0 aktualisieren, 0 überspringen, 2 fehlerhaft",
  );
  const report = page.getByRole("region", { name: "Bericht" });
  // The company is still named in the report when only its contact's email is wrong.
  await expect(report.getByRole("row").filter({ hasText: "Elektro Funke" })).toContainText(
    "Ansprechperson: E-Mail: Bitte geben Sie eine gültige E-Mail-Adresse ein.",
  );
  await expect(report.getByRole("row").filter({ hasText: "Bäckerei Korn" })).toContainText(
    "Diese Ansprechperson steht schon in Zeile 2.",
  );
  await page.getByLabel("Fehlerhafte Zeilen auslassen und den Rest importieren").check();
  await page.getByRole("button", { name: "Importieren", exact: true }).click();
  await expect(page.getByRole("status")).toContainText(
    "Ansprechpersonen: 2 neu, 0 schon bekannt; 2 letzte Kontakte übernommen.",
  );

  await page.goto("/unternehmen?q=Malerbetrieb+Frisch");
  await expect(page.locator("tbody tr").first()).toContainText(lastContact);
  await page.getByRole("link", { name: "Malerbetrieb Frisch" }).click();
  await expect(page.getByRole("link", { name: "Schulze", exact: true })).toBeVisible();
  const verlauf = page.getByRole("region", { name: "Verlauf" });
  await expect(verlauf).toContainText("Import (letzter Kontakt aus einer Liste)");
  await expect(verlauf).toContainText(lastContact);
});

test("the company list downloads as CSV with its filters", async ({ page }) => {
  await loginAs(page, "leitung@lotse.example");
  await page.goto("/unternehmen?kreis=15003");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "CSV (Excel)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^unternehmen-\d{4}-\d{2}-\d{2}\.csv$/);
  const { readFile } = await import("node:fs/promises");
  const text = await readFile((await download.path())!, "utf8");
  const lines = text
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  expect(lines[0]).toContain("Name;Rechtsform");
  expect(lines.length).toBeGreaterThan(1);
  for (const line of lines.slice(1)) expect(line).toContain(";Magdeburg;");
});

test("a saved view reopens with its filters from the URL", async ({ page }) => {
  await loginAs(page, "coach@lotse.example");
  await page.goto("/unternehmen?status=partner&sort=lastContact&dir=desc");
  await page.getByText("Ansicht speichern oder löschen").click();
  await page.getByLabel("Name der Ansicht").fill("Partner nach Kontakt");
  await page.getByRole("button", { name: "Aktuelle Ansicht speichern" }).click();
  await expect(page.getByRole("status")).toContainText(
    "Ansicht „Partner nach Kontakt“ ist gespeichert.",
  );
  await page.goto("/unternehmen");
  // Saved views are in sight above the list, one click away.
  await page
    .getByRole("navigation", { name: "Gespeicherte Ansichten" })
    .getByRole("link", { name: "Partner nach Kontakt" })
    .click();
  await expect(page).toHaveURL(/status=partner/);
  await expect(page.getByRole("combobox", { name: "Status", exact: true })).toHaveValue("partner");
  await expect(page.getByRole("columnheader", { name: /Letzter Kontakt/ })).toHaveAttribute(
    "aria-sort",
    "descending",
  );
});
