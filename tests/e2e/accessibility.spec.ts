import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { loginAs } from "./helpers";

// WCAG 2.1 A/AA checks with axe on the main page types, at desktop width and on a phone.
const PAGES = [
  "/uebersicht",
  "/unternehmen",
  "/unternehmen/pipeline",
  "/unternehmen/import",
  "/kontakte",
  "/teilnehmende",
  "/veranstaltungen",
  "/veranstaltungen?ansicht=kalender",
  "/veranstaltungen/neu",
  "/wiedervorlagen",
  "/berichte/multiplikatoren",
  "/berichte/projekte",
  "/berichte",
];

async function expectNoViolations(page: import("@playwright/test").Page) {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const summary = result.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(summary).toEqual([]);
}

test("login page has no accessibility violations", async ({ page }) => {
  await page.goto("/anmelden");
  await expectNoViolations(page);
});

for (const viewport of [
  { name: "1280 px", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
]) {
  test(`signed-in pages have no accessibility violations (${viewport.name})`, async ({ page }) => {
    // One axe run per page over all main pages: allow for it beyond the default per-test time.
    test.setTimeout(120_000);
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await loginAs(page, "leitung@lotse.example");
    for (const path of PAGES) {
      await page.goto(path);
      await expectNoViolations(page);
    }
  });
}

test("a company page has no accessibility violations", async ({ page }) => {
  await loginAs(page, "leitung@lotse.example");
  await page.goto("/unternehmen");
  const link = page.locator("tbody tr").first().getByRole("link").first();
  const name = await link.innerText();
  await link.click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expectNoViolations(page);
});

test("admin pages have no accessibility violations", async ({ page }) => {
  await loginAs(page, "admin@lotse.example");
  await page.goto("/verwaltung");
  await expectNoViolations(page);
  await page.goto("/verwaltung/loeschregeln");
  await expectNoViolations(page);
});

test("participant pages have no accessibility violations", async ({ page }) => {
  await loginAs(page, "vermittlung@lotse.example");
  await page.goto("/teilnehmende");
  const link = page.locator("tbody tr").first().getByRole("link").first();
  await link.click();
  await expect(page.getByRole("link", { name: "Passende Ausbildungsangebote" })).toBeVisible();
  await expectNoViolations(page);
  await page.getByRole("link", { name: "Passende Ausbildungsangebote" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Passende Angebote");
  await expectNoViolations(page);
  await page.goto("/praktika");
  await expectNoViolations(page);
  await page.locator("tbody tr").first().getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Erprobungspraktikum");
  await expectNoViolations(page);
  await page.goto("/matching");
  await page.locator("tbody tr").first().getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Passende Teilnehmende");
  await expectNoViolations(page);
});

test("the participant form has no accessibility violations", async ({ page }) => {
  await loginAs(page, "coach@lotse.example");
  await page.goto("/teilnehmende/neu");
  await expectNoViolations(page);
});

test("event pages and the public registration have no accessibility violations", async ({
  page,
  browser,
}) => {
  await loginAs(page, "leitung@lotse.example");
  await page.goto("/veranstaltungen");
  await page.getByRole("link", { name: "Ausbildungsstammtisch Börde" }).click();
  await expect(page.getByRole("link", { name: "Teilnahmeliste" })).toBeVisible();
  await expectNoViolations(page);
  await page.getByRole("link", { name: "Einladen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Einladen");
  await expectNoViolations(page);
  await page.goBack();
  await page.getByRole("link", { name: "Teilnahmeliste" }).click();
  await expectNoViolations(page);
  await page.goBack();
  const publicLink = await page.getByRole("link", { name: /\/anmeldung\// }).innerText();
  const guest = await (await browser.newContext()).newPage();
  await guest.goto(publicLink);
  await expect(guest.getByRole("button", { name: "Verbindlich anmelden" })).toBeVisible();
  await expectNoViolations(guest);
});

test("a coach's Übersicht with her own numbers has no accessibility violations", async ({
  page,
}) => {
  await loginAs(page, "coach@lotse.example");
  await expect(page.getByRole("heading", { name: /^Meine Teilnehmenden in / })).toBeVisible();
  await expectNoViolations(page);
});
