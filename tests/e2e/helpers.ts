import { expect, type Page } from "@playwright/test";
import { addDays, type Day, formatDay, today } from "../../app/lib/day";
import { tn } from "../../app/messages";

export const DEMO_PASSWORD = "demo-lotse-2026";

/** A day relative to the test's today (Berlin), the app's clock being the real one. */
export const dayFromToday = (offset = 0): Day => addDays(today(), offset);
/** The same day as a user types it (TT.MM.JJJJ). */
export const germanDay = (offset = 0) => formatDay(dayFromToday(offset));
/** A list's count line as the app writes it ("1 Eintrag", "12 Einträge"), from a shown number. */
export const entries = (shown: string) => tn("table.count", Number(shown.replace(/\./g, "")));
/** The current year in Berlin. */
export const thisYear = () => Number(today().slice(0, 4));

export async function loginAs(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/anmelden");
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Passwort").fill(password);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Übersicht" })).toBeVisible();
}

/** Signs out and waits until the server has ended the session (the login page says so). */
export async function logout(page: Page) {
  await page.getByRole("button", { name: "Abmelden" }).click();
  await expect(page.getByText("Sie haben sich abgemeldet.")).toBeVisible();
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

const RESEND = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 1}`;
export type Delivered = {
  to: string[];
  subject: string;
  text: string;
  attachments?: { filename: string }[];
};

/** Waits until the fake Resend API has received an email matching `match`. */
export async function waitForEmail(match: (m: Delivered) => boolean): Promise<Delivered> {
  for (let i = 0; i < 60; i++) {
    const all = (await (await fetch(`${RESEND}/_delivered`)).json()) as Delivered[];
    const found = all.find(match);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("E-Mail ist nicht angekommen");
}
