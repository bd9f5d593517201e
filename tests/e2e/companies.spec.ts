import { expect, test } from "@playwright/test";
import { dayFromToday, germanDay, loginAs } from "./helpers";

test("a coach logs a call with a follow-up from the company page, then completes it in Meine Wiedervorlagen", async ({
  page,
}) => {
  await loginAs(page, "coach@lotse.example");
  await page.goto("/unternehmen");
  await page.getByLabel("Suche nach Name, Ort oder PLZ").fill("Autohaus");
  await page.getByRole("button", { name: "Anwenden" }).click();
  await expect(page.locator("tbody tr").first()).toContainText("Autohaus");
  const firstLink = page.locator("tbody tr").first().getByRole("link").first();
  const companyName = await firstLink.innerText();
  await firstLink.click();
  await expect(page.getByRole("heading", { level: 1, name: companyName })).toBeVisible();

  // Keyboard: Alt+K jumps to the form.
  await page.keyboard.press("Alt+k");
  await expect(page.getByLabel("Art", { exact: true })).toBeFocused();
  await page.getByLabel("über Teilzeitausbildung informiert").check();
  await page.getByLabel("Ergebnis").fill("Offen für 30-Stunden-Modell");
  const due = germanDay(45);
  await page.getByLabel("Fällig am").fill(dayFromToday(45));
  await page.getByLabel("Worum geht es?").fill("Infomappe Teilzeitausbildung nachfassen");
  await page.getByRole("button", { name: "Kontakt speichern" }).click();
  await expect(page.getByRole("status")).toContainText(
    `Kontakt mit ${companyName} ist erfasst, Wiedervorlage am ${due}.`,
  );
  const timeline = page.getByRole("region", { name: "Verlauf" });
  await expect(timeline.getByText("Offen für 30-Stunden-Modell")).toBeVisible();
  await expect(timeline.getByText("über Teilzeitausbildung informiert").first()).toBeVisible();
  await expect(page.getByText("Über Teilzeitausbildung informiert am")).toBeVisible();

  await page.goto("/wiedervorlagen");
  const row = page
    .locator("li.followup")
    .filter({ hasText: "Infomappe Teilzeitausbildung nachfassen" });
  await expect(row).toContainText(due);
  await row
    .getByRole("button", { name: "Erledigt: Infomappe Teilzeitausbildung nachfassen" })
    .click();
  await expect(page.getByRole("status").first()).toContainText("ist erledigt");
  await expect(
    page.locator("li.followup").filter({ hasText: "Infomappe Teilzeitausbildung nachfassen" }),
  ).toHaveCount(0);
});

test("a wrong entry in the contact log keeps what was typed", async ({ page }) => {
  await loginAs(page, "coach@lotse.example");
  await page.goto("/unternehmen");
  await page.locator("tbody tr").first().getByRole("link").first().click();
  await page.getByLabel("Notizen").fill("Langes Gespräch mit der Inhaberin");
  await page.getByLabel("Datum").fill("");
  await page.getByRole("button", { name: "Kontakt speichern" }).click();
  await expect(page.getByText("Bitte füllen Sie dieses Feld aus.")).toBeVisible();
  await expect(page.getByLabel("Notizen")).toHaveValue("Langes Gespräch mit der Inhaberin");
});

test("creating a company in a PLZ that crosses a district border asks for the district", async ({
  page,
}) => {
  await loginAs(page, "vermittlung@lotse.example");
  await page.goto("/unternehmen/neu");
  await page.getByLabel("Name").fill("Gärtnerei Sonnenblume");
  await page.getByLabel("PLZ").fill("39517");
  await page.getByLabel("Website").fill("javascript:alert(1)");
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(
    page.getByText("Bitte geben Sie eine Web-Adresse mit http:// oder https:// ein."),
  ).toBeVisible();
  await page.getByLabel("Website").fill("www.sonnenblume.example");
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByText(/Die PLZ 39517 liegt in mehreren Landkreisen/)).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue("Gärtnerei Sonnenblume");
  await page.getByLabel("Landkreis").selectOption({ label: "Landkreis Stendal" });
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Gärtnerei Sonnenblume" }),
  ).toBeVisible();
  await expect(page.getByText("Landkreis Stendal")).toBeVisible();
  await expect(page.getByRole("link", { name: "https://www.sonnenblume.example" })).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the company form and its server-side checks work as a plain form", async ({ page }) => {
    await page.goto("/anmelden");
    await page.getByLabel("E-Mail-Adresse").fill("leitung@lotse.example");
    await page.getByLabel("Passwort").fill("demo-lotse-2026");
    await page.getByRole("button", { name: "Anmelden" }).click();
    await page.goto("/unternehmen/neu");
    await page.getByLabel("Name").fill("Pflegedienst Ohne Skript");
    await page.getByLabel("PLZ").fill("3910");
    await page.getByRole("button", { name: "Speichern" }).click();
    await expect(
      page.getByText("Bitte geben Sie eine deutsche Postleitzahl mit 5 Ziffern ein."),
    ).toBeVisible();
    await expect(page.getByLabel("Name")).toHaveValue("Pflegedienst Ohne Skript");
    await page.getByLabel("PLZ").fill("39104");
    await page.getByRole("button", { name: "Speichern" }).click();
    await expect(
      page.getByRole("heading", { level: 1, name: "Pflegedienst Ohne Skript" }),
    ).toBeVisible();
  });
});

