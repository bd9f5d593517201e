import { describe, expect, it } from "vitest";
import { labelOf } from "./labels";
import { tn } from "./messages";

describe("the message catalogue", () => {
  it("writes numbers in their grammatical form", () => {
    expect(tn("table.count", 0)).toBe("0 Einträge");
    expect(tn("table.count", 1)).toBe("1 Eintrag");
    expect(tn("table.count", 1234)).toBe("1.234 Einträge");
    expect(tn("matching.freePlaces", 1)).toBe("1 freier Platz");
    expect(tn("matching.freePlaces", 2)).toBe("2 freie Plätze");
    expect(tn("matching.farHidden", 1, { minutes: 60 })).toBe(
      "1 Angebot liegt weiter als die akzeptierten 60 min Weg und ist ausgeblendet.",
    );
    expect(tn("invitation.confirm", 1)).toBe("Sie senden jetzt 1 Einladung an:");
    expect(tn("registration.freeCount", 3)).toBe("noch 3 Plätze frei");
    expect(tn("event.eventCancelled", 2, { title: "Forum" })).toBe(
      "„Forum“ ist abgesagt; 2 E-Mails an Angemeldete sind im Postausgang.",
    );
  });

  it("names a declared value, and shows unknown or empty values plainly", () => {
    expect(labelOf("outreach", "bietet_plaetze")).toBe("Bietet Plätze");
    expect(labelOf("outreach", "alt_und_unbekannt")).toBe("alt_und_unbekannt");
    expect(labelOf("outreach", null)).toBe("–");
  });
});
