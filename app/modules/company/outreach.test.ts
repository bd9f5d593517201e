import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { dateOnly } from "~/lib/day";
import type { SessionUser } from "~/modules/auth/session.server";
import { logInteraction } from "~/modules/interaction/log.server";
import { logInteractionSchema } from "~/modules/interaction/schema";
import { ensureReferenceData } from "~/modules/reference/reference-data.server";
import { createUser } from "../../../tests/factories";
import { changeCompanyStatus, createCompany, updateCompany } from "./editing.server";
import { runImport } from "./import.server";
import { companyFormSchema } from "./schema";
import {
  INFORMED_STATUSES,
  nextOutreach,
  OUTREACH_STATUSES,
  type OutreachEvent,
  type OutreachStatus,
} from "./values";

const NOW = new Date("2027-03-10T09:00:00Z");
const state = (outreachStatus: OutreachStatus, informedAt: Date | null = null) => ({
  outreachStatus,
  informedAt,
});
const contact = (at: string, informs: boolean): OutreachEvent => ({
  kind: "contact",
  at: dateOnly(at),
  informs,
});

describe("the outreach rule", () => {
  it("moves a company on by contacts and keeps a chosen status", () => {
    expect(nextOutreach(state("neu"), [contact("2027-03-01", false)], NOW)).toEqual(
      state("kontaktiert"),
    );
    expect(nextOutreach(state("kontaktiert"), [contact("2027-03-01", true)], NOW)).toEqual(
      state("informiert", dateOnly("2027-03-01")),
    );
    // A contact never moves a company back or out of "Kein Interesse".
    expect(nextOutreach(state("partner"), [contact("2027-03-01", false)], NOW).outreachStatus).toBe(
      "partner",
    );
    expect(
      nextOutreach(state("kein_interesse"), [contact("2027-03-01", true)], NOW).outreachStatus,
    ).toBe("kein_interesse");
    // Choosing an informed status dates the information to now; choosing another keeps the date.
    expect(nextOutreach(state("neu"), [{ kind: "set", status: "interessiert" }], NOW)).toEqual(
      state("interessiert", NOW),
    );
    const informed = state("informiert", dateOnly("2027-01-05"));
    expect(nextOutreach(informed, [{ kind: "set", status: "kein_interesse" }], NOW)).toEqual(
      state("kein_interesse", dateOnly("2027-01-05")),
    );
    // An informed date from a record raises a new company and keeps the earliest date.
    expect(
      nextOutreach(informed, [{ kind: "informed", at: dateOnly("2026-11-30") }], NOW).informedAt,
    ).toEqual(dateOnly("2026-11-30"));
    expect(
      nextOutreach(state("neu"), [{ kind: "informed", at: dateOnly("2026-11-30") }], NOW),
    ).toEqual(state("informiert", dateOnly("2026-11-30")));
  });

  it("never clears or postpones 'informed at', and an informed status always has it", () => {
    const status = fc.constantFrom(...OUTREACH_STATUSES);
    const day = fc
      .integer({ min: 0, max: 800 })
      .map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000));
    const event: fc.Arbitrary<OutreachEvent> = fc.oneof(
      status.map((s) => ({ kind: "set" as const, status: s })),
      fc.record({ kind: fc.constant("contact" as const), at: day, informs: fc.boolean() }),
      day.map((at) => ({ kind: "informed" as const, at })),
    );
    fc.assert(
      fc.property(status, fc.option(day, { nil: null }), fc.array(event), (s, date, events) => {
        // A valid start: an informed status has its date.
        const informed = (INFORMED_STATUSES as readonly string[]).includes(s);
        const before = state(s, informed ? (date ?? NOW) : date);
        const after = nextOutreach(before, events, NOW);
        if (before.informedAt)
          expect(after.informedAt!.getTime()).toBeLessThanOrEqual(before.informedAt.getTime());
        if ((INFORMED_STATUSES as readonly string[]).includes(after.outreachStatus))
          expect(after.informedAt).not.toBeNull();
      }),
    );
  });
});

describe("every writer goes through the rule and records status changes", () => {
  let user: SessionUser;
  beforeAll(async () => {
    await ensureReferenceData();
    user = (await createUser("vermittlung")) as SessionUser;
  }, 60_000);

  const form = (v: Record<string, string>) =>
    companyFormSchema.parse({ outreachStatus: "neu", partTimeReadiness: "offen", ...v });
  const changes = async (companyId: string) =>
    (
      await db.companyStatusChange.findMany({
        where: { companyId },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { fromStatus: true, toStatus: true },
      })
    ).map((c) => `${c.fromStatus}→${c.toStatus}`);

  it("form, board and contact log", async () => {
    const c = await createCompany(user, form({ name: "Regelwerk GmbH", plz: "39104" }));
    await logInteraction(
      user,
      c.id,
      logInteractionSchema.parse({
        type: "anruf",
        occurredAt: "2026-11-02",
        notes: "erster Anruf",
      }),
    );
    await logInteraction(
      user,
      c.id,
      logInteractionSchema.parse({
        type: "besuch",
        occurredAt: "2026-11-05",
        topics: ["tz_informiert"],
      }),
    );
    let row = await db.company.findUniqueOrThrow({ where: { id: c.id } });
    expect(row).toMatchObject({ outreachStatus: "informiert", informedAt: dateOnly("2026-11-05") });
    await changeCompanyStatus(user, c.id, "partner");
    row = await db.company.findUniqueOrThrow({ where: { id: c.id } });
    const saved = await updateCompany(user, c.id, {
      ...form({ name: "Regelwerk GmbH", plz: "39104", outreachStatus: "kein_interesse" }),
      version: row.version,
    });
    expect(saved.ok).toBe(true);
    row = await db.company.findUniqueOrThrow({ where: { id: c.id } });
    expect(row).toMatchObject({
      outreachStatus: "kein_interesse",
      informedAt: dateOnly("2026-11-05"),
    });
    expect(await changes(c.id)).toEqual([
      "neu→kontaktiert",
      "kontaktiert→informiert",
      "informiert→partner",
      "partner→kein_interesse",
    ]);
  });

  it("the import: an informed date informs the company and records the change; an empty status keeps it", async () => {
    const existing = await createCompany(user, form({ name: "Importhaus", plz: "39104" }));
    await changeCompanyStatus(user, existing.id, "interessiert");
    const table = {
      header: ["Firma", "PLZ", "Status", "informiert am"],
      rows: [
        ["Importhaus", "39104", "", "03.02.2025"],
        ["Neu informiert KG", "39104", "", "04.02.2025"],
      ],
    };
    await runImport(user, table, {
      mapping: { name: 0, plz: 1, outreachStatus: 2, informedAt: 3 },
      duplicates: "update",
      skipInvalid: false,
      filename: "regel.csv",
    });
    const updated = await db.company.findUniqueOrThrow({ where: { id: existing.id } });
    expect(updated).toMatchObject({
      outreachStatus: "interessiert",
      informedAt: dateOnly("2025-02-03"),
    });
    const created = await db.company.findFirstOrThrow({ where: { name: "Neu informiert KG" } });
    expect(created).toMatchObject({
      outreachStatus: "informiert",
      informedAt: dateOnly("2025-02-04"),
    });
  });
});
