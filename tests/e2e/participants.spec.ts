import { expect, test } from "@playwright/test";
import { germanDay, loginAs, thisYear } from "./helpers";

test("a coach records a participant; placement matches her, runs a trial internship and records the contract", async ({
  browser,
}) => {
  // A long walk through three roles' pages.
  test.setTimeout(60_000);
  const coach = await (await browser.newContext()).newPage();
  await loginAs(coach, "coach@lotse.example");
  await coach.goto("/teilnehmende");
  await coach.getByRole("link", { name: "Neue Teilnehmende" }).click();
  await coach.getByLabel("Vorname").fill("Lena");
  await coach.getByLabel("Nachname").fill("Staßfurter");
  await coach.getByLabel("Geburtsdatum", { exact: true }).fill(germanDay(1));
  await coach.getByLabel("PLZ").fill("39418");
  await coach.getByLabel("Ort").fill("Staßfurt");
  await coach.getByLabel("Verfügbare Std./Woche").fill("25");
  await coach.getByLabel("Längster akzeptierter Weg (Minuten)").fill("60");
  await coach.getByLabel("1. Berufswunsch").fill("Medizinische/r Fachangestellte/r (81102)");
  await coach.getByLabel("2. Berufswunsch").fill("Zahnmedizinische/r Fachangestellte/r (81112)");
  await coach.getByLabel("Status", { exact: true }).selectOption({ label: "aktiv" });
  await coach.getByRole("button", { name: "Speichern" }).click();
  await expect(coach.getByText("Das Geburtsdatum darf nicht in der Zukunft liegen.")).toBeVisible();
  await expect(coach.getByLabel("Nachname")).toHaveValue("Staßfurter");
  await expect(coach.getByLabel("1. Berufswunsch")).toHaveValue(
    "Medizinische/r Fachangestellte/r (81102)",
  );
  await coach.getByLabel("Geburtsdatum", { exact: true }).fill(`14.03.${thisYear() - 22}`);
  await coach.getByRole("button", { name: "Speichern" }).click();
  await expect(coach.getByRole("status").first()).toContainText("Lena Staßfurter ist angelegt.");
  await expect(coach.getByRole("heading", { level: 1, name: "Lena Staßfurter" })).toBeVisible();
  await expect(coach.getByText("Salzlandkreis")).toBeVisible();
  const participantUrl = coach.url();
  await coach.goto("/uebersicht");
  const box = coach.getByRole("combobox", {
    name: "Unternehmen, Kontakte und Teilnehmende suchen",
  });
  await box.fill("stassfurter");
  const option = coach.getByRole("listbox", { name: "Suche" }).getByRole("option").first();
  await expect(option).toContainText("Lena Staßfurter");
  await expect(option).toContainText("Teilnehmende");

  const placement = await (await browser.newContext()).newPage();
  await loginAs(placement, "vermittlung@lotse.example");
  await placement.goto("/teilnehmende?q=Sta%C3%9Ffurter");
  await placement.getByRole("link", { name: "Staßfurter, Lena" }).click();
  await placement.getByRole("link", { name: "Passende Ausbildungsangebote" }).click();
  await expect(
    placement.getByRole("heading", { level: 1, name: "Passende Angebote für Lena Staßfurter" }),
  ).toBeVisible();
  const best = placement.locator(".match").first();
  await expect(best).toContainText("Medizinische/r Fachangestellte/r");
  await expect(best.locator(".reason").first()).toHaveText("gleicher Beruf");
  await expect(best).toContainText(/min (mit ÖPNV|mit dem Auto)/);
  const company = (await best.locator(".match-title a").innerText()).trim();
  // How the points came about, part by part.
  await best.getByText("Wie die Punkte entstehen").click();
  await expect(best.getByRole("row", { name: /^Beruf 45 von 45$/ })).toBeVisible();
  // The real travel time to the best offer, from a journey planner: it replaces the estimate.
  await placement.getByText("Echte Fahrzeit eintragen").click();
  await placement.getByLabel("Minuten Tür zu Tür (laut Fahrplanauskunft)").fill("35");
  await placement.getByRole("button", { name: "Fahrzeit speichern" }).click();
  await expect(
    placement.getByRole("status").filter({ hasText: "(35 min) ist gespeichert" }),
  ).toBeVisible();
  await expect(placement.locator(".match").first()).toContainText(
    /35 min (mit ÖPNV|mit dem Auto) \(bekannt\)/,
  );

  await placement.getByLabel("Nur Teilzeit").check();
  await placement.getByRole("button", { name: "Anwenden" }).click();
  await expect(placement).toHaveURL(/teilzeit=ja/);
  await placement.goBack();

  await best.getByRole("button", { name: "Praktikum vorschlagen" }).click();
  await expect(placement.getByRole("status").first()).toContainText(
    "Das Erprobungspraktikum ist vorgeschlagen.",
  );
  await expect(placement.getByRole("heading", { level: 1 })).toContainText(company);

  await placement.getByLabel("Status").selectOption({ label: "vereinbart" });
  await placement.getByRole("button", { name: "Speichern" }).click();
  await expect(
    placement.getByText(
      "Für ein vereinbartes oder laufendes Praktikum bitte Beginn und Ende angeben.",
    ),
  ).toBeVisible();
  // Begun a week ago, ends in two weeks: running this week, whatever day the test runs.
  await placement.getByLabel("Beginn", { exact: true }).fill(germanDay(-7));
  await placement.getByLabel("Ende", { exact: true }).fill(germanDay(14));
  await placement.getByRole("button", { name: "Speichern" }).click();
  await expect(placement.getByRole("status").first()).toContainText(
    "Das Praktikum ist gespeichert.",
  );
  await placement.getByLabel("Status").selectOption({ label: "läuft" });
  await placement.getByRole("button", { name: "Speichern" }).click();
  await expect(placement.locator(".page-head .status")).toHaveText("läuft");

  await placement.goto("/praktika");
  await expect(placement.getByRole("region", { name: /Diese Woche im Praktikum/ })).toContainText(
    "Lena Staßfurter",
  );
  await placement
    .getByRole("region", { name: /Diese Woche/ })
    .getByRole("link", { name: "Lena Staßfurter" })
    .click();
  await expect(placement.getByRole("heading", { level: 1 })).toContainText("Erprobungspraktikum");

  // It ends before its end day: that needs the reason.
  await placement.getByLabel("Status").selectOption({ label: "abgeschlossen" });
  await placement.getByLabel("Rückmeldung des Betriebs").fill("Zuverlässig und freundlich.");
  await placement.getByLabel("Hat zu einem Ausbildungsangebot geführt").check();
  await placement.getByRole("button", { name: "Speichern" }).click();
  await expect(placement.getByText(/Wenn es früher endet: bitte den Grund angeben/)).toBeVisible();
  await expect(placement.getByLabel("Rückmeldung des Betriebs")).toHaveValue(
    "Zuverlässig und freundlich.",
  );
  await placement
    .getByLabel("Grund für ein vorzeitiges Ende")
    .selectOption({ label: "vorzeitig in einen Ausbildungsvertrag übergegangen" });
  await placement.getByRole("button", { name: "Speichern" }).click();
  await expect(placement.locator(".page-head .status")).toHaveText("abgeschlossen");
  const history = placement.getByRole("region", { name: "Bisheriger Verlauf" });
  await expect(history.getByRole("listitem")).toHaveCount(4);
  await expect(history.getByRole("listitem").last()).toContainText(
    "abgeschlossen (Miriam Schulze) – vorzeitig in einen Ausbildungsvertrag übergegangen",
  );

  await placement.getByRole("link", { name: "Lena Staßfurter" }).click();
  await expect(placement.getByRole("heading", { level: 1, name: "Lena Staßfurter" })).toBeVisible();
  await placement.getByText("Verbleib erfassen").click();
  await placement.getByLabel("Unternehmen", { exact: true }).selectOption({ label: company });
  const contractStart = `01.08.${thisYear() + 1}`;
  await placement.getByLabel("Beginn", { exact: true }).fill(contractStart);
  await placement.getByLabel("Std./Woche").fill("30");
  await placement.getByLabel("Teilzeit", { exact: true }).check();
  await placement.getByRole("button", { name: "Verbleib speichern" }).click();
  await expect(placement.getByRole("status").first()).toContainText("Der Verbleib ist erfasst.");
  await expect(placement.getByRole("region", { name: "Verbleib" })).toContainText(
    `Medizinische/r Fachangestellte/r bei ${company} in Teilzeit (30 Std./Woche)`,
  );
  await expect(placement.locator(".page-head .status")).toHaveText("in Ausbildung");

  // The company's timeline shows the internship.
  await placement.goto(participantUrl);
  await placement
    .getByRole("region", { name: "Erprobungspraktika" })
    .getByRole("link")
    .first()
    .click();
  await expect(placement.getByRole("heading", { level: 1 })).toContainText("Erprobungspraktikum");
  // Opened by its address: a click in the moment the page above finishes loading can be lost.
  await placement.goto(
    (await placement.getByRole("link", { name: company }).getAttribute("href")) ?? "",
  );
  await expect(placement.getByRole("heading", { level: 1, name: company })).toBeVisible();
  await expect(
    placement.getByText("Erprobungspraktikum (abgeschlossen): Medizinische/r Fachangestellte/r"),
  ).toBeVisible();
  await expect(
    placement.getByRole("region", { name: "Ausbildungsverträge über das Projekt" }),
  ).toContainText(
    `Medizinische/r Fachangestellte/r, Beginn ${contractStart}, Teilzeit (30 Std./Woche)`,
  );

  // The anonymised short profile needs the consent to share it.
  await placement.goto(participantUrl);
  await expect(placement.getByRole("link", { name: "Kurzprofil für Betriebe" })).toHaveCount(0);
  await placement.getByText("Einwilligung erfassen").click();
  await placement
    .getByLabel("Wofür?")
    .selectOption({ label: "Weitergabe des Kurzprofils an Betriebe" });
  await placement.getByRole("button", { name: "Einwilligung speichern" }).click();
  await expect(placement.getByRole("status").first()).toContainText("Einwilligung ist erfasst.");
  await placement.getByRole("link", { name: "Kurzprofil für Betriebe" }).click();
  await expect(placement.getByRole("heading", { level: 1 })).toContainText("Kurzprofil TN-");
  const profile = placement.locator("article.profile");
  await expect(profile).toContainText("Medizinische/r Fachangestellte/r");
  await expect(profile).toContainText("Salzlandkreis");
  await expect(profile).toContainText("25 Std./Woche");
  await expect(profile).not.toContainText("Lena");
  await expect(profile).not.toContainText("Staßfurter");
  await expect(profile).not.toContainText("2002");
});

