import { expect, type Page, test } from "@playwright/test";
import { loginAs } from "./helpers";

/** Counts the form posts a page sends (the browser-side check sends none for a refused field). */
function countPosts(page: Page) {
  const posts: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST") posts.push(r.url());
  });
  return posts;
}

async function openCompany(page: Page, name: string) {
  await page.goto("/unternehmen");
  await page.getByLabel("Suche nach Name, Ort oder PLZ").fill(name);
  await page.getByRole("button", { name: "Anwenden" }).click();
  const link = page.locator("tbody").getByRole("link", { name }).first();
  const companyName = await link.innerText();
  await link.click();
  await expect(page.getByRole("heading", { level: 1, name: companyName })).toBeVisible();
}

test("the browser checks a field with the module's rule before anything is sent", async ({
  page,
}) => {
  await page.goto("/anmelden");
  const posts = countPosts(page);
  const email = page.getByLabel("E-Mail-Adresse");
  await email.evaluate((el) => el.removeAttribute("maxlength"));
  await email.fill(`${"a".repeat(300)}@test.example`);
  await page.getByLabel("Passwort").fill("irgendwas-langes");
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(page.getByText("Höchstens 254 Zeichen.")).toBeVisible();
  await expect(email).toHaveAttribute("aria-invalid", "true");
  expect(posts).toHaveLength(0);
  // Corrected, the message goes as the user types, and the form is sent.
  await email.fill("leitung@lotse.example");
  await expect(page.getByText("Höchstens 254 Zeichen.")).toHaveCount(0);
});

test("an offer form refuses more filled than available places at the field, then saves and starts afresh", async ({
  page,
}) => {
  await loginAs(page, "vermittlung@lotse.example");
  await openCompany(page, "Autohaus");
  await page.getByText("Angebot hinzufügen").click();
  const form = page.locator("form.offer-form").last();
  await form.getByLabel("Ausbildungsberuf").selectOption({ index: 1 });
  await form.getByLabel("Plätze", { exact: true }).fill("1");
  await form.getByLabel("davon besetzt").fill("3");
  const posts = countPosts(page);
  await form.getByRole("button", { name: "Angebot speichern" }).click();
  await expect(
    form.getByText("Es können nicht mehr Plätze besetzt als vorhanden sein."),
  ).toBeVisible();
  expect(posts).toHaveLength(0);

  await form.getByLabel("davon besetzt").fill("0");
  await form.getByRole("button", { name: "Angebot speichern" }).click();
  await expect(page.getByRole("status")).toContainText("ist gespeichert");
  expect(posts).toHaveLength(1);
  // The new-offer form is empty again for the next one.
  await expect(page.locator("form.offer-form").last().getByLabel("Ausbildungsberuf")).toHaveValue(
    "",
  );
});

test("the contact log starts afresh after a save, and keeps what was typed when refused", async ({
  page,
}) => {
  await loginAs(page, "coach@lotse.example");
  await openCompany(page, "Autohaus");
  const outcome = page.getByLabel("Ergebnis");
  await outcome.fill("Rückruf zugesagt");
  await page.getByRole("button", { name: "Kontakt speichern" }).click();
  await expect(page.getByRole("status")).toContainText("ist erfasst");
  await expect(outcome).toHaveValue("");

  // A follow-up title without its day would be lost: refused at the day, the text stays.
  await outcome.fill("Zweiter Anruf");
  await page.getByLabel("Worum geht es?").fill("Unterlagen schicken");
  await page.getByRole("button", { name: "Kontakt speichern" }).click();
  await expect(page.getByText("Bitte das Datum der Wiedervorlage angeben.")).toBeVisible();
  await expect(page.getByLabel("Fällig am")).toHaveAttribute("aria-invalid", "true");
  await expect(outcome).toHaveValue("Zweiter Anruf");
  await expect(page.getByLabel("Worum geht es?")).toHaveValue("Unterlagen schicken");
});
