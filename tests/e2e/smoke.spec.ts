import { expect, test } from "@playwright/test";
import { loginAs } from "./helpers";

// The daily path through every layer. Runs with the browser suite on SQLite and on its own
// against PostgreSQL (npm run test:e2e:pg).
test("sign in, create a company, log a call, and find the company by search", async ({ page }) => {
  // The built server knows its migrations and finds them all applied.
  const health = await (await page.request.get("/healthz?details=1")).json();
  expect(health).toMatchObject({
    ok: true,
    database: true,
    documents: true,
    migrations: { current: true, pending: [], unknown: [] },
  });
  await loginAs(page, "vermittlung@lotse.example");
  await page.goto("/unternehmen/neu");
  await page.getByLabel("Name").fill("Zahnarztpraxis Quellenweg");
  await page.getByLabel("PLZ").fill("39104");
  await page.getByLabel("Telefon").fill("0391 7654321");
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Zahnarztpraxis Quellenweg" }),
  ).toBeVisible();

  await page.getByLabel("Ergebnis").fill("Interesse an einer Teilzeitausbildung");
  await page.getByRole("button", { name: "Kontakt speichern" }).click();
  await expect(page.getByRole("status")).toContainText(
    "Kontakt mit Zahnarztpraxis Quellenweg ist erfasst",
  );
  await expect(
    page
      .getByRole("region", { name: "Verlauf" })
      .getByText("Interesse an einer Teilzeitausbildung"),
  ).toBeVisible();

  // The header search, with a typo, and by the phone number's digits.
  const box = page.getByRole("combobox", { name: "Unternehmen, Kontakte und Teilnehmende suchen" });
  const list = page.getByRole("listbox", { name: "Suche" });
  await box.fill("zahnarzt quelenweg");
  await expect(list.getByRole("option").first()).toContainText("Zahnarztpraxis Quellenweg");
  await box.fill("7654321");
  await expect(list.getByRole("option").first()).toContainText("Zahnarztpraxis Quellenweg");
  await box.press("ArrowDown");
  await box.press("Enter");
  await expect(
    page.getByRole("heading", { level: 1, name: "Zahnarztpraxis Quellenweg" }),
  ).toBeVisible();
});