test("a coach cannot open another coach's participant by URL", async ({ browser }) => {
  const lead = await (await browser.newContext()).newPage();
  await loginAs(lead, "leitung@lotse.example");
  await lead.goto("/teilnehmende?sort=name");
  const coachLinks = await lead.locator("tbody tr").evaluateAll((rows) =>
    rows.map((r) => ({
      href: r.querySelector("a")?.getAttribute("href") ?? "",
      coach: r.textContent ?? "",
    })),
  );
  const foreign = coachLinks.find((r) => !r.coach.includes("Jonas Becker") && r.href);
  expect(foreign).toBeTruthy();

  const coach = await (await browser.newContext()).newPage();
  await loginAs(coach, "coach@lotse.example");
  const response = await coach.goto(foreign!.href);
  expect(response?.status()).toBe(404);
  await expect(coach.getByRole("heading", { level: 1 })).toContainText(/nicht gefunden/i);
  const matching = await coach.goto(`${foreign!.href}/matching`);
  expect(matching?.status()).toBe(404);
});

test("a participant who left comes back: the first stay stays as it was, the new one is open", async ({
  page,
}) => {
  await loginAs(page, "leitung@lotse.example");
  await page.goto("/teilnehmende?status=ausgeschieden&sort=name");
  await page.locator("tbody tr a").first().click();
  const stays = page.locator("section[aria-labelledby=teilnahmen]");
  await expect(stays.locator("li").first()).toBeVisible();
  const before = await stays.locator("li").count();
  const exit = (await page.locator("dt:text-is('Austritt') + dd").innerText()).trim();

  await stays.getByText("Wiedereintritt erfassen").click();
  await stays.getByLabel("Eintritt", { exact: true }).fill(exit);
  await stays.getByRole("button", { name: "Wiedereintritt speichern" }).click();
  await expect(
    stays.getByText(`Der Wiedereintritt muss nach dem letzten Austritt (${exit}) liegen.`),
  ).toBeVisible();
  await expect(stays.getByLabel("Eintritt", { exact: true })).toHaveValue(exit);

  const today = germanDay();
  await stays.getByLabel("Eintritt", { exact: true }).fill(today);
  await stays.getByRole("button", { name: "Wiedereintritt speichern" }).click();
  await expect(page.getByRole("status").first()).toContainText("Wiedereintritt");
  await expect(stays.locator("li")).toHaveCount(before + 1);
  await expect(stays.locator("li").last()).toContainText(
    `Teilnahme ${before + 1}: ${today} – läuft`,
  );
  await expect(stays.locator("li").nth(before - 1)).toContainText(`– ${exit}`);
  await expect(page.locator("dt:text-is('Austritt') + dd")).toHaveText("–");

  // The earlier stay can be corrected, but not into the new one; the typed date stays.
  const first = stays.locator("li").nth(before - 1);
  await first.getByText("Ändern").click();
  await first.getByLabel("Austritt", { exact: true }).fill(today);
  await first.getByRole("button", { name: "Teilnahme speichern" }).click();
  await expect(
    first.getByText(`Der Austritt muss vor dem Eintritt der nächsten Teilnahme (${today}) liegen.`),
  ).toBeVisible();
  await expect(first.getByLabel("Austritt", { exact: true })).toHaveValue(today);

  // Recorded by mistake: taken back, she has left again as before.
  await stays.getByRole("button", { name: "Wiedereintritt zurücknehmen" }).click();
  await expect(page.getByRole("status").first()).toContainText("zurückgenommen");
  await expect(stays.locator("li")).toHaveCount(before);
  await expect(page.locator("dt:text-is('Austritt') + dd")).toHaveText(exit);
});

