import { expect, test } from "@playwright/test";
import { loginAs, logout, waitForEmail } from "./helpers";

test("admin invites a coach; the link works once; deactivating ends the coach's session", async ({
  page,
  browser,
}) => {
  await loginAs(page, "admin@lotse.example");
  await page
    .getByRole("navigation", { name: "Hauptnavigation" })
    .locator(".nav-desktop")
    .getByRole("link", { name: "Verwaltung" })
    .click();
  // The newest backup (or that there is none yet) and the daily schedule are on the page.
  await expect(page.getByRole("region", { name: "Datensicherung" })).toContainText(
    "täglich ab 2 Uhr",
  );

  // A wrong email keeps the typed name and says what to fix.
  await page.getByLabel("Name").fill("Clara Neumann");
  await page.getByLabel("E-Mail-Adresse").fill("clara.neumann");
  await page.getByRole("button", { name: "Einladung senden" }).click();
  await expect(page.getByText("Bitte geben Sie eine gültige E-Mail-Adresse ein.")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue("Clara Neumann");

  await page.getByLabel("E-Mail-Adresse").fill("clara.neumann@traeger.example");
  await page.getByLabel("Rolle", { exact: true }).selectOption("jobcoach");
  await page.getByRole("button", { name: "Einladung senden" }).click();
  await expect(page.getByRole("status")).toContainText(
    "Die Einladung an clara.neumann@traeger.example wird per E-Mail versendet.",
  );
  await expect(
    page.getByText("Clara Neumann (clara.neumann@traeger.example, Jobcoach)"),
  ).toBeVisible();

  // Every email passes through the outbox, where the admin can read it – without the live link.
  await page.getByRole("link", { name: "Postausgang" }).click();
  const mail = page
    .locator(".outbox li")
    .filter({ hasText: "clara.neumann@traeger.example" })
    .filter({ hasText: "Ihre Einladung zu Lotse" });
  // The project lead is told that an account for participant data was invited.
  await expect(
    page
      .locator(".outbox li")
      .filter({ hasText: "Neuer Zugang mit Zugriff auf Teilnehmendendaten" })
      .filter({ hasText: "Clara Neumann" }),
  ).toHaveCount(1);
  await expect(mail.getByText("Ihre Einladung zu Lotse")).toBeVisible();
  await mail.getByText("Inhalt anzeigen").click();
  await expect(mail.locator("pre")).toContainText("/einladung/•••");
  // Only the invited person's mailbox has the link.
  const delivered = await waitForEmail(
    (m) =>
      m.subject === "Ihre Einladung zu Lotse" && m.to[0]!.includes("clara.neumann@traeger.example"),
  );
  const link = /https?:\/\/\S+\/einladung\/[A-Za-z0-9_-]+/.exec(delivered.text)![0];

  const coachContext = await browser.newContext();
  const coach = await coachContext.newPage();
  await coach.goto(link);
  await expect(coach.getByRole("heading", { name: "Zugang einrichten" })).toBeVisible();
  await coach.getByLabel("Neues Passwort").fill("kurz");
  await coach.getByLabel("Passwort wiederholen").fill("kurz");
  await coach.getByRole("button", { name: "Zugang einrichten" }).click();
  await expect(coach.getByText("Das Passwort muss mindestens 12 Zeichen lang sein.")).toBeVisible();
  await coach.getByLabel("Neues Passwort").fill("mein-sicheres-passwort");
  await coach.getByLabel("Passwort wiederholen").fill("mein-sicheres-passwort");
  await coach.getByRole("button", { name: "Zugang einrichten" }).click();
  await expect(coach.getByRole("heading", { level: 1, name: "Übersicht" })).toBeVisible();
  await expect(coach.getByText("Angemeldet als Clara Neumann (Jobcoach)")).toBeVisible();

  // The link is single-use.
  const reuse = await (await browser.newContext()).newPage();
  const res = await reuse.goto(link);
  expect(res?.status()).toBe(410);
  await expect(reuse.getByRole("alert")).toContainText(
    "ungültig, abgelaufen oder wurde bereits benutzt",
  );

  // Deactivation ends her session on the server.
  await page.getByRole("link", { name: "Benutzer:innen" }).click();
  const row = page.getByRole("row").filter({ hasText: "clara.neumann@traeger.example" });
  await row.getByRole("button", { name: "Deaktivieren" }).click();
  await expect(page.getByRole("status")).toContainText("Clara Neumann ist deaktiviert");
  await coach.goto("/uebersicht");
  await expect(coach).toHaveURL(/\/anmelden/);
  await coachContext.close();
});

test("admin sends an invitation's link again and withdraws an invitation", async ({ page }) => {
  await loginAs(page, "admin@lotse.example");
  await page.goto("/verwaltung");
  await page.getByLabel("Name").fill("Theo Zweitlink");
  await page.getByLabel("E-Mail-Adresse").fill("theo.zweitlink@traeger.example");
  await page.getByRole("button", { name: "Einladung senden" }).click();
  await expect(page.getByRole("status")).toContainText("theo.zweitlink@traeger.example");
  const pending = page.getByRole("listitem").filter({ hasText: "theo.zweitlink@traeger.example" });
  const first = await waitForEmail(
    (m) =>
      m.subject === "Ihre Einladung zu Lotse" &&
      m.to[0]!.includes("theo.zweitlink@traeger.example"),
  );

  // The toast sits where the buttons are; it is closed first, as a user would.
  await page.getByRole("button", { name: "Meldung schließen" }).click();
  await pending.getByRole("button", { name: "Link erneut senden: Theo Zweitlink" }).click();
  await expect(page.getByRole("status")).toContainText("der alte gilt nicht mehr");
  const oldLink = /https?:\/\/\S+\/einladung\/[A-Za-z0-9_-]+/.exec(first.text)![0];
  const res = await page.goto(new URL(oldLink).pathname);
  expect(res?.status()).toBe(410);

  await page.goto("/verwaltung");
  await pending.getByRole("button", { name: "Einladung zurückziehen: Theo Zweitlink" }).click();
  await expect(page.getByRole("status")).toContainText("Die Einladung ist zurückgezogen");
  await expect(pending).toHaveCount(0);
});

test("a coach sees only own participants; placement sees all", async ({ page }) => {
  await loginAs(page, "coach@lotse.example");
  await page.goto("/teilnehmende");
  await expect(page.getByText("Sie sehen die Teilnehmenden, die Sie begleiten")).toBeVisible();
  await expect(page.getByText("14 Einträge")).toBeVisible();
  await logout(page);
  await loginAs(page, "vermittlung@lotse.example");
  await page.goto("/teilnehmende");
  await expect(page.getByText("30 Einträge")).toBeVisible();
});

test("table state lives in the URL: filter, sort and page survive a reload", async ({ page }) => {
  await loginAs(page, "leitung@lotse.example");
  await page.goto("/unternehmen");
  await page.getByRole("combobox", { name: "Landkreis" }).selectOption({ label: "Magdeburg" });
  await page.getByRole("button", { name: "Anwenden" }).click();
  await expect(page).toHaveURL(/kreis=15003/);
  await page.getByRole("link", { name: "Name" }).click();
  await expect(page).toHaveURL(/sort=name&dir=asc/);
  await page.getByRole("link", { name: "Name" }).click();
  await expect(page).toHaveURL(/sort=name&dir=desc/);
  await page.reload();
  await expect(page.getByRole("columnheader", { name: /Name/ })).toHaveAttribute(
    "aria-sort",
    "descending",
  );
  // The first cell ticks the row for bulk work; then name, place, district.
  const districts = await page.locator("tbody tr td:nth-child(4)").allInnerTexts();
  expect(districts.length).toBeGreaterThan(0);
  expect(new Set(districts)).toEqual(new Set(["Magdeburg"]));
});

test("a coach works her overdue follow-ups from the Übersicht: call, done with a result, snooze, undo", async ({
  page,
}) => {
  test.setTimeout(60_000);
  await loginAs(page, "coach@lotse.example");
  // The Übersicht says how many are overdue and leads to them.
  await page.getByRole("link", { name: /Wiedervorlagen? (ist|sind) überfällig/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Meine Wiedervorlagen" })).toBeVisible();
  const overdue = page.getByRole("region", { name: /^Überfällig \(\d+\)$/ });
  const items = overdue.locator("li.followup");
  const before = await items.count();
  expect(before).toBeGreaterThan(1);
  // Each names what it is about, with the number as a call link where there is one.
  await expect(page.locator('li.followup a[href^="tel:"]').first()).toBeVisible();

  // Done with a result; the list says so and offers to undo.
  const first = items.first();
  const id = (await first.getAttribute("data-id"))!;
  const item = page.locator(`li.followup[data-id="${id}"]`);
  const title = await first.locator("strong").innerText();
  await item.getByLabel(`Ergebnis (optional): ${title}`).fill("Rückruf Montag vereinbart");
  await item.getByRole("button", { name: `Erledigt: ${title}` }).click();
  await expect(page.getByRole("status").first()).toContainText(
    `Wiedervorlage „${title}“ ist erledigt.`,
  );
  await expect(item).toHaveCount(0);
  await expect(items).toHaveCount(before - 1);
  await page.getByRole("button", { name: "Rückgängig" }).click();
  await expect(item).toHaveCount(1);
  await expect(items).toHaveCount(before);

  // Snoozed by a week: it leaves the overdue group.
  await item.getByRole("button", { name: `+1 Woche: ${title}` }).click();
  await expect(page.getByRole("status").first()).toContainText(`„${title}“ ist auf den`);
  await expect(items).toHaveCount(before - 1);
  await expect(overdue.locator(`li.followup[data-id="${id}"]`)).toHaveCount(0);
  await expect(item).toHaveCount(1);
});

test("the lead hands a colleague's follow-ups to someone else", async ({ page }) => {
  await loginAs(page, "leitung@lotse.example");
  await page.goto("/wiedervorlagen");
  await page.getByRole("link", { name: "Alle Wiedervorlagen im Team" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Wiedervorlagen im Team" }),
  ).toBeVisible();
  const theirs = page.locator("li.followup").filter({ hasText: "Sabine Wolf" });
  const count = await theirs.count();
  expect(count).toBeGreaterThan(1);
  const ids = [
    (await theirs.nth(0).getAttribute("data-id"))!,
    (await theirs.nth(1).getAttribute("data-id"))!,
  ];
  await theirs.nth(0).getByRole("checkbox").check();
  await theirs.nth(1).getByRole("checkbox").check();
  await page.getByLabel("Ausgewählte übertragen an").selectOption({ label: "Miriam Schulze" });
  await page.getByRole("button", { name: "Übertragen" }).click();
  await expect(page.getByRole("status").first()).toContainText(
    "2 Wiedervorlagen sind jetzt bei Miriam Schulze.",
  );
  for (const id of ids)
    await expect(page.locator(`li.followup[data-id="${id}"]`)).toContainText("Miriam Schulze");
  await expect(page.locator("li.followup").filter({ hasText: "Sabine Wolf" })).toHaveCount(
    count - 2,
  );
});
