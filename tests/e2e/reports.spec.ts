import { expect, test } from "@playwright/test";
import { dayFromToday, entries, germanDay, loginAs, thisYear } from "./helpers";

test("the lead reads targets and figures on the Übersicht and follows a number to its records", async ({
  page,
}) => {
  // Follows every figure to its list.
  test.setTimeout(60_000);
  await loginAs(page, "leitung@lotse.example");
  await expect(page.getByRole("heading", { level: 2, name: /^Ziele: / })).toBeVisible();
  await expect(page.getByText("von 114")).toBeVisible();
  // Each target says whether it is on course, and each figure says how it is counted.
  const targetCard = page.locator(".kpi-card").filter({ hasText: "von 114" });
  await expect(targetCard.locator(".badge")).toHaveText(/^(erreicht|auf Kurs|gefährdet)$/);
  await targetCard.getByRole("button", { name: "Eingetretene Teilnehmende" }).hover();
  await expect(targetCard.getByRole("tooltip")).toBeVisible();
  await expect(targetCard.getByRole("tooltip")).toContainText("erste Teilnahme im Projekt");
  const rate = page.getByRole("button", { name: "Integrationsquote (bis Zeitraumende)" });
  await rate.focus();
  await expect(rate).toHaveAccessibleDescription(/Ausbildung, Arbeit oder Schule/);
  await expect(
    page.getByRole("tooltip").filter({ hasText: "Ausbildung, Arbeit oder Schule" }),
  ).toBeVisible();

  const figure = (label: string) =>
    page.locator(".figure").filter({ has: page.getByText(label, { exact: true }) });
  const entered = figure("eingetreten").getByRole("link");
  const count = await entered.innerText();
  await entered.click();
  await expect(page).toHaveURL(/\/teilnehmende\?.*eintritt_von=/);
  await expect(page.getByRole("status").filter({ hasText: "Eintritt" })).toBeVisible();
  await expect(page.getByText(entries(count))).toBeVisible();

  await page.goBack();
  const informed = figure("Unternehmen informiert").getByRole("link");
  const informedCount = await informed.innerText();
  await informed.click();
  await expect(page).toHaveURL(/\/unternehmen\?.*informiert_von=/);
  await expect(
    page.getByRole("status").filter({ hasText: "Über Teilzeitausbildung informiert" }),
  ).toBeVisible();
  await expect(page.getByText(entries(informedCount))).toBeVisible();

  // Every figure links to its records; each count is the length of its list.
  await page.goto("/uebersicht");
  const figures = page.locator(`section[aria-labelledby="zeitraum"] .figure`);
  const total = await figures.count();
  expect(total).toBeGreaterThan(15);
  const targets: { label: string; value: string; href: string }[] = [];
  for (let i = 0; i < total; i++) {
    const f = figures.nth(i);
    const link = f.getByRole("link");
    await expect(link, `figure ${i} has a link`).toHaveCount(1);
    targets.push({
      label: await f.locator(".figure-label").innerText(),
      value: await link.innerText(),
      href: (await link.getAttribute("href"))!,
    });
  }
  const notACount = ["quote", "Anwesende", "Multiplikator"];
  for (const target of targets) {
    await page.goto(target.href);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    if (notACount.some((n) => target.label.includes(n))) continue;
    await expect(page.getByText(entries(target.value)), target.label).toBeVisible();
  }

  // Another period: the figures follow it.
  await page.goto("/uebersicht");
  // A year long before any demo record.
  const empty = thisYear() - 10;
  await page.getByLabel("von", { exact: true }).fill(`01.01.${empty}`);
  await page.getByLabel("bis", { exact: true }).fill(`31.12.${empty}`);
  await page.getByRole("button", { name: "Anwenden" }).click();
  await expect(
    page.getByRole("heading", { name: `Im Zeitraum 01.01.${empty} – 31.12.${empty}` }),
  ).toBeVisible();
  await expect(figure("eingetreten").getByRole("link")).toHaveText("0");
});

