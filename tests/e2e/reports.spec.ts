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