test("two people edit the same company: the second save is refused and shows what changed", async ({
  page,
  browser,
}) => {
  await loginAs(page, "leitung@lotse.example");
  await page.goto("/unternehmen");
  await page.locator("tbody tr").nth(2).getByRole("link").first().click();
  await page.waitForURL(/\/unternehmen\/[^/?]+$/);
  const url = page.url();
  await page.getByRole("link", { name: "Bearbeiten" }).click();

  const other = await (await browser.newContext()).newPage();
  await loginAs(other, "vermittlung@lotse.example");
  await other.goto(`${url}/bearbeiten`);
  await other.getByLabel("Telefon").fill("0391 555000");
  await other.getByRole("button", { name: "Speichern" }).click();
  await expect(other.getByRole("status")).toContainText("sind gespeichert");

  await page.getByLabel("Notizen").fill("Meine wichtige Notiz");
  await page.getByRole("button", { name: "Speichern" }).click();
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("inzwischen von Miriam Schulze geändert");
  await expect(alert).toContainText("Telefon: jetzt „0391 555000“");
  await expect(page.getByLabel("Notizen")).toHaveValue("Meine wichtige Notiz");
  // Saving again takes over the shown state deliberately.
  await page.getByLabel("Telefon").fill("0391 555000");
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByRole("status")).toContainText("sind gespeichert");
  await expect(page.getByText("Meine wichtige Notiz")).toBeVisible();
});

test("moving a company on the kanban board, by keyboard and by drag and drop", async ({ page }) => {
  await loginAs(page, "vermittlung@lotse.example");
  await page.goto("/unternehmen/pipeline");
  const neu = page.getByRole("region", { name: /^Neu/ });
  const card = neu.locator("li.card").first();
  const name = await card.getByRole("link").innerText();
  await card.getByRole("combobox").selectOption({ label: "Interessiert" });
  await card.getByRole("button", { name: "Status ändern" }).click();
  await expect(page.getByRole("status")).toContainText(`${name} steht jetzt auf „Interessiert“.`);
  await expect(
    page.getByRole("region", { name: /^Interessiert/ }).getByRole("link", { name, exact: true }),
  ).toBeVisible();

  const source = page
    .getByRole("region", { name: /^Kontaktiert/ })
    .locator("li.card")
    .first();
  const dragged = await source.getByRole("link").innerText();
  // A column in view: scrolling the board mid-drag would move other cards under the mouse.
  await source.dragTo(page.getByRole("heading", { name: /^Informiert/ }), {
    sourcePosition: { x: 6, y: 6 },
  });
  await expect(
    page
      .getByRole("region", { name: /^Informiert/ })
      .getByRole("link", { name: dragged, exact: true }),
  ).toBeVisible();
  await page.reload();
  await expect(
    page
      .getByRole("region", { name: /^Informiert/ })
      .getByRole("link", { name: dragged, exact: true }),
  ).toBeVisible();
});

