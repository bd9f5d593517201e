import { expect, test } from "@playwright/test";
import { loginAs, watchConsole } from "./helpers";

const NAV: Record<string, { email: string; items: string[]; forbidden: string }> = {
  admin: {
    email: "admin@lotse.example",
    items: ["Übersicht", "Verwaltung"],
    forbidden: "/berichte",
  },
  leitung: {
    email: "leitung@lotse.example",
    items: [
      "Übersicht",
      "Unternehmen",
      "Kontakte",
      "Teilnehmende",
      "Veranstaltungen",
      "Praktika",
      "Ausbildungsangebote",
      "Wiedervorlagen",
      "Berichte",
    ],
    forbidden: "/verwaltung",
  },
  jobcoach: {
    email: "coach@lotse.example",
    items: [
      "Übersicht",
      "Unternehmen",
      "Kontakte",
      "Teilnehmende",
      "Veranstaltungen",
      "Praktika",
      "Ausbildungsangebote",
      "Wiedervorlagen",
    ],
    forbidden: "/verwaltung",
  },
  vermittlung: {
    email: "vermittlung@lotse.example",
    items: [
      "Übersicht",
      "Unternehmen",
      "Kontakte",
      "Teilnehmende",
      "Veranstaltungen",
      "Praktika",
      "Ausbildungsangebote",
      "Wiedervorlagen",
    ],
    forbidden: "/verwaltung/postausgang",
  },
};

for (const [role, spec] of Object.entries(NAV)) {
  test(`${role}: logs in, sees the right navigation, is refused a forbidden page, logs out`, async ({
    page,
  }) => {
    const problems = watchConsole(page);
    await loginAs(page, spec.email);
    const nav = page.getByRole("navigation", { name: "Hauptnavigation" }).locator(".nav-desktop");
    await expect(nav.getByRole("link")).toHaveText(spec.items);

    const response = await page.goto(spec.forbidden);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Kein Zugriff" })).toBeVisible();
    // The navigation stays, so the user can go on.
    await expect(nav.getByRole("link", { name: "Übersicht" })).toBeVisible();

    await page.getByRole("button", { name: "Abmelden" }).click();
    await expect(page.getByRole("heading", { name: "Anmelden" })).toBeVisible();
    await expect(page.getByText("Sie haben sich abgemeldet.")).toBeVisible();
    const after = await page.goto("/uebersicht");
    expect(after?.url()).toContain("/anmelden?redirectTo=%2Fuebersicht");
    expect(problems).toEqual([]);
  });
}

test("wrong password: German message at the form, the email stays", async ({ page }) => {
  await page.goto("/anmelden");
  await expect(page.getByText("Demo-Modus")).toBeVisible();
  await page.getByLabel("E-Mail-Adresse").fill("coach@lotse.example");
  await page.getByLabel("Passwort").fill("falsches-passwort");
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(page.getByRole("alert")).toHaveText("E-Mail-Adresse oder Passwort ist falsch.");
  await expect(page.getByLabel("E-Mail-Adresse")).toHaveValue("coach@lotse.example");
  await page.getByLabel("E-Mail-Adresse").fill("kein-at-zeichen");
  await page.getByLabel("Passwort").fill("x");
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(page.getByText("Bitte geben Sie eine gültige E-Mail-Adresse ein.")).toBeVisible();
  await expect(page.getByLabel("E-Mail-Adresse")).toHaveAttribute("aria-invalid", "true");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the login form works as a plain HTML form and returns to the page asked for", async ({
    page,
  }) => {
    await page.goto("/verwaltung");
    await expect(page).toHaveURL(/\/anmelden\?redirectTo=%2Fverwaltung/);
    await page.getByLabel("E-Mail-Adresse").fill("admin@lotse.example");
    await page.getByLabel("Passwort").fill("demo-lotse-2026");
    await page.getByRole("button", { name: "Anmelden" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Verwaltung" })).toBeVisible();
  });
});

test("after login the page asked for is shown; a foreign redirect target is ignored", async ({
  page,
}) => {
  await page.goto("/anmelden?redirectTo=https://evil.example/");
  await page.getByLabel("E-Mail-Adresse").fill("leitung@lotse.example");
  await page.getByLabel("Passwort").fill("demo-lotse-2026");
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(page).toHaveURL(/\/uebersicht$/);
});
