import { describe, expect, it } from "vitest";
import { foldText, normalizeCompanyName } from "./text";

describe("text normalisation", () => {
  it("folds case and umlauts", () => {
    expect(foldText("Bäckerei MÜLLER Straße")).toBe("baeckerei mueller strasse");
  });

  it("ignores legal forms and punctuation in company names", () => {
    expect(normalizeCompanyName("Müller GmbH & Co. KG")).toBe("mueller");
    expect(normalizeCompanyName("Mueller-GmbH")).toBe("mueller");
    expect(normalizeCompanyName("Netzwerk Alleinerziehende e.V.")).toBe(
      "netzwerk alleinerziehende",
    );
    expect(normalizeCompanyName("Praxis Dr. Schmidt")).toBe("praxis dr schmidt");
    expect(normalizeCompanyName("Agentur AG Stendal")).toBe("agentur stendal");
  });
});
