import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { optionalEmail, optionalPlz, optionalUrl, parseDate } from "./validation";

describe("field rules", () => {
  it("accepts only http(s) links and completes www.", () => {
    expect(optionalUrl.parse("www.beispiel.de")).toBe("https://www.beispiel.de");
    expect(optionalUrl.parse("https://beispiel.de/x")).toBe("https://beispiel.de/x");
    expect(optionalUrl.parse("")).toBeNull();
    for (const bad of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "data:text/html,x",
      "ftp://x.de",
      "beispiel",
    ]) {
      expect(optionalUrl.safeParse(bad).error?.issues[0]?.message).toBe(
        "Bitte geben Sie eine Web-Adresse mit http:// oder https:// ein.",
      );
    }
  });

  it("checks PLZ and email", () => {
    expect(optionalPlz.parse(" 39104 ")).toBe("39104");
    expect(optionalPlz.safeParse("1234").success).toBe(false);
    expect(optionalPlz.safeParse("A-1010").success).toBe(false);
    expect(optionalEmail.parse("Info@Beispiel.DE")).toBe("info@beispiel.de");
    expect(optionalEmail.safeParse("ohne-at.de").error?.issues[0]?.message).toBe(
      "Bitte geben Sie eine gültige E-Mail-Adresse ein.",
    );
  });

  it("reads German and ISO dates and refuses impossible ones", () => {
    expect(parseDate("31.12.2025")?.toISOString()).toBe("2025-12-31T00:00:00.000Z");
    expect(parseDate("2025-02-28")?.toISOString()).toBe("2025-02-28T00:00:00.000Z");
    expect(parseDate("31.02.2025")).toBeNull();
    expect(parseDate("29.02.2023")).toBeNull();
    expect(parseDate("29.02.2024")).not.toBeNull();
    expect(parseDate("gestern")).toBeNull();
  });

  it("round-trips every valid day", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1950-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }),
        (d) => {
          const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
          const german = `${day.getUTCDate()}.${day.getUTCMonth() + 1}.${day.getUTCFullYear()}`;
          expect(parseDate(german)?.getTime()).toBe(day.getTime());
        },
      ),
    );
  });
});
