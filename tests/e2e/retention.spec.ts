import { expect, test } from "@playwright/test";
import { dayFromToday, germanDay, loginAs } from "./helpers";

test("the lead enters a project's last payment and sees until when its evidence is kept, and reads the deletion rules", async ({
  page,
}) => {
  await loginAs(page, "leitung@lotse.example");
  await page.goto("/berichte/projekte");
  const row = page.locator("tbody tr").first();
  await expect(row).toContainText("letzte Zahlung offen");
  await row.getByRole("link").first().click();

  // A payment in the future is refused at the field; the other values stay.
  const name = await page.getByLabel("Name", { exact: true }).inputValue();
  await page.getByLabel("Letzte Zahlung des Fördermittelgebers").fill(germanDay(3));
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(
    page.getByText("Die letzte Zahlung kann nicht in der Zukunft liegen."),
  ).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(name);

  const paid = dayFromToday(-10);
  await page.getByLabel("Letzte Zahlung des Fördermittelgebers").fill(germanDay(-10));
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByRole("status").first()).toContainText(name);
  await expect(page.getByRole("row").filter({ hasText: name })).toContainText(
    `31.12.${Number(paid.slice(0, 4)) + 5}`,
  );

  await page.getByRole("link", { name: "Löschregeln" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Löschregeln" })).toBeVisible();
  const evidence = page.getByRole("region", { name: "ESF-Nachweise der Teilnahme" });
  await expect(evidence).toContainText("60 Monate");
  await expect(evidence).toContainText("Art. 82 VO (EU) 2021/1060");
  await expect(evidence).toContainText("Heute fällig (Vorschau)");
  await expect(
    page.getByRole("region", { name: "Name und Kontaktdaten der Teilnehmenden" }),
  ).toContainText("Austritt aus dem Projekt");
});

test("a coach does not reach the deletion rules", async ({ page }) => {
  await loginAs(page, "coach@lotse.example");
  const response = await page.goto("/verwaltung/loeschregeln");
  expect(response?.status()).toBe(403);
});

test("the lead puts a participant under a legal hold and lifts it again", async ({ page }) => {
  await loginAs(page, "leitung@lotse.example");
  await page.goto("/teilnehmende");
  await page.locator("tbody tr").first().getByRole("link").first().click();
  const holds = page.getByRole("region", { name: "Aufbewahrungssperre" });
  await expect(holds).toContainText("Keine Sperre.");
  await holds.getByText("Sperre setzen", { exact: true }).first().click();
  await holds.getByLabel("Bis (leer: bis zur Aufhebung)").fill(germanDay(-1));
  await holds.getByLabel("Grund").fill("Prüfung durch den Fördermittelgeber");
  await holds.getByRole("button", { name: "Sperre setzen" }).click();
  await expect(
    holds.getByText("Das Ende der Sperre kann nicht in der Vergangenheit liegen."),
  ).toBeVisible();
  await holds.getByLabel("Bis (leer: bis zur Aufhebung)").fill("");
  await holds.getByRole("button", { name: "Sperre setzen" }).click();
  await expect(page.getByRole("status").first()).toContainText("Aufbewahrungssperre ist gesetzt");
  await expect(holds).toContainText("gilt: Prüfung durch den Fördermittelgeber");

  await holds.getByRole("button", { name: "Sperre aufheben" }).click();
  await expect(page.getByRole("status").first()).toContainText("aufgehoben");
  await expect(holds).toContainText(
    "aufgehoben oder abgelaufen: Prüfung durch den Fördermittelgeber",
  );
});