test("a counselling note and a document in a participant's case file; another coach gets 404 for the document", async ({
  browser,
}) => {
  test.setTimeout(60_000);
  const lead = await (await browser.newContext()).newPage();
  await loginAs(lead, "leitung@lotse.example");
  await lead.goto("/teilnehmende?sort=name");
  const rows = await lead.locator("tbody tr").evaluateAll((trs) =>
    trs.map((r) => ({
      href: r.querySelector("a")?.getAttribute("href") ?? "",
      coach: r.textContent ?? "",
    })),
  );
  const foreign = rows.find((r) => !r.coach.includes("Jonas Becker") && r.href);
  expect(foreign).toBeTruthy();
  await lead.goto(foreign!.href);

  const akte = lead.getByRole("region", { name: "Akte" });
  await akte.getByText("Beratungsnotiz schreiben").click();
  await akte.getByLabel("Art des Gesprächs").selectOption({ label: "Kinderbetreuung" });
  await akte
    .getByLabel("Notiz", { exact: true })
    .fill("Kita-Platz ab März zugesagt, Abholung 16 Uhr");
  await akte.getByLabel("Wiedervorlage am (optional)").fill(germanDay(7));
  await akte.getByRole("button", { name: "Notiz speichern" }).click();
  await expect(lead.getByRole("status").filter({ hasText: "in der Akte" })).toContainText(
    `Wiedervorlage am ${germanDay(7)}`,
  );
  const entry = akte.locator("li.timeline-note").first();
  await expect(entry).toContainText("Kita-Platz ab März zugesagt");
  await expect(entry).toContainText("von Petra Lindner");
  await expect(akte.locator("li.timeline-followup").first()).toContainText(
    "Nachfassen: Kinderbetreuung",
  );

  const docs = lead.getByRole("region", { name: "Dokumente" });
  await docs.getByLabel("Datei").setInputFiles({
    name: "setup.exe",
    mimeType: "application/octet-stream",
    buffer: Buffer.from([0x4d, 0x5a, 0x90, 0x00]),
  });
  await docs.getByRole("button", { name: "Hochladen" }).click();
  await expect(
    docs.getByText("Nur PDF, JPG, PNG, DOCX oder ODT können gespeichert werden."),
  ).toBeVisible();
  const pdf = Buffer.from("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n");
  await docs.getByLabel("Art des Dokuments").selectOption({ label: "Lebenslauf" });
  await docs.getByLabel("Datei").setInputFiles({
    name: "Lebenslauf Probe.pdf",
    mimeType: "application/pdf",
    buffer: pdf,
  });
  await docs.getByRole("button", { name: "Hochladen" }).click();
  await expect(lead.getByRole("status").filter({ hasText: "ist gespeichert" })).toContainText(
    "„Lebenslauf Probe.pdf“ ist gespeichert.",
  );
  const link = docs.getByRole("link", { name: "Lebenslauf Probe.pdf" });
  await expect(docs.getByText(/hochgeladen von Petra Lindner/)).toBeVisible();
  const href = (await link.getAttribute("href")) ?? "";
  expect(href).toMatch(/^\/dokumente\/[a-z0-9]+$/);
  const download = await lead.request.get(href);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  expect(download.headers()["content-disposition"]).toMatch(/^attachment/);
  expect(Buffer.from(await download.body())).toEqual(pdf);

  const coach = await (await browser.newContext()).newPage();
  await loginAs(coach, "coach@lotse.example");
  expect((await coach.request.get(href)).status()).toBe(404);
  const anonymous = await (await browser.newContext()).newPage();
  const signedOut = await anonymous.request.get(href, { maxRedirects: 0 });
  expect(signedOut.status()).toBe(302);
});
