import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { normalizeCompanyName, personSearchName } from "~/lib/text";
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
