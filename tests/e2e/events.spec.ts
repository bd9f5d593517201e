import { expect, type Page, test } from "@playwright/test";
import { tn } from "../../app/messages";
import { germanDay, loginAs, waitForEmail } from "./helpers";

async function createEvent(page: Page, title: string) {
  await page.goto("/veranstaltungen");
  await page.getByRole("link", { name: "Neue Veranstaltung" }).click();
  await page.getByLabel("Titel").fill(title);
  await page.getByLabel("Datum").fill(germanDay(14));
  await page.getByLabel("Beginn (Uhrzeit)").fill("17:00");
  await page.getByLabel("Ende (Uhrzeit)").fill("16:00");
  await page.getByLabel("Ort", { exact: true }).fill("Bildungszentrum Staßfurt");
  await page.getByLabel("Plätze").fill("30");
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByText("Das Ende muss nach dem Beginn liegen.")).toBeVisible();
  await expect(page.getByLabel("Titel")).toHaveValue(title);
  await page.getByLabel("Ende (Uhrzeit)").fill("19:00");
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

test("the lead invites contacts to an information session; a guest registers by personal link, is checked in, and the company counts as informed", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const title = `Infoabend Teilzeitausbildung ${Date.now()}`;
  await loginAs(page, "leitung@lotse.example");
  await createEvent(page, title);

  await page.getByRole("link", { name: "Einladen" }).click();
  await page.getByLabel("Status").selectOption({ label: "Kontaktiert" });
  await page.getByRole("button", { name: "Anzeigen" }).click();
  await expect(page).toHaveURL(/status=kontaktiert/);
  const summary = await page
    .getByRole("status")
    .filter({ hasText: "Ansprechpersonen" })
    .innerText();
  const count = Number(/(\d+) Ansprechperson/.exec(summary)![1]);
  expect(count).toBeGreaterThan(0);
  expect(count).toBeGreaterThan(1);
  // Those left out stand in a block of their own, apart from the recipients.
  await expect(
    page
      .getByRole("region", { name: "Nicht eingeladen werden" })
      .getByText(/ohne Einwilligung in E-Mail-Einladungen/),
  ).toBeVisible();
  await expect(page.getByText(`Einladung: ${title}`)).toBeVisible();
  // One recipient is taken out by hand, a personal line is added, then the count is confirmed.
  const recipients = page.getByRole("region", { name: "Empfängerinnen und Empfänger" });
  const boxes = recipients.getByRole("checkbox");
  await expect(boxes).toHaveCount(count);
  await boxes.first().uncheck();
  await page
    .getByLabel(/Persönlicher Text/)
    .fill("Gern beantworten wir auch Fragen zur Kinderbetreuung.");
  await page.getByRole("button", { name: "Weiter: Auswahl prüfen" }).click();
  const confirm = page.getByRole("region", { name: "Bitte bestätigen" });
  await expect(confirm).toContainText(tn("invitation.confirm", count - 1));
  await expect(confirm).toContainText("Gern beantworten wir auch Fragen zur Kinderbetreuung.");
  expect(await page.getByRole("button", { name: tn("invitation.send", count) }).count()).toBe(0);
  await page.getByRole("button", { name: tn("invitation.send", count - 1) }).click();
  await expect(page.getByRole("status").first()).toContainText(tn("invitation.sent", count - 1));

  const invitation = await waitForEmail((m) => m.subject === `Einladung: ${title}`);
  const link = /https?:\/\/\S+\?t=[A-Za-z0-9_-]+/.exec(invitation.text)![0];
  const guestEmail = /<([^>]+)>/.exec(invitation.to[0]!)![1]!;

  // The guest, without an account, in a fresh browser.
  const guest = await (await browser.newContext()).newPage();
  await guest.goto(link);
  await expect(guest.getByRole("heading", { level: 1 })).toContainText(title);
  await expect(guest.getByLabel("E-Mail", { exact: true })).toHaveValue(guestEmail);
  const guestName = await guest.getByLabel("Name", { exact: true }).inputValue();
  const companyName = await guest.getByLabel("Unternehmen / Einrichtung").inputValue();
  await guest.getByRole("button", { name: "Verbindlich anmelden" }).click();
  await expect(
    guest.getByText("Bitte stimmen Sie der Speicherung Ihrer Angaben zu."),
  ).toBeVisible();
  await guest.getByLabel(/Ich bin einverstanden/).check();
  await guest.getByRole("button", { name: "Verbindlich anmelden" }).click();
  await expect(guest.getByRole("status")).toContainText("Ihre Anmeldung ist eingegangen");

  const confirmation = await waitForEmail(
    (m) => m.subject === `Anmeldebestätigung: ${title}` && m.to[0]!.includes(guestEmail),
  );
  expect(confirmation.attachments?.[0]?.filename).toBe("termin.ics");
  expect(confirmation.text).toMatch(/\/abmelden\//);

  // Before the day, attendance cannot be recorded yet.
  await page.goto("/veranstaltungen");
  await page.getByRole("link", { name: title }).click();
  await page.getByText(/^Einladungen \(\d+\)$/).click();
  await expect(page.locator("li").filter({ hasText: guestEmail })).toContainText("gesendet");
  const row = page.locator(".registration-list li").filter({ hasText: guestName });
  await expect(row).toContainText("Einladung");
  await expect(row.getByRole("button", { name: `${guestName}: anwesend` })).toHaveCount(0);
  await expect(page.getByText(/Die Anwesenheit wird ab dem Veranstaltungstag/)).toBeVisible();

  // The event moves to today (all day): now the guest is checked in, and a walk-in is added.
  await page.getByRole("link", { name: "Bearbeiten" }).click();
  await page.getByLabel("Datum").fill(germanDay(0));
  await page.getByLabel("Beginn (Uhrzeit)").fill("00:00");
  await page.getByLabel("Ende (Uhrzeit)").fill("23:59");
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  // The toast about the saved change sits over the list's buttons at the bottom right.
  await page.getByRole("button", { name: "Meldung schließen" }).click();
  await row.getByRole("button", { name: `${guestName}: anwesend` }).click();
  await expect(page.getByRole("status").first()).toContainText("Anwesenheit ist gespeichert.");
  await page.getByText("Ohne Anmeldung gekommen? Hier nachtragen").click();
  await page.getByLabel("Name", { exact: true }).fill("Vera Vorort");
  await page.getByLabel("Unternehmen / Einrichtung").fill("Kita Sonnenschein");
  await page.getByLabel("Funktion").fill("Leitung");
  await page.getByRole("button", { name: "Als anwesend nachtragen" }).click();
  await expect(page.getByRole("status").first()).toContainText(
    "Vera Vorort ist als anwesend nachgetragen.",
  );
  await page.getByRole("link", { name: "Teilnahmeliste" }).click();
  const list = page.getByRole("table", { name: "Teilnahmeliste" });
  await expect(list.getByRole("row").filter({ hasText: "Vera Vorort" })).toContainText(
    "Kita Sonnenschein",
  );
  await expect(list.getByRole("row").filter({ hasText: guestName })).toContainText(companyName);
  await expect(list.locator(".walk-in-row")).toHaveCount(8);
  await expect(page.getByRole("button", { name: "Drucken" })).toBeVisible();

  // The company now counts as informed about part-time apprenticeship.
  await page.goto(`/unternehmen?q=${encodeURIComponent(companyName)}`);
  await page.getByRole("link", { name: companyName, exact: true }).first().click();
  await expect(page.locator(".page-head .status")).toHaveText("Informiert");
  await expect(page.getByText("Über Teilzeitausbildung informiert am")).toBeVisible();
  await expect(page.getByText("noch nicht informiert")).toHaveCount(0);
});

