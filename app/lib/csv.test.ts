import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsv, parseCsvRecords, writeCsv } from "./csv";

describe("csv", () => {
  it("reads German Excel CSV: BOM, semicolons, quoted separators, quotes and line breaks", () => {
    const text =
      '\uFEFFName;Notiz\r\n"Müller; Söhne";"Sagte ""Hallo""\r\nzweite Zeile"\r\nKrüger;\r\n';
    expect(parseCsv(text, { separator: ";" })).toEqual([
      ["Name", "Notiz"],
      ["Müller; Söhne", 'Sagte "Hallo"\r\nzweite Zeile'],
      ["Krüger", ""],
    ]);
    expect(parseCsvRecords(text, { separator: ";" })[1]).toEqual({ Name: "Krüger", Notiz: "" });
  });

  it("neutralises cells that a spreadsheet would run as formulas", () => {
    const out = writeCsv([['=HYPERLINK("x")', "+49 391", "-5", "@SUM(A1)", "normal"]], {
      separator: ";",
      neutraliseFormulas: true,
    });
    expect(out).toBe(`"'=HYPERLINK(""x"")";'+49 391;'-5;'@SUM(A1);normal\n`);
  });

  it("reads back whatever it writes", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), {
          minLength: 1,
          maxLength: 10,
        }),
        (rows) => {
          // A row of one empty field is indistinguishable from an empty line in CSV.
          const nonEmpty = rows.map((r) => (r.length === 1 && r[0] === "" ? ["x"] : r));
          expect(parseCsv(writeCsv(nonEmpty, { separator: ";" }), { separator: ";" })).toEqual(
            nonEmpty,
          );
        },
      ),
    );
  });
});