test("the header search finds companies and contacts as you type, despite umlauts and typos", async ({
  page,
}) => {
  await loginAs(page, "coach@lotse.example");
  const box = page.getByRole("combobox", { name: "Unternehmen, Kontakte und Teilnehmende suchen" });
  await box.fill("mueller");
  const list = page.getByRole("listbox", { name: "Suche" });
  await expect(list.getByRole("option").first()).toContainText("Müller");
  await box.press("ArrowDown");
  await box.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Müller");

  await box.fill("Autohuas");
  await expect(list.getByRole("option").first()).toContainText("Autohaus");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/suche\?q=Autohuas/);
  await expect(page.getByRole("link", { name: /Autohaus/ }).first()).toBeVisible();
});

test("a duplicate is flagged on create, created deliberately, and merged back from the company page", async ({
  page,
}) => {
  await loginAs(page, "leitung@lotse.example");
  await page.goto("/unternehmen/neu");
  await page.getByLabel("Name", { exact: true }).fill("Friseursalon Haarmonie");
  await page.getByLabel("PLZ").fill("39108");
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Friseursalon Haarmonie" }),
  ).toBeVisible();
  const keptUrl = page.url();

  await page.goto("/unternehmen/neu");
  await page.getByLabel("Name", { exact: true }).fill("Friseursalon Harmonie");
  await page.getByLabel("PLZ").fill("39108");
  await page.getByLabel("Telefon").fill("0391 444555");
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByRole("alert")).toContainText(
    "sehr ähnlichen Namen gibt es in dieser PLZ schon",
  );
  await expect(page.getByRole("link", { name: "Friseursalon Haarmonie" })).toBeVisible();
  await page.getByLabel("Trotzdem als neues Unternehmen anlegen").check();
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Friseursalon Harmonie" }),
  ).toBeVisible();

  await page.goto(keptUrl);
  const dups = page.getByRole("region", { name: "Mögliche Dubletten" });
  await expect(dups).toContainText("Friseursalon Harmonie");
  await dups.getByRole("button", { name: "Hierher zusammenführen" }).click();
  await expect(page.getByRole("status")).toContainText(
    "„Friseursalon Harmonie“ ist in „Friseursalon Haarmonie“ zusammengeführt.",
  );
  await expect(page.getByRole("link", { name: "0391 444555", exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Mögliche Dubletten" })).toHaveCount(0);
});

test("the lead tags the rows of a filtered list and hands all of them to a coach in two bulk actions", async ({
  page,
}) => {
  test.setTimeout(60_000);
  await loginAs(page, "leitung@lotse.example");
  await page.goto("/unternehmen?q=Autohaus");
  const rows = page.locator("tbody tr");
  const count = await rows.count();
  expect(count).toBeGreaterThan(1);

  // Tick two rows, tag them.
  await rows.nth(0).getByRole("checkbox").check();
  await rows.nth(1).getByRole("checkbox").check();
  const bulk = page.getByRole("form", { name: "Für die ausgewählten Zeilen" });
  await bulk.getByLabel("Aktion").selectOption({ label: "Schlagwort hinzufügen" });
  await bulk.getByLabel("Schlagwort").fill("Messe 2027");
  await bulk.getByRole("button", { name: "Ausführen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "geändert" })).toContainText(
    "2 Zeilen geändert.",
  );
  await expect(page).toHaveURL(/q=Autohaus/);
  await page.goto("/unternehmen?schlagwort=Messe+2027");
  await expect(page.locator("tbody tr")).toHaveCount(2);

  // Every row of the filter, not only the ticked ones: all Autohaus companies to Jonas Becker.
  await page.goto("/unternehmen?q=Autohaus");
  await bulk.getByLabel(/Zeilen dieser Filterung/).check();
  await bulk.getByLabel("Aktion").selectOption({ label: "Zuständig ändern" });
  await bulk.getByLabel("Person (für Zuständig/Coach)").selectOption({ label: "Jonas Becker" });
  await bulk.getByRole("button", { name: "Ausführen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "geändert" })).toBeVisible();
  const owners = await page
    .locator("tbody tr td:last-child")
    .evaluateAll((tds) => tds.map((td) => td.closest("tr")?.textContent ?? ""));
  expect(owners).toHaveLength(count);
  for (const row of owners) expect(row).toContain("Jonas Becker");

  // Nothing ticked: refused with a message, nothing changed.
  await bulk.getByLabel("Aktion").selectOption({ label: "Status ändern" });
  await bulk.getByRole("button", { name: "Ausführen" }).click();
  await expect(
    page.getByText("Bitte mindestens eine Zeile ankreuzen oder alle Zeilen der Filterung wählen."),
  ).toBeVisible();
});