test("the lead produces the funder report for a period and downloads the ESF export", async ({
  page,
}) => {
  await loginAs(page, "leitung@lotse.example");
  await page.getByRole("link", { name: "Berichte" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Sachbericht: MiKA-plus II");
  // The last two years: every demo stay lies in them.
  await page.getByLabel("von", { exact: true }).fill(germanDay(-730));
  await page.getByLabel("bis", { exact: true }).fill(germanDay());
  await page.getByRole("button", { name: "Anwenden" }).click();
  await expect(
    page.getByText(`Berichtszeitraum ${germanDay(-730)} – ${germanDay()}`),
  ).toBeVisible();
  const period = `${dayFromToday(-730)}-${dayFromToday()}`;
  await expect(page.getByRole("heading", { name: "Nach Landkreisen" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Durchgeführte Veranstaltungen" })).toBeVisible();
  await expect(
    page
      .getByRole("table")
      .filter({ hasText: "Infoveranstaltung Teilzeitausbildung für Unternehmen" }),
  ).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "ESF-Monitoring (CSV)" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`esf-monitoring-${period}.csv`);
  const csv = await (await download.createReadStream()).toArray();
  const text = Buffer.concat(csv).toString("utf8");
  const lines = text
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  expect(lines[0]).toBe(
    "Kennung;Teilnahme-Nr.;Eintritt;Austritt;Geschlecht;Altersgruppe bei Eintritt;Erwerbsstatus bei Eintritt;Bildungsstand (ISCED);Verbleib bei Austritt;Fehlende Pflichtangaben",
  );
  expect(lines.length).toBeGreaterThan(10);
  expect(lines[1]).toMatch(/^TN-[A-Z0-9]{10};\d;\d{2}\.\d{2}\.\d{4};/);
  // The demo participant who left and came back has two rows under one pseudonym.
  const ids = lines.slice(1).map((l) => l.split(";")[0]);
  const second = lines.slice(1).find((l) => l.split(";")[1] === "2");
  expect(second).toBeTruthy();
  expect(ids.filter((id) => id === second!.split(";")[0])).toHaveLength(2);

  // Before the export the page names the rows that lack a mandatory field, with a way to fix it.
  const quality = page.getByRole("region", { name: "Datenqualität vor dem ESF-Export" });
  await expect(quality).toContainText(/\d+ von \d+ Zeilen des ESF-Exports haben fehlende/);
  await expect(
    quality.getByRole("row").filter({ hasText: "Erwerbsstatus bei Eintritt" }),
  ).not.toHaveCount(0);
  expect(lines.filter((l) => l.endsWith(";Erwerbsstatus bei Eintritt")).length).toBeGreaterThan(0);

  const [xlsx] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "ESF-Monitoring (Excel)" }).click(),
  ]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);

  // The same report as PDF, printed on the server by Chromium.
  const [pdf] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Als PDF herunterladen" }).click(),
  ]);
  expect(pdf.suggestedFilename()).toBe(`sachbericht-${period}.pdf`);
  const bytes = Buffer.concat(await (await pdf.createReadStream()).toArray());
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(bytes.length).toBeGreaterThan(20_000);

  const link = quality.getByRole("link").first();
  const name = (await link.innerText()).trim();
  await link.click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
});

test("the lead sets a project's targets and reads the multiplier outreach", async ({ page }) => {
  await loginAs(page, "leitung@lotse.example");
  await page.goto("/berichte");
  await page.getByRole("link", { name: "Projekte und Ziele verwalten" }).click();
  await page.getByRole("link", { name: "Neues Projekt" }).click();
  await page.getByLabel("Name", { exact: true }).fill("MiKA-plus III");
  const start = thisYear() + 2;
  await page.getByLabel("Beginn", { exact: true }).fill(`01.01.${start}`);
  await page.getByLabel("Ende", { exact: true }).fill(`31.12.${start - 1}`);
  await page.getByLabel("Ausbildungsquote").fill("50");
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByText("Das Ende muss nach dem Beginn liegen.")).toBeVisible();
  await expect(page.getByLabel("Ausbildungsquote")).toHaveValue("50");
  await page.getByLabel("Ende", { exact: true }).fill(`31.12.${start + 2}`);
  await page.getByLabel("Eingetretene Teilnehmende").fill("120");
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByRole("status").first()).toContainText("MiKA-plus III");
  const row = page.getByRole("row").filter({ hasText: "MiKA-plus III" });
  await expect(row).toContainText(`01.01.${start} – 31.12.${start + 2}`);
  await expect(row).toContainText("120");
  await expect(row).toContainText("50 %");

  await page.goto("/berichte/multiplikatoren");
  await expect(page.getByRole("heading", { name: "Abdeckung nach Landkreis" })).toBeVisible();
  const ihk = page
    .locator("tbody tr")
    .filter({ hasText: "IHK" })
    .filter({ has: page.getByRole("link") })
    .first();
  const name = (await ihk.getByRole("link").first().innerText()).trim();
  await ihk.getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name.split(" (")[0]!);
});

test("a coach reads her own numbers on the Übersicht, each leading to her participants", async ({
  page,
}) => {
  await loginAs(page, "coach@lotse.example");
  const mine = page.locator(`section[aria-labelledby="meine-zahlen"]`);
  await expect(mine.getByRole("heading", { name: /^Meine Teilnehmenden in / })).toBeVisible();
  const entered = mine.locator(".figure").filter({ hasText: /^\d+eingetreten$/ });
  const count = await entered.getByRole("link").innerText();
  await entered.getByRole("link").click();
  await expect(page).toHaveURL(/betreuung=meine/);
  await expect(page.getByRole("status").filter({ hasText: "von mir betreut" })).toBeVisible();
  await expect(page.getByText(entries(count))).toBeVisible();
  // The lead's project view is not part of a coach's page.
  await page.goto("/uebersicht");
  await expect(page.getByRole("heading", { name: /^Ziele: / })).toHaveCount(0);
});