test("public registration: waiting list when full, the same email once, the honeypot stores nothing; a cancelled event tells its guests", async ({
  page,
  browser,
}) => {
  const title = `Ausbildungsstammtisch ${Date.now()}`;
  await loginAs(page, "leitung@lotse.example");
  await createEvent(page, title);
  await page.getByRole("link", { name: "Bearbeiten" }).click();
  await page.getByLabel("Plätze").fill("1");
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const publicUrl = await page.getByRole("link", { name: /\/anmeldung\// }).innerText();

  const guest = await (await browser.newContext()).newPage();
  const register = async (name: string, email: string) => {
    await guest.goto(publicUrl);
    await guest.getByLabel("Name", { exact: true }).fill(name);
    await guest.getByLabel("E-Mail", { exact: true }).fill(email);
    await guest.getByLabel(/Ich bin einverstanden/).check();
    await guest.getByRole("button", { name: "Verbindlich anmelden" }).click();
    return guest.getByRole("status").innerText();
  };
  // The public page names the Träger, the free places and the required fields.
  await guest.goto(publicUrl);
  await expect(guest.getByText("noch 1 Platz frei")).toBeVisible();
  await expect(guest.getByText(/^Veranstalter: /)).toBeVisible();
  await expect(guest.getByRole("link", { name: "Datenschutz" })).toBeVisible();
  await expect(guest.getByText("Pflichtangaben sind mit * markiert.")).toBeVisible();
  expect(await register("Erika Erste", "erika@erste.example")).toContain(
    "Anmeldung ist eingegangen",
  );
  expect(guest.url()).not.toContain("?index");
  await guest.goto(publicUrl);
  await expect(guest.getByText("ausgebucht – Sie kommen auf die Warteliste")).toBeVisible();
  // Full, or already registered: the page answers the same; the mailbox learns which.
  expect(await register("Zora Zweite", "zora@zweite.example")).toContain(
    "Anmeldung ist eingegangen",
  );
  expect(await register("Erika Erste", "erika@erste.example")).toContain(
    "Anmeldung ist eingegangen",
  );
  await waitForEmail(
    (m) =>
      m.subject === `Sie sind bereits angemeldet: ${title}` &&
      m.to[0]!.includes("erika@erste.example"),
  );
  await waitForEmail(
    (m) => m.subject === `Warteliste: ${title}` && m.to[0]!.includes("zora@zweite.example"),
  );

  // A bot fills the hidden field: it is thanked, and nothing is stored.
  await guest.goto(publicUrl);
  await guest.getByLabel("Name", { exact: true }).fill("Bot");
  await guest.getByLabel("E-Mail", { exact: true }).fill("bot@spam.example");
  await guest.getByLabel(/Ich bin einverstanden/).check();
  await guest.locator("#f-website").fill("http://spam.example", { force: true });
  await guest.getByRole("button", { name: "Verbindlich anmelden" }).click();
  await expect(guest.getByRole("status")).toContainText("Anmeldung ist eingegangen");

  await page.reload();
  await expect(page.getByRole("region", { name: /Angemeldet/ })).toContainText("Erika Erste");
  await expect(page.getByRole("region", { name: /Warteliste/ })).toContainText("Zora Zweite");
  await expect(page.getByText("Bot", { exact: true })).toHaveCount(0);

  // Erika cancels with her link: Zora moves up and is told so.
  const confirmation = await waitForEmail(
    (m) => m.subject === `Anmeldebestätigung: ${title}` && m.to[0]!.includes("erika@erste.example"),
  );
  const cancel = /https?:\/\/\S+\/abmelden\/[A-Za-z0-9_-]+/.exec(confirmation.text)![0];
  await guest.goto(cancel);
  await guest.getByRole("button", { name: "Anmeldung zurückziehen" }).click();
  await expect(guest.getByRole("status")).toContainText("Ihre Anmeldung ist zurückgezogen");
  await waitForEmail(
    (m) => m.subject === `Ein Platz ist frei: ${title}` && m.to[0]!.includes("zora@zweite.example"),
  );
  await page.reload();
  await expect(page.getByRole("region", { name: /Angemeldet/ })).toContainText("Zora Zweite");

  // The lead has to cancel the evening: Zora is told, with the reason; the page takes no more.
  await page.getByText("Veranstaltung absagen").click();
  await page.getByLabel(/^Grund/).fill("Die Referentin ist erkrankt.");
  await page.getByRole("button", { name: "Absagen und Angemeldete benachrichtigen" }).click();
  await expect(page.getByRole("status").first()).toContainText("ist abgesagt");
  await expect(page.locator(".page-head .badge", { hasText: "abgesagt" })).toBeVisible();
  const cancelled = await waitForEmail(
    (m) => m.subject === `Abgesagt: ${title}` && m.to[0]!.includes("zora@zweite.example"),
  );
  expect(cancelled.text).toContain("Die Referentin ist erkrankt.");
  await guest.goto(publicUrl);
  await expect(guest.getByRole("button", { name: "Verbindlich anmelden" })).toHaveCount(0);
});
