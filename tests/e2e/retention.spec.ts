import { existsSync, readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { dayFromToday, germanDay, loginAs, thisYear } from "./helpers";

test("the lead enters a project's last payment and sees until when its evidence is kept, and reads the deletion rules", async ({
  page,
}) => {
  await loginAs(page, "leitung@lotse.example");
  await page.goto("/berichte/projekte");
  const row = page.locator("tbody tr").first();
  await expect(row).toContainText("letzte Zahlung offen");
  await row.getByRole("link").first().click();

  // A payment in the future is refused at the field; the other values stay.
  const name = await page.getByLabel("Name", { exact: true }).inputValue();
  await page.getByLabel("Letzte Zahlung des Fördermittelgebers").fill(germanDay(3));
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(
    page.getByText("Die letzte Zahlung kann nicht in der Zukunft liegen."),
  ).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(name);

  const paid = dayFromToday(-10);
  await page.getByLabel("Letzte Zahlung des Fördermittelgebers").fill(germanDay(-10));
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByRole("status").first()).toContainText(name);
  await expect(page.getByRole("row").filter({ hasText: name })).toContainText(
    `31.12.${Number(paid.slice(0, 4)) + 5}`,
  );

  await page.getByRole("link", { name: "Löschregeln" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Löschregeln" })).toBeVisible();
  const evidence = page.getByRole("region", { name: "Teilnahme und ESF-Nachweise (mit Name)" });
  await expect(evidence).toContainText("60 Monate");
  await expect(evidence).toContainText("Art. 82 VO (EU) 2021/1060");
  await expect(evidence).toContainText("Heute fällig (Vorschau)");
  await expect(page.getByRole("region", { name: "Kontaktdaten der Teilnehmenden" })).toContainText(
    "Austritt aus dem Projekt",
  );
});

test("a coach does not reach the deletion rules", async ({ page }) => {
  await loginAs(page, "coach@lotse.example");
  const response = await page.goto("/verwaltung/loeschregeln");
  expect(response?.status()).toBe(403);
});

test("the lead puts a participant under a legal hold and lifts it again", async ({ page }) => {
  await loginAs(page, "leitung@lotse.example");
  await page.goto("/teilnehmende");
  await page.locator("tbody tr").first().getByRole("link").first().click();
  const holds = page.getByRole("region", { name: "Aufbewahrungssperre" });
  await expect(holds).toContainText("Keine Sperre.");
  await holds.getByText("Sperre setzen", { exact: true }).first().click();
  await holds.getByLabel("Bis (leer: bis zur Aufhebung)").fill(germanDay(-1));
  await holds.getByLabel("Grund").fill("Prüfung durch den Fördermittelgeber");
  await holds.getByRole("button", { name: "Sperre setzen" }).click();
  await expect(
    holds.getByText("Das Ende der Sperre kann nicht in der Vergangenheit liegen."),
  ).toBeVisible();
  await holds.getByLabel("Bis (leer: bis zur Aufhebung)").fill("");
  await holds.getByRole("button", { name: "Sperre setzen" }).click();
  await expect(page.getByRole("status").first()).toContainText("Aufbewahrungssperre ist gesetzt");
  await expect(holds).toContainText("gilt: Prüfung durch den Fördermittelgeber");

  await holds.getByRole("button", { name: "Sperre aufheben" }).click();
  await expect(page.getByRole("status").first()).toContainText("aufgehoben");
  await expect(holds).toContainText(
    "aufgehoben oder abgelaufen: Prüfung durch den Fördermittelgeber",
  );
});

test("the admin previews the retention plan and applies it: a person whose evidence period ended is gone, the figures stay", async ({
  browser,
}) => {
  // Three roles, a report before and after, and the database file read twice.
  test.setTimeout(60_000);
  // A project that ended years ago and whose last payment is more than five years past.
  const year = thisYear() - 8;
  const lead = await (await browser.newContext()).newPage();
  await loginAs(lead, "leitung@lotse.example");
  await lead.goto("/berichte/projekte/neu");
  const project = `Abgerechnet ${year}`;
  await lead.getByLabel("Name", { exact: true }).fill(project);
  await lead.getByLabel("Beginn", { exact: true }).fill(`01.01.${year}`);
  await lead.getByLabel("Ende", { exact: true }).fill(`31.12.${year}`);
  await lead.getByLabel("Letzte Zahlung des Fördermittelgebers").fill(`12.03.${year + 1}`);
  await lead.getByRole("button", { name: "Speichern" }).click();
  await expect(lead.getByRole("row").filter({ hasText: project })).toContainText(
    `31.12.${year + 6}`,
  );

  const coach = await (await browser.newContext()).newPage();
  await loginAs(coach, "coach@lotse.example");
  await coach.goto("/teilnehmende/neu");
  await coach.getByLabel("Vorname").fill("Ottilie");
  await coach.getByLabel("Nachname").fill("Verfallsdatum");
  await coach.getByLabel("Geburtsdatum", { exact: true }).fill(`14.03.${year - 20}`);
  await coach.getByLabel("PLZ").fill("39418");
  await coach.getByLabel("Ort").fill("Staßfurt");
  await coach.getByLabel("Status", { exact: true }).selectOption({ label: "ausgeschieden" });
  await coach.getByLabel("Eintritt", { exact: true }).fill(`01.03.${year}`);
  await coach.getByLabel("Austritt", { exact: true }).fill(`30.11.${year}`);
  await coach.getByLabel("Verbleib bei Austritt").selectOption({ label: "Ausbildung" });
  await coach.getByRole("button", { name: "Speichern" }).click();
  await expect(coach.getByRole("status").first()).toContainText(
    "Ottilie Verfallsdatum ist angelegt.",
  );

  // The project's figures for its year, as the lead reads them.
  const figures = async () => {
    await lead.goto("/berichte");
    await lead.getByLabel("Projekt", { exact: true }).selectOption({ label: project });
    await lead.getByLabel("von", { exact: true }).fill(`01.01.${year}`);
    await lead.getByLabel("bis", { exact: true }).fill(`31.12.${year}`);
    await lead.getByRole("button", { name: "Anwenden" }).click();
    const table = lead.getByRole("region", { name: `Im Zeitraum 01.01.${year} – 31.12.${year}` });
    await expect(table).toBeVisible();
    return table.innerText();
  };
  const before = await figures();
  expect(before).toMatch(/eingetreten\s+1/);
  // The funder report does not point to one person in its breakdowns.
  const byDistrict = lead.getByRole("region", { name: "Nach Landkreisen" });
  await expect(byDistrict.getByRole("row").filter({ hasText: "Salzlandkreis" })).toContainText(
    "< 3",
  );

  const admin = await (await browser.newContext()).newPage();
  await loginAs(admin, "admin@lotse.example");
  await admin.goto("/verwaltung/loeschregeln");
  await admin.getByRole("button", { name: "Löschplan erstellen (Vorschau)" }).click();
  await expect(admin.getByRole("status").first()).toContainText("es wurde noch nichts geändert");
  const plan = admin.getByRole("region", { name: "Löschregeln anwenden" });
  await expect(plan).toContainText("Teilnahme und ESF-Nachweise (mit Name): 1 Eintrag");
  // Still there after the preview.
  await coach.goto("/teilnehmende?q=Verfallsdatum");
  await expect(coach.getByRole("link", { name: "Verfallsdatum, Ottilie" })).toBeVisible();
  await coach.goto("/suche?q=Verfallsdatum");
  await expect(coach.getByRole("main").getByRole("listitem")).toContainText("Verfallsdatum");

  const files = ["data/e2e/lotse.db", "data/e2e/lotse.db-wal"].filter((f) => existsSync(f));
  const inFile = () => files.filter((f) => readFileSync(f).includes(Buffer.from("Verfallsdatum")));
  expect(inFile().length).toBeGreaterThan(0);

  await plan.getByRole("button", { name: "Diesen Plan jetzt anwenden" }).click();
  await expect(admin.getByRole("status").first()).toContainText("Der Löschplan ist angewandt");
  const log = admin.getByRole("region", { name: "Löschprotokoll" });
  await expect(
    log.getByRole("row").filter({ hasText: "Teilnahme und ESF-Nachweise" }),
  ).toContainText("Participant: 1");

  // Gone from the list and the search, and from the database file; the figures stay.
  await coach.goto("/teilnehmende?q=Verfallsdatum");
  await expect(coach.getByRole("link", { name: "Verfallsdatum, Ottilie" })).toHaveCount(0);
  await coach.goto("/suche?q=Verfallsdatum");
  await expect(coach.getByText(/^Nichts gefunden/)).toBeVisible();
  expect(inFile()).toEqual([]);
  expect(await figures()).toBe(before);

  // The audit log has the erasure: who and when, counts only.
  await admin.getByRole("link", { name: "Protokoll" }).click();
  const filter = admin.getByRole("form", { name: "Protokoll filtern" });
  await filter
    .getByLabel("Aktion")
    .selectOption({ label: "gelöscht/anonymisiert (Löschregel oder Antrag)" });
  await filter.getByRole("button", { name: "Filtern" }).click();
  const erased = admin.getByRole("row").filter({ hasText: "Löschplan" }).first();
  await expect(erased).toContainText(/gelöscht oder anonymisiert: [1-9]\d*, offen: 0/);
  await expect(erased).toContainText("Anja Admin");
  const [csv] = await Promise.all([
    admin.waitForEvent("download"),
    admin.getByRole("link", { name: "Als CSV herunterladen" }).click(),
  ]);
  const text = Buffer.concat(await (await csv.createReadStream()).toArray()).toString("utf8");
  expect(text).toContain("Löschplan angewandt");
  expect(text).not.toContain("Verfallsdatum");
});

test("a coach records a request for information, checks the identity, downloads the ZIP and answers it", async ({
  page,
}) => {
  await loginAs(page, "coach@lotse.example");
  await page.goto("/teilnehmende");
  const first = page.locator("tbody tr").first().getByRole("link").first();
  const listed = (await first.innerText()).trim(); // "Nachname, Vorname"
  const lastName = listed.split(",")[0]!.trim();
  await first.click();
  const requests = page.getByRole("region", { name: "Anträge auf Auskunft und Löschung" });
  await expect(requests).toContainText("Keine Anträge.");
  await requests.getByText("Antrag erfassen", { exact: true }).first().click();
  await requests.getByLabel("Eingegangen am").fill(germanDay(1));
  await requests.getByLabel("Eingegangen am").blur();
  await expect(requests.getByText("Der Eingang kann nicht in der Zukunft liegen.")).toBeVisible();
  await requests.getByRole("button", { name: "Antrag erfassen" }).click();
  await expect(requests.getByText("Bitte angeben, was beantragt wird.")).toBeVisible();
  await expect(requests.getByText("Der Eingang kann nicht in der Zukunft liegen.")).toBeVisible();
  await requests.getByLabel("Antrag auf").selectOption({ label: "Auskunft (Art. 15 DSGVO)" });
  await requests.getByLabel("Eingegangen am").fill(germanDay(-2));
  await requests.getByRole("button", { name: "Antrag erfassen" }).click();
  await expect(page.getByRole("status").first()).toContainText("Der Antrag ist erfasst.");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Auskunft (Art. 15 DSGVO)");
  await page.getByRole("button", { name: "Meldung schließen" }).click();

  // Not answered before the identity is checked.
  await page.getByRole("button", { name: "Als beantwortet vermerken" }).click();
  await expect(
    page.getByText("Bitte zuerst die Identität der antragstellenden Person prüfen."),
  ).toBeVisible();
  await page.getByLabel("Wie wurde die Identität geprüft?").fill("Personalausweis vorgelegt");
  await page.getByRole("button", { name: "Identität bestätigen" }).click();
  await expect(page.getByText(/Identität geprüft: Personalausweis vorgelegt/)).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Auskunft herunterladen (ZIP)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^auskunft-\d{4}-\d{2}-\d{2}\.zip$/);
  const zip = unzipSync(
    new Uint8Array(Buffer.concat(await (await download.createReadStream()).toArray())),
  );
  expect(Object.keys(zip)).toEqual(
    expect.arrayContaining(["daten.json", "LIESMICH.txt", "person.csv"]),
  );
  expect(JSON.parse(strFromU8(zip["daten.json"]!)).lastName).toBe(lastName);

  await page.getByRole("button", { name: "Als beantwortet vermerken" }).click();
  await expect(page.getByRole("status").first()).toContainText("Der Antrag ist beantwortet.");
  const letter = page.getByRole("region", { name: "Antwortschreiben" });
  await expect(letter).toContainText("Anbei erhalten Sie eine Kopie");
  await expect(letter).not.toContainText(lastName);
});
