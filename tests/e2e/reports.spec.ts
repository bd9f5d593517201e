import { expect, test } from "@playwright/test";
import { loginAs } from "./helpers";

test("the lead reads targets and figures on the Übersicht and follows a number to its records", async ({
  page,
}) => {
  await loginAs(page, "leitung@lotse.example");
  await expect(page.getByRole("heading", { level: 2, name: /^Ziele: / })).toBeVisible();
  await expect(page.getByText("von 114")).toBeVisible();

  const figure = (label: string) =>
    page.locator(".figure").filter({ has: page.getByText(label, { exact: true }) });
  const entered = figure("eingetreten").getByRole("link");
  const count = await entered.innerText();
  await entered.click();
  await expect(page).toHaveURL(/\/teilnehmende\?.*eintritt_von=/);
  await expect(page.getByRole("status").filter({ hasText: "Eintritt" })).toBeVisible();
  await expect(page.getByText(`${count} Einträge`)).toBeVisible();

  await page.goBack();
  const informed = figure("Unternehmen informiert").getByRole("link");
  const informedCount = await informed.innerText();
  await informed.click();
  await expect(page).toHaveURL(/\/unternehmen\?.*informiert_von=/);
  await expect(page.getByText(`${informedCount} Einträge`)).toBeVisible();

  // Another period: the figures follow it.
  await page.goto("/uebersicht");
  await page.getByLabel("von", { exact: true }).fill("01.01.2020");
  await page.getByLabel("bis", { exact: true }).fill("31.12.2020");
  await page.getByRole("button", { name: "Anwenden" }).click();
  await expect(
    page.getByRole("heading", { name: "Im Zeitraum 01.01.2020 – 31.12.2020" }),
  ).toBeVisible();
  await expect(figure("eingetreten").getByRole("link")).toHaveText("0");
});

test("the lead produces the funder report for a period and downloads the ESF export", async ({
  page,
}) => {
  await loginAs(page, "leitung@lotse.example");
  await page.getByRole("link", { name: "Berichte" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Sachbericht: MiKA-plus II");
  await page.getByLabel("von", { exact: true }).fill("01.01.2025");
  await page.getByLabel("bis", { exact: true }).fill("31.12.2026");
  await page.getByRole("button", { name: "Anwenden" }).click();
  await expect(page.getByText("Berichtszeitraum 01.01.2025 – 31.12.2026")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Nach Landkreisen" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Durchgeführte Veranstaltungen" })).toBeVisible();
  await expect(
    page
      .getByRole("table")
      .filter({ hasText: "Infoveranstaltung Teilzeitausbildung für Unternehmen" }),
  ).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "ESF-Monitoring (CSV)" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("esf-monitoring-2025-01-01-2026-12-31.csv");
  const csv = await (await download.createReadStream()).toArray();
  const text = Buffer.concat(csv).toString("utf8");
  const lines = text
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  expect(lines[0]).toBe(
    "Kennung;Eintritt;Austritt;Geschlecht;Altersgruppe bei Eintritt;Erwerbsstatus bei Eintritt;Bildungsstand (ISCED);Verbleib bei Austritt",
  );
  expect(lines.length).toBeGreaterThan(10);
  expect(lines[1]).toMatch(/^TN-[A-Z0-9]{10};\d{2}\.\d{2}\.\d{4};/);

  const [xlsx] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "ESF-Monitoring (Excel)" }).click(),
  ]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
});
