import { expect, type Page, test } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { loginAs, waitForEmail } from "./helpers";

const codeFor = (secret: string) =>
  new TOTP({
    secret: Secret.fromBase32(secret.replace(/\s+/g, "")),
    digits: 6,
    period: 30,
  }).generate();

/** The admin invites a colleague, who sets her password by the emailed link. */
async function newColleague(admin: Page, rita: Page, name: string, email: string) {
  await loginAs(admin, "admin@lotse.example");
  await admin.goto("/verwaltung");
  await admin.getByLabel("Name").fill(name);
  await admin.getByLabel("E-Mail-Adresse").fill(email);
  await admin.getByLabel("Rolle", { exact: true }).selectOption("jobcoach");
  await admin.getByRole("button", { name: "Einladung senden" }).click();
  await expect(admin.getByRole("status")).toContainText(email);
  const mail = await waitForEmail(
    (m) => m.subject === "Ihre Einladung zu Lotse" && m.to[0]!.includes(email),
  );
  await rita.goto(/https?:\/\/\S+\/einladung\/[A-Za-z0-9_-]+/.exec(mail.text)![0]);
  await rita.getByLabel("Neues Passwort").fill("erstes-sicheres-passwort");
  await rita.getByLabel("Passwort wiederholen").fill("erstes-sicheres-passwort");
  await rita.getByRole("button", { name: "Zugang einrichten" }).click();
  await expect(rita.getByRole("heading", { level: 1, name: "Übersicht" })).toBeVisible();
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/anmelden");
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Passwort", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Anmelden" }).click();
}

test("a colleague sets up the second factor, signs in with a recovery code, and the admin resets it", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const admin = await (await browser.newContext()).newPage();
  const rita = await (await browser.newContext()).newPage();
  const email = "rita.zweifach@traeger.example";
  await newColleague(admin, rita, "Rita Zweifach", email);

  await rita.getByRole("link", { name: "Mein Konto" }).click();
  const factor = rita.getByRole("region", { name: "Anmeldung mit zweitem Faktor" });
  await expect(factor).toContainText("nicht eingerichtet");
  await factor.getByRole("button", { name: "Jetzt einrichten" }).click();
  await expect(
    factor.getByRole("img", { name: "QR-Code für die Authenticator-App" }),
  ).toBeVisible();
  const secret = (await factor.getByTestId("totp-secret").innerText()).trim();
  await factor.getByLabel("Code", { exact: true }).fill("000000");
  await factor.getByRole("button", { name: "Einrichten" }).click();
  await expect(factor.getByText("Der Code stimmt nicht oder wurde schon benutzt.")).toBeVisible();
  await factor.getByLabel("Code", { exact: true }).fill(codeFor(secret));
  await factor.getByRole("button", { name: "Einrichten" }).click();
  const codes = factor.getByRole("region", { name: "Ihre Wiederherstellungscodes" });
  await expect(codes.getByRole("listitem")).toHaveCount(10);
  const recovery = (await codes.getByRole("listitem").first().innerText()).trim();
  await expect(factor).toContainText("eingerichtet am");

  // Signing in now asks for a code after the password.
  await rita.context().clearCookies();
  await signIn(rita, email, "erstes-sicheres-passwort");
  await expect(rita.getByRole("heading", { name: "Bestätigungscode" })).toBeVisible();
  await rita.getByLabel("Code", { exact: true }).fill("111111");
  await rita.getByRole("button", { name: "Bestätigen" }).click();
  await expect(rita.getByText("Der Code stimmt nicht oder wurde schon benutzt.")).toBeVisible();
  // Without the phone: a recovery code, once.
  await rita.getByLabel("Code", { exact: true }).fill(recovery);
  await rita.getByRole("button", { name: "Bestätigen" }).click();
  await expect(rita.getByRole("heading", { level: 1, name: "Übersicht" })).toBeVisible();
  await rita.context().clearCookies();
  await signIn(rita, email, "erstes-sicheres-passwort");
  await rita.getByLabel("Code", { exact: true }).fill(recovery);
  await rita.getByRole("button", { name: "Bestätigen" }).click();
  await expect(rita.getByText("Der Code stimmt nicht oder wurde schon benutzt.")).toBeVisible();
  // The code page is nothing without the password step.
  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto("/anmelden/code");
  await expect(stranger).toHaveURL(/\/anmelden$/);

  // Phone lost: the admin resets it (audited); she signs in with her password alone again.
  await admin.goto("/verwaltung");
  await admin.getByRole("button", { name: "Zweiten Faktor zurücksetzen: Rita Zweifach" }).click();
  await expect(admin.getByRole("status")).toContainText(
    "Der zweite Faktor von Rita Zweifach ist zurückgesetzt",
  );
  await rita.context().clearCookies();
  await signIn(rita, email, "erstes-sicheres-passwort");
  await expect(rita.getByRole("heading", { level: 1, name: "Übersicht" })).toBeVisible();
});

