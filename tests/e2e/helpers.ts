import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo-lotse-2026";

export async function loginAs(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/anmelden");
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Passwort").fill(password);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Übersicht" })).toBeVisible();
}

/** Collects CSP violations and page errors, so a test can assert there were none. */
export function watchConsole(page: Page) {
  const problems: string[] = [];
  page.on("console", (m) => {
    // A deliberately requested 403/404 page is logged by Chromium as a failed resource; that is expected.
    if (m.type() === "error" && !/status of 40[34]/.test(m.text())) problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(e.message));
  return problems;
}
