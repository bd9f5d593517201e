import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db, engine } from "~/db.server";
import { normalizeCompanyName, personSearchName } from "~/lib/text";
import type { SessionUser } from "~/modules/auth/session.server";
import { createUser } from "../../../tests/factories";
import { matchScore, search } from "./search.server";

beforeAll(async () => {
  const companies = [
    "Bäckerei Müller GmbH",
    "Autohaus Krüger",
    "Praxis Dr. Schmidt",
    "Müllabfuhr Nord",
    "Pflegedienst Sonnenschein",
  ];
  for (const name of companies)
    await db.company.create({
      data: { name, normalizedName: normalizeCompanyName(name), plz: "39104", city: "Magdeburg" },
    });
  for (const [first, last] of [
    ["Jörg", "Müller"],
    ["Anna", "Schmitt"],
    ["Sandra", "Schmidt"],
  ] as const) {
    await db.contactPerson.create({
      data: { firstName: first, lastName: last, normalizedName: personSearchName(first, last) },
    });
  }
});

const titles = async (q: string) => (await search(q)).map((h) => h.title);

describe("search across companies and contacts", () => {
  it("ignores case and umlaut spelling", async () => {
    expect((await titles("mueller")).slice(0, 2).sort()).toEqual([
      "Bäckerei Müller GmbH",
      "Jörg Müller",
    ]);
    expect(await titles("KRÜGER")).toEqual(["Autohaus Krüger"]);
    expect(await titles("joerg")).toEqual(["Jörg Müller"]);
  });

  it("forgives a small typo and ranks exact matches first", async () => {
    expect(await titles("Bäckrei")).toContain("Bäckerei Müller GmbH");
    expect(await titles("Sonnenschien")).toContain("Pflegedienst Sonnenschein");
    const schmidt = await titles("schmidt");
    expect(schmidt[0]).toMatch(/Schmidt/);
    expect(schmidt.indexOf("Anna Schmitt")).toBeGreaterThan(schmidt.indexOf("Sandra Schmidt"));
  });

  it("finds nothing for unrelated words and needs two letters", async () => {
    expect(await titles("xylophon")).toEqual([]);
    expect(await titles("m")).toEqual([]);
  });
});

describe("search index", () => {
  it("follows renames, archiving and email changes, whatever writes them", async () => {
    const company = await db.company.create({
      data: {
        name: "Gärtnerei Lindenhof",
        normalizedName: normalizeCompanyName("Gärtnerei Lindenhof"),
      },
    });
    expect(await titles("lindenhof")).toEqual(["Gärtnerei Lindenhof"]);
    await db.company.update({
      where: { id: company.id },
      data: {
        name: "Gärtnerei Eichenhof",
        normalizedName: normalizeCompanyName("Gärtnerei Eichenhof"),
      },
    });
    expect(await titles("lindenhof")).toEqual([]);
    expect(await titles("eichenhof")).toEqual(["Gärtnerei Eichenhof"]);
    await db.company.update({ where: { id: company.id }, data: { archivedAt: new Date() } });
    expect(await titles("eichenhof")).toEqual([]);

    const contact = await db.contactPerson.create({
      data: {
        firstName: "Lea",
        lastName: "Brandt",
        normalizedName: personSearchName("Lea", "Brandt"),
      },
    });
    await db.contactPerson.update({
      where: { id: contact.id },
      data: { email: "L.Brandt@Beispiel.example" },
    });
    expect(await titles("l.brandt@beispiel")).toEqual(["Lea Brandt"]);
  });

  it("finds companies and contacts by phone number, however it is written", async () => {
    const company = await db.company.create({
      data: {
        name: "Tischlerei Holzwurm",
        normalizedName: normalizeCompanyName("Tischlerei Holzwurm"),
        phone: "0391 / 55 12-34",
      },
    });
    await db.contactPerson.create({
      data: {
        firstName: "Uwe",
        lastName: "Kern",
        normalizedName: personSearchName("Uwe", "Kern"),
        mobile: "0171 2345678",
      },
    });
    expect(await titles("0391")).toContain("Tischlerei Holzwurm");
    expect(await titles("0391 551234")).toEqual(["Tischlerei Holzwurm"]);
    expect(await titles("(0391) 55-1234")).toEqual(["Tischlerei Holzwurm"]);
    expect(await titles("0171/2345678")).toEqual(["Uwe Kern"]);
    await db.company.update({ where: { id: company.id }, data: { phone: "03931 777" } });
    expect(await titles("0391 551234")).toEqual([]);
    expect(await titles("03931777")).toEqual(["Tischlerei Holzwurm"]);
  });

  it("finds companies by the start of their postcode", async () => {
    const hits = await titles("3910");
    expect(hits).toContain("Autohaus Krüger");
  });

  it("ranks the exact name first among many similar ones", async () => {
    await db.company.createMany({
      data: Array.from({ length: 400 }, (_, i) => ({
        name: `Bäckerei Schmidt ${i}`,
        normalizedName: normalizeCompanyName(`Bäckerei Schmidt ${i}`),
      })),
    });
    await db.company.create({
      data: { name: "Schmiede Bauer", normalizedName: normalizeCompanyName("Schmiede Bauer") },
    });
    expect((await titles("schmiede bau"))[0]).toBe("Schmiede Bauer");
    expect(await titles("Schmide Bauer")).toContain("Schmiede Bauer");
  });

  it("survives every migration: the triggers exist", async () => {
    if (engine === "postgres") {
      const triggers = await db.$queryRaw<{ name: string }[]>`
        SELECT CAST(tgname AS TEXT) AS name FROM pg_trigger WHERE NOT tgisinternal
          AND tgrelid IN ('"Company"'::regclass, '"ContactPerson"'::regclass) ORDER BY tgname`;
      expect(triggers.map((t) => t.name)).toEqual(["Company_search", "ContactPerson_search"]);
      return;
    }
    const triggers = await db.$queryRaw<{ name: string }[]>`
      SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('Company', 'ContactPerson') ORDER BY name`;
    expect(triggers.map((t) => t.name)).toEqual([
      "Company_search_delete",
      "Company_search_insert",
      "Company_search_update",
      "ContactPerson_search_delete",
      "ContactPerson_search_insert",
      "ContactPerson_search_update",
    ]);
  });
});

describe("match score", () => {
  it("is highest for a prefix and never above 1", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z]{2,10}$/),
        fc.stringMatching(/^[a-z ]{0,20}$/),
        (q, rest) => {
          const s = matchScore(q + rest, q);
          expect(s).toBe(1);
          expect(matchScore(`x${rest}`, q)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe("participants in the search", () => {
  it("are found by the coaches who may see them, umlaut-tolerant, and the read is audited", async () => {
    const coach = (await createUser("jobcoach")) as SessionUser;
    const other = (await createUser("jobcoach")) as SessionUser;
    await db.participant.create({
      data: {
        firstName: "Jördis",
        lastName: "Käßler",
        birthDate: new Date("2002-01-01"),
        coachId: coach.id,
        city: "Staßfurt",
      },
    });
    const own = await search("joerdis kae", 10, { user: coach, scope: "own" });
    expect(own.map((h) => [h.kind, h.title])).toEqual([["participant", "Jördis Käßler"]]);
    expect(await search("kaessler", 10, { user: other, scope: "own" })).toEqual([]);
    expect(await search("kaessler")).toEqual([]);
    expect(
      await db.auditLog.count({
        where: { actorId: coach.id, entityType: "participant", detail: { startsWith: "Suche" } },
      }),
    ).toBe(1);
  });
});