test("a colleague who forgot her password sets a new one by the emailed link; the link works once", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const admin = await (await browser.newContext()).newPage();
  const rita = await (await browser.newContext()).newPage();
  const email = "rita.vergesslich@traeger.example";
  await newColleague(admin, rita, "Rita Vergesslich", email);
  await rita.context().clearCookies();

  await rita.goto("/anmelden");
  await rita.getByRole("link", { name: "Passwort vergessen?" }).click();
  await rita.getByLabel("E-Mail-Adresse").fill("niemand@traeger.example");
  await rita.getByRole("button", { name: "Link senden" }).click();
  const answer =
    "Wenn es ein Konto mit dieser Adresse gibt, ist ein Link zum Zurücksetzen unterwegs.";
  await expect(rita.getByRole("status")).toContainText(answer);
  await rita.goto("/passwort-vergessen");
  await rita.getByLabel("E-Mail-Adresse").fill(email);
  await rita.getByRole("button", { name: "Link senden" }).click();
  // The same answer for an address with an account.
  await expect(rita.getByRole("status")).toContainText(answer);

  const mail = await waitForEmail(
    (m) => m.subject === "Neues Passwort für Lotse" && m.to[0]!.includes(email),
  );
  const link = /https?:\/\/\S+\/passwort\/[A-Za-z0-9_-]+/.exec(mail.text)![0];
  await rita.goto(link);
  await rita.getByLabel("Neues Passwort").fill("kurz");
  await rita.getByLabel("Passwort wiederholen").fill("kurz");
  await rita.getByRole("button", { name: "Passwort speichern" }).click();
  await expect(rita.getByText("Das Passwort muss mindestens 12 Zeichen lang sein.")).toBeVisible();
  await rita.getByLabel("Neues Passwort").fill("zweites-sicheres-passwort");
  await rita.getByLabel("Passwort wiederholen").fill("zweites-sicheres-passwort");
  await rita.getByRole("button", { name: "Passwort speichern" }).click();
  await expect(rita.getByRole("status").first()).toContainText("Ihr Passwort ist geändert");

  await signIn(rita, email, "erstes-sicheres-passwort");
  await expect(rita.getByText("E-Mail-Adresse oder Passwort ist falsch.")).toBeVisible();
  await signIn(rita, email, "zweites-sicheres-passwort");
  await expect(rita.getByRole("heading", { level: 1, name: "Übersicht" })).toBeVisible();
  const again = await (await browser.newContext()).newPage();
  const res = await again.goto(link);
  expect(res?.status()).toBe(410);
  await expect(
    again.getByText("Dieser Link ist ungültig, abgelaufen oder wurde schon benutzt."),
  ).toBeVisible();
});

test("a coach subscribes to her follow-ups as a calendar; the renewed link replaces the old", async ({
  page,
}) => {
  await loginAs(page, "coach@lotse.example");
  await page.goto("/wiedervorlagen");
  const title = await page.locator("li.followup strong").first().innerText();
  await page.getByRole("link", { name: "Mein Konto" }).click();
  await page.getByRole("button", { name: "Abo-Link erstellen" }).click();
  const url = await page.getByLabel(/Ihr Abo-Link/).inputValue();
  expect(url).toMatch(/\/kalender\/[A-Za-z0-9_-]+\.ics$/);
  // The feed is read without a session, as a calendar app does.
  const feed = await page.request.get(new URL(url).pathname, { headers: { cookie: "" } });
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("text/calendar");
  const text = await feed.text();
  expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
  expect(text.replace(/\r\n /g, "")).toContain(`SUMMARY:Wiedervorlage: ${title}`);
  await page.getByRole("button", { name: "Abo-Link erneuern" }).click();
  await expect(page.getByLabel(/Ihr Abo-Link/)).not.toHaveValue(url);
  const renewed = await page.getByLabel(/Ihr Abo-Link/).inputValue();
  expect((await page.request.get(new URL(url).pathname)).status()).toBe(404);
  expect((await page.request.get(new URL(renewed).pathname)).status()).toBe(200);
});
