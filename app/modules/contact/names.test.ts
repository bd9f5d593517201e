import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitContactName } from "./names";

describe("splitting a contact's name from a spreadsheet", () => {
  it.each([
    ["Frau Schulze", { salutation: "Frau", firstName: "", lastName: "Schulze" }],
    ["Herr Dr. Meier", { salutation: "Herr", firstName: "", lastName: "Dr. Meier" }],
    ["Anna Schulze", { salutation: null, firstName: "Anna", lastName: "Schulze" }],
    ["Schulze, Anna", { salutation: null, firstName: "Anna", lastName: "Schulze" }],
    ["Hr. Jens Becker", { salutation: "Herr", firstName: "Jens", lastName: "Becker" }],
    [
      "Frau Dr. Anna Maria von Berg",
      { salutation: "Frau", firstName: "Anna Maria", lastName: "Dr. von Berg" },
    ],
    [
      "  Herr   Prof. Dr. Klaus  Weber ",
      { salutation: "Herr", firstName: "Klaus", lastName: "Prof. Dr. Weber" },
    ],
    ["Meier", { salutation: null, firstName: "", lastName: "Meier" }],
  ])("%s", (raw, expected) => {
    expect(splitContactName(raw)).toEqual(expected);
  });

  it("gives nothing when no last name is left", () => {
    expect(splitContactName("")).toBeNull();
    expect(splitContactName("Frau")).toBeNull();
    expect(splitContactName("Herr Dr.")).toBeNull();
    expect(splitContactName(", Anna")).toBeNull();
  });

  it("keeps every word of a plain name, in order", () => {
    const word = fc
      .stringMatching(/^[A-ZÄÖÜ][a-zäöüß]{1,8}$/)
      .filter(
        (w) =>
          !["Frau", "Herr", "Herrn", "Fr", "Hr"].includes(w) &&
          !/^(Dr|Prof|Dipl|Ing|Med|Rer|Nat|Phil|Habil)/.test(w),
      );
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), (words) => {
        const split = splitContactName(words.join(" "));
        expect([split!.firstName, split!.lastName].filter(Boolean).join(" ")).toBe(words.join(" "));
        expect(split!.lastName).toBe(words.at(-1));
      }),
    );
  });
});
