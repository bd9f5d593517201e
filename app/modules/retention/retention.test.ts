import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DATENART_KEYS, DATENARTEN } from "./datenarten";
import { FIELD_DATENART } from "./fields";
import { evidenceKeptUntil, parsePeriodOverrides, periodMonths } from "./rules";
import { retentionRules } from "./rules.server";

/** Every table of prisma/schema.prisma with its columns (relation fields are not columns). */
function schemaColumns(): Record<string, string[]> {
  const schema = readFileSync(
    path.resolve(import.meta.dirname, "../../../prisma/schema.prisma"),
    "utf8",
  );
  const models = [...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)];
  const names = new Set(models.map((m) => m[1]));
  return Object.fromEntries(
    models.map(([, name, body]) => [
      name,
      (body ?? "")
        .split("\n")
        .map((line) => line.trim().split(/\s+/))
        .filter(([field, type]) => field && type && /^\w+$/.test(field))
        .filter(([, type]) => !names.has((type ?? "").replace(/[?[\]]/g, "")))
        .map(([field]) => field as string),
    ]),
  );
}

describe("deletion rules", () => {
  it("classify every column of the schema into exactly one Datenart, and name no column that is gone", () => {
    const columns = schemaColumns();
    expect(Object.keys(columns).length).toBeGreaterThan(30);
    const unclassified = Object.entries(columns).flatMap(([table, fields]) =>
      fields.filter((f) => !FIELD_DATENART[table]?.[f]).map((f) => `${table}.${f}`),
    );
    expect(unclassified).toEqual([]);
    const stale = Object.entries(FIELD_DATENART).flatMap(([table, fields]) =>
      Object.keys(fields)
        .filter((f) => !columns[table]?.includes(f))
        .map((f) => `${table}.${f}`),
    );
    expect(stale).toEqual([]);
  });

  it("keep a project's ESF evidence until 31 December of the payment year + 5 years", () => {
    expect(evidenceKeptUntil("2026-03-12")).toBe("2031-12-31");
    expect(evidenceKeptUntil("2026-12-31")).toBe("2031-12-31");
    expect(evidenceKeptUntil("2027-01-01")).toBe("2032-12-31");
    expect(evidenceKeptUntil(null)).toBeNull();
    // A longer period agreed with the funder (in whole months from 31 December).
    expect(evidenceKeptUntil("2026-03-12", { esf_nachweis: 66 })).toBe("2032-06-30");
  });

  it("take an installation's periods only within each rule's bounds", () => {
    expect(parsePeriodOverrides("")).toEqual({ ok: true, overrides: {} });
    expect(parsePeriodOverrides("tn_kontakt=18, tn_beratung=3")).toEqual({
      ok: true,
      overrides: { tn_kontakt: 18, tn_beratung: 3 },
    });
    expect(parsePeriodOverrides("tn_kontakt=48")).toMatchObject({ ok: false });
    expect(parsePeriodOverrides("esf_nachweis=12")).toMatchObject({ ok: false });
    expect(parsePeriodOverrides("tn_kontakt=1.5")).toMatchObject({ ok: false });
    expect(parsePeriodOverrides("unbekannt=3")).toMatchObject({ ok: false });
    expect(periodMonths("tn_kontakt", { tn_kontakt: 18 })).toBe(18);
    expect(periodMonths("tn_kontakt")).toBe(12);
  });

  it("state defaults within their own bounds, and list every Datenart with its columns", () => {
    for (const key of DATENART_KEYS) {
      const { months, bounds } = DATENARTEN[key];
      expect(months, key).toBeGreaterThanOrEqual(bounds[0]);
      expect(months, key).toBeLessThanOrEqual(bounds[1]);
    }
    const rules = retentionRules();
    expect(rules.map((r) => r.key)).toEqual(DATENART_KEYS);
    const participant = rules.find((r) => r.key === "tn_kontakt")?.tables;
    expect(participant).toEqual([
      {
        table: "Participant",
        columns: ["street", "plz", "city", "phone", "email"],
      },
    ]);
    // The evidence names who took part (the participant list), but contact data and coaching
    // notes are never kept for it.
    const evidence = rules.find((r) => r.key === "esf_nachweis")?.tables ?? [];
    const evidenceColumns = evidence.flatMap((x) => x.columns.map((c) => `${x.table}.${c}`));
    expect(evidenceColumns).toContain("Participant.lastName");
    for (const personal of ["Participant.email", "Participant.street", "Participant.notes"])
      expect(evidenceColumns).not.toContain(personal);
  });
});
