import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { parseListParams } from "~/lib/list-params";
import type { SessionUser } from "~/modules/auth/session.server";
import { ensureReferenceData } from "~/modules/reference/reference-data.server";
import { listViews, saveView } from "~/modules/views/saved-views.server";
import { createUser, makeRequest, settle, signedIn, testContext } from "../../../tests/factories";
import { createCompany } from "./editing.server";
import { companyFormSchema } from "./schema";
import { companyFilterOptions, listCompanies, parseCompanyFilters } from "./service.server";
import { COMPANY_SORTS } from "./values";

const DAY = 86_400_000;
let owner: SessionUser;

beforeAll(async () => {
  await ensureReferenceData();
  owner = (await createUser("jobcoach")) as SessionUser;
  const mk = (v: Record<string, string>) =>
    createCompany(
      owner,
      companyFormSchema.parse({ outreachStatus: "neu", partTimeReadiness: "offen", ...v }),
    );
  await mk({ name: "Bäckerei Müller", plz: "39104", partTimeReadiness: "ja", tags: "Handwerk" });
  await mk({
    name: '=HYPERLINK("http://boese.example")',
    plz: "39517",
    districtAgs: "15090",
    multiplierType: "ihk",
  });
  const old = await mk({ name: "Autohaus Alt", plz: "39576", outreachStatus: "informiert" });
  await db.company.update({
    where: { id: old.id },
    data: { lastContactAt: new Date(Date.now() - 200 * DAY) },
  });
  const recent = await mk({ name: "Autohaus Neu", plz: "39576" });
  await db.company.update({
    where: { id: recent.id },
    data: { lastContactAt: new Date(Date.now() - 5 * DAY) },
  });
}, 60_000);

const query = (search: string) => {
  const url = new URL(`http://x/unternehmen?${search}`);
  return listCompanies(
    parseListParams(url, { sortable: COMPANY_SORTS, defaultSort: "name" }),
    parseCompanyFilters(url, ["15003", "15083", "15086", "15089", "15090"]),
  );
};
const names = async (search: string) => (await query(search)).data.map((c) => c.name);

describe("company list filters", () => {
  it("offers the served districts, assignable people, tags and offered occupations as filter values", async () => {
    const options = await companyFilterOptions();
    expect(options.districts.map((d) => d.ags)).toContain("15089");
    expect(options.owners).toContainEqual({ id: owner.id, name: owner.name });
    expect(options.tags).toEqual(["Handwerk"]);
    // No company offers an apprenticeship yet, so no occupation is offered as a filter.
    expect(options.occupations).toEqual([]);
  });

  it("filters by district, status, readiness, multiplier, tag and contact age", async () => {
    expect(await names("kreis=15003")).toEqual(["Bäckerei Müller"]);
    expect(await names("status=informiert")).toEqual(["Autohaus Alt"]);
    expect(await names("tz=ja")).toEqual(["Bäckerei Müller"]);
    expect(await names("multiplikator=ja")).toEqual(['=HYPERLINK("http://boese.example")']);
    expect(await names("multiplikator=hwk")).toEqual([]);
    expect(await names("schlagwort=Handwerk")).toEqual(["Bäckerei Müller"]);
    // "no contact for 180 days" includes companies never contacted.
    expect((await names("ohneKontakt=180")).sort()).toEqual(
      ['=HYPERLINK("http://boese.example")', "Autohaus Alt", "Bäckerei Müller"].sort(),
    );
    expect(await names(`zustaendig=${owner.id}&q=autohaus&sort=lastContact&dir=desc`)).toEqual([
      "Autohaus Neu",
      "Autohaus Alt",
    ]);
  });

  it("finds names regardless of umlaut spelling and ignores unknown filter values", async () => {
    expect(await names("q=mueller")).toEqual(["Bäckerei Müller"]);
    expect(await names("q=Müller")).toEqual(["Bäckerei Müller"]);
    expect((await names("status=geloescht&kreis=99999")).length).toBe(4);
    // LIKE wildcards typed into the search are plain characters.
    expect(await names("q=%25")).toEqual([]);
    expect(await names("q=_")).toEqual([]);
  });

  it("saves a view as plain data and gives back its URL", async () => {
    await saveView(
      owner,
      "company",
      "Meine Alten",
      "kreis=15090&sort=lastContact&dir=desc&spalten=name&spalten=status&seite=3",
    );
    const [view] = await listViews(owner, "company");
    expect(view).toMatchObject({
      name: "Meine Alten",
      search: "kreis=15090&sort=lastContact&dir=desc&spalten=name&spalten=status",
    });
    const stored = await db.savedView.findFirstOrThrow({ where: { userId: owner.id } });
    expect(JSON.parse(stored.definition)).toEqual({
      q: "",
      filters: { kreis: "15090" },
      sort: { field: "lastContact", dir: "desc" },
      columns: ["name", "status"],
    });
  });
});

describe("company export", () => {
  async function download(search: string) {
    const { cookie } = await signedIn("jobcoach");
    const route = await import("~/routes/_app.unternehmen.export");
    const res = await settle(() =>
      route.loader({
        request: makeRequest(`/unternehmen/export?${search}`, { cookie }),
        params: {},
        context: testContext,
      }),
    );
    return res.value as Response;
  }

  it("writes CSV for German Excel with the view's filters and neutralised formulas", async () => {
    const res = await download("format=csv&q=a&sort=name");
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toMatch(
      /attachment; filename="unternehmen-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split("\r\n");
    expect(lines[0]).toMatch(/^Name;Rechtsform;Straße und Hausnummer;PLZ;Ort;Landkreis;/);
    expect(lines.some((l) => l.startsWith(`"'=HYPERLINK(""http://boese.example"")"`))).toBe(true);
    expect(
      lines.some(
        (l) =>
          l.startsWith("Bäckerei Müller;") && l.includes(";39104;") && l.includes(";Magdeburg;"),
      ),
    ).toBe(true);
    expect(
      await db.auditLog.count({ where: { action: "export", entityType: "company" } }),
    ).toBeGreaterThan(0);
  });

  it("writes XLSX with text cells and the same rows", async () => {
    const res = await download("format=xlsx&kreis=15003");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(2);
    expect(ws.getRow(2).getCell(1).value).toBe("Bäckerei Müller");
    expect(ws.getRow(1).getCell(1).value).toBe("Name");
  });
});
