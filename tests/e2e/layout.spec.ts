import { expect, type Page, test } from "@playwright/test";
import { loginAs } from "./helpers";

// The phone width the team's coaches carry (iPhone 12–15), in CSS pixels.
const PHONE = { width: 390, height: 844 };

/** How far the page reaches beyond the screen, in pixels (0: no sideways scrolling). */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** The first record a list links to (ids, not sub-pages such as /unternehmen/pipeline). */
async function firstLink(page: Page, list: string, prefix: string) {
  await page.goto(list);
  const hrefs = await page
    .locator(`main a[href^="${prefix}"]`)
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const href = hrefs.find((h) => new RegExp(`^${prefix}[a-z0-9]{20,}$`).test(h));
  expect(href, `a link to a record on ${list}`).toBeTruthy();
  return href as string;
}

/** Lists and boards that scroll sideways inside the page (they are cards and stacked columns on a phone; figure tables may scroll in their own labelled region). */
const scrollingInside = (page: Page) =>
  page
    .locator(".data-table .table-wrap, .board")
    .evaluateAll((boxes) =>
      boxes
        .filter((b) => b.scrollWidth > b.clientWidth + 1)
        .map((b) => `${b.className} ${b.scrollWidth - b.clientWidth} px`),
    );

test("on a 1280 px screen the lists show their last column without scrolling", async ({ page }) => {
  await loginAs(page, "leitung@lotse.example");
  for (const path of ["/unternehmen", "/teilnehmende", "/kontakte"]) {
    await page.goto(path);
    await expect(page.locator("h1").first()).toBeVisible();
    expect(await scrollingInside(page), path).toEqual([]);
  }
});

test.describe("on a phone", () => {
  test.use({ viewport: PHONE, hasTouch: true, isMobile: true });

  test("every main page fits a phone's width: nothing scrolls sideways", async ({ page }) => {
    test.setTimeout(90_000);
    await loginAs(page, "leitung@lotse.example");
    const pages = [
      "/uebersicht",
      "/unternehmen",
      "/unternehmen/pipeline",
      await firstLink(page, "/unternehmen", "/unternehmen/"),
      "/kontakte",
      await firstLink(page, "/kontakte", "/kontakte/"),
      "/teilnehmende",
      await firstLink(page, "/teilnehmende", "/teilnehmende/"),
      "/matching",
      "/praktika",
      "/veranstaltungen",
      await firstLink(page, "/veranstaltungen", "/veranstaltungen/"),
      "/wiedervorlagen",
      "/wiedervorlagen?team=1",
      "/berichte",
      "/suche?q=bau",
      "/konto",
      "/verwaltung",
    ];
    const wide: string[] = [];
    for (const path of pages) {
      await page.goto(path);
      await expect(page.locator("h1").first()).toBeVisible();
      const extra = await overflow(page);
      if (extra > 0) wide.push(`${path}: ${extra} px zu breit`);
      for (const inside of await scrollingInside(page)) wide.push(`${path}: ${inside}`);
    }
    expect(wide).toEqual([]);
  });

  test("lists are cards, the filters fold away and the log form comes after the call button", async ({
    page,
  }) => {
    await loginAs(page, "coach@lotse.example");
    await page.goto("/unternehmen");
    await expect(page.getByLabel("Suche nach Name, Ort oder PLZ")).toBeHidden();
    await page.getByText("Filter", { exact: true }).click();
    await expect(page.getByLabel("Suche nach Name, Ort oder PLZ")).toBeVisible();
    const card = page.locator("tbody tr").first();
    const box = await card.boundingBox();
    expect(box?.width).toBeLessThanOrEqual(PHONE.width);
    await card.getByRole("link").first().click();
    const call = page.getByRole("link", { name: /^Anrufen/ });
    const log = page.getByRole("heading", { name: "Kontakt erfassen" });
    await expect(log).toBeVisible();
    await expect(page.getByText("Alt+K")).toBeHidden();
    // Every demo company has a phone number: calling comes before writing the note.
    const [c, l] = [await call.boundingBox(), await log.boundingBox()];
    expect(c && l && c.y < l.y).toBe(true);
  });
});
