import { expect, test } from "@playwright/test";
import { loginAs } from "./helpers";

test("a contact is added on the company page, moves to another company with history, and gives consent", async ({
  page,
}) => {
  await loginAs(page, "leitung@lotse.example");
  await page.goto("/unternehmen?q=Autohaus");
  const link = page.locator("tbody tr").first().getByRole("link").first();
  const first = await link.innerText();
  await link.click();
  await expect(page.getByRole("heading", { level: 1, name: first })).toBeVisible();
  await page.getByRole("link", { name: "Ansprechpartner:in hinzufügen" }).click();

  await page.getByLabel("Vorname").fill("Greta");
  await page.getByLabel("Nachname").fill("Neumann");
  await page.getByLabel("E-Mail").fill("greta.neumann");
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByText("Bitte geben Sie eine gültige E-Mail-Adresse ein.")).toBeVisible();
  await expect(page.getByLabel("Vorname")).toHaveValue("Greta");
  await page.getByLabel("E-Mail").fill("greta.neumann@autohaus.example");
  await page.getByLabel("Funktion").fill("Ausbildungsleitung");
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByRole("status")).toContainText("Greta Neumann ist angelegt.");
  await page.getByRole("link", { name: "Greta Neumann" }).click();

  await expect(page.getByText("Keine Einwilligung erfasst")).toBeVisible();
  await page.getByText("Einwilligung erfassen").click();
  await page.getByLabel("Wie?").selectOption({ label: "per E-Mail" });
  await page.getByRole("button", { name: "Einwilligung speichern" }).click();
  await expect(page.getByRole("status")).toContainText("Einwilligung ist erfasst.");
  await expect(
    page.getByText(/Erteilt am .* \(per E-Mail\), erfasst von Petra Lindner/),
  ).toBeVisible();

  await page.getByRole("link", { name: "Bearbeiten" }).click();
  await page.waitForURL(/\/bearbeiten$/);
  const companySelect = page.getByLabel("Unternehmen", { exact: true });
  await expect(companySelect).not.toHaveValue("");
  const options = await companySelect.locator("option").allInnerTexts();
  const target = options.find((o) => o.startsWith("Bäckerei")) ?? options[2]!;
  await companySelect.selectOption({ label: target });
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByRole("status")).toContainText(
    "Änderungen an Greta Neumann sind gespeichert.",
  );
  const history = page.getByRole("region", { name: "Unternehmen (Verlauf)" });
  await expect(history.getByRole("listitem")).toHaveCount(2);
  await expect(history.getByRole("listitem").nth(1)).toContainText(first);
  await expect(history.getByRole("listitem").nth(1)).toContainText(" – ");

  // Withdrawing the email consent says what it stops.
  await page.getByRole("button", { name: "Widerruf erfassen" }).click();
  await expect(page.getByRole("status")).toContainText(
    "Diese Person erhält keine Einladungen per E-Mail mehr.",
  );
});

test("a call is logged from the contact's own page: an empty entry is refused, a saved one is marked and the form starts afresh", async ({
  page,
}) => {
  await loginAs(page, "coach@lotse.example");
  await page.goto("/kontakte");
  const link = page.locator("tbody tr").first().getByRole("link").first();
  // The list shows "Nachname, Vorname".
  const lastName = (await link.innerText()).split(",")[0] ?? "";
  await link.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(lastName);
  await expect(
    page.getByRole("link", { name: /^Anrufen|^E-Mail schreiben/ }).first(),
  ).toBeVisible();

  // One tab stop for the date: a German text field, not a picker of three parts.
  const date = page.getByLabel("Datum");
  await expect(date).toHaveAttribute("placeholder", "TT.MM.JJJJ");
  await date.focus();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("über Teilzeitausbildung informiert")).toBeFocused();

  await page.getByRole("button", { name: "Kontakt speichern" }).click();
  await expect(
    page.getByText("Bitte ein Thema ankreuzen oder kurz notieren, worum es ging."),
  ).toBeVisible();
  await page.getByLabel("Notizen").fill("Rückruf wegen Praktikumsplatz im Frühjahr");
  await page.getByRole("button", { name: "Kontakt speichern" }).click();
  await expect(page.getByRole("status").filter({ hasText: "ist erfasst" })).toBeVisible();
  const marked = page.locator(".timeline-new");
  await expect(marked).toContainText("gerade erfasst");
  await expect(marked).toContainText("Rückruf wegen Praktikumsplatz im Frühjahr");
  await expect(marked).toContainText(lastName);
  await expect(page.getByLabel("Notizen")).toHaveValue("");
});

test("the lead invites contacts ticked on the contact list to an event: the invitation page lists just them", async ({
  page,
}) => {
  await loginAs(page, "leitung@lotse.example");
  await page.goto("/kontakte");
  const rows = page.locator("tbody tr");
  await rows.nth(0).getByRole("checkbox").check();
  await rows.nth(1).getByRole("checkbox").check();
  const bulk = page.getByRole("form", { name: "Für die ausgewählten Zeilen" });
  await bulk.getByLabel("Aktion").selectOption({ label: "Zu Veranstaltung einladen" });
  const event = bulk.getByLabel("Veranstaltung (zum Einladen)");
  const firstEvent = await event.locator("option").nth(1).innerText();
  await event.selectOption({ index: 1 });
  await bulk.getByRole("button", { name: "Ausführen" }).click();
  await expect(page).toHaveURL(/\/einladen\?kontakte=.+&kontakte=/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(
    firstEvent.replace(/^\d{2}\.\d{2}\.\d{4} /, ""),
  );
  await expect(
    page.getByText("Nur die 2 in der Kontaktliste ausgewählten Personen."),
  ).toBeVisible();
  expect(await page.locator(".recipient-list li").count()).toBeLessThanOrEqual(2);
});
