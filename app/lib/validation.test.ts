import { describe, expect, it } from "vitest";
import { optionalEmail, optionalPlz, optionalUrl } from "./validation";

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
});
