import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { AppError } from "~/lib/errors";
import type { SessionUser } from "~/modules/auth/session.server";
import { ensureReferenceData } from "~/modules/reference/reference-data.server";
import { createUser } from "../../../tests/factories";
import { DuplicateError } from "./duplicates.server";
import {
  archiveCompany,
  changeCompanyStatus,
  createCompany,
  updateCompany,
} from "./editing.server";
import { type CompanyInput, companyFormSchema } from "./schema";

// These tests reuse names on purpose; duplicate detection has its own test.
const createAllowingDuplicates: typeof createCompany = (user, input, meta = {}) =>
  createCompany(user, input, { ...meta, allowDuplicate: true });

beforeAll(() => ensureReferenceData(), 60_000);

const form = (over: Record<string, string> = {}): CompanyInput =>
  companyFormSchema.parse({
    name: "Bäckerei Krüger GmbH",
    plz: "39104",
    outreachStatus: "neu",
    partTimeReadiness: "offen",
    tags: "Handwerk, Lebensmittel",
    ...over,
  });
const coach = async () => (await createUser("jobcoach")) as SessionUser;

async function fieldErrorOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e.fieldErrors;
    throw e;
  }
  return null;
}

describe("company editing", () => {
  it("creates a company with the district derived from the PLZ, tags and an audit entry", async () => {
    const user = await coach();
    const { id } = await createAllowingDuplicates(user, form());
    const c = await db.company.findUniqueOrThrow({
      where: { id },
      include: { tags: { include: { tag: true } } },
    });
    expect(c).toMatchObject({
      districtAgs: "15003",
      districtOverridden: false,
      normalizedName: "baeckerei krueger",
      ownerId: user.id,
      version: 1,
    });
    expect(c.tags.map((t) => t.tag.name).sort()).toEqual(["Handwerk", "Lebensmittel"]);
    expect(await db.auditLog.count({ where: { entityId: id, action: "create" } })).toBe(1);
  });

  it("asks for the district when the PLZ crosses a border, and refuses a district the PLZ is not in", async () => {
    const user = await coach();
    expect(await fieldErrorOf(createAllowingDuplicates(user, form({ plz: "39517" })))).toEqual({
      districtAgs: [
        "Die PLZ 39517 liegt in mehreren Landkreisen (Landkreis Börde, Landkreis Stendal). Bitte wählen Sie den Landkreis.",
      ],
    });
    const { id } = await createAllowingDuplicates(
      user,
      form({ plz: "39517", districtAgs: "15090" }),
    );
    expect(await db.company.findUniqueOrThrow({ where: { id } })).toMatchObject({
      districtAgs: "15090",
      districtOverridden: true,
    });
    expect(
      await fieldErrorOf(
        createAllowingDuplicates(user, form({ plz: "39104", districtAgs: "15090" })),
      ),
    ).toEqual({
      districtAgs: ["Die PLZ 39104 liegt in Magdeburg. Bitte PLZ oder Landkreis korrigieren."],
    });
    expect(await db.company.count({ where: { plz: "39104", districtAgs: "15090" } })).toBe(0);
  });

  it("refuses the second of two saves from the same version and says what changed", async () => {
    const a = await coach();
    const b = await coach();
    const { id } = await createAllowingDuplicates(a, form());
    const first = await updateCompany(a, id, {
      ...form({ outreachStatus: "informiert" }),
      version: 1,
    });
    expect(first).toEqual({ ok: true, name: "Bäckerei Krüger GmbH" });
    const second = await updateCompany(b, id, { ...form({ phone: "0391 123456" }), version: 1 });
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.conflict.who).toBe(a.name);
    expect(second.conflict.version).toBe(2);
    expect(second.conflict.fields).toEqual([
      { label: "Telefon", current: "–", mine: "0391 123456" },
      { label: "Status", current: "informiert", mine: "neu" },
    ]);
    const stored = await db.company.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ phone: null, outreachStatus: "informiert", version: 2 });
    expect(stored.informedAt).not.toBeNull();
    expect(await db.companyStatusChange.count({ where: { companyId: id } })).toBe(1);
    // Saving again with the version shown in the conflict is a deliberate overwrite.
    expect(
      (
        await updateCompany(b, id, {
          ...form({ phone: "0391 123456", outreachStatus: "informiert" }),
          version: 2,
        })
      ).ok,
    ).toBe(true);
  });

  it("moves a company in the pipeline and records the change once", async () => {
    const user = await coach();
    const { id } = await createAllowingDuplicates(user, form());
    await changeCompanyStatus(user, id, "interessiert");
    await changeCompanyStatus(user, id, "interessiert");
    expect(
      await db.companyStatusChange.findMany({
        where: { companyId: id },
        select: { fromStatus: true, toStatus: true },
      }),
    ).toEqual([{ fromStatus: "neu", toStatus: "interessiert" }]);
  });

  it("lets a coach archive only companies they own", async () => {
    const owner = await coach();
    const other = await coach();
    const { id } = await createAllowingDuplicates(owner, form());
    await expect(archiveCompany(other, "own", id)).rejects.toMatchObject({ status: 403 });
    await archiveCompany(owner, "own", id);
    expect((await db.company.findUniqueOrThrow({ where: { id } })).archivedAt).not.toBeNull();
    await expect(updateCompany(owner, id, { ...form(), version: 2 })).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe("duplicates", () => {
  it("warns about the same or a very similar name in the same PLZ, and allows it when confirmed", async () => {
    const user = await coach();
    await createCompany(user, form({ name: "Zahnarztpraxis Dr. Jähnig", plz: "39112" }));
    for (const name of [
      "Zahnarztpraxis Dr. Jaehnig",
      "ZAHNARZTPRAXIS DR. JÄHNIG GmbH",
      "Zahnarztpraxis Dr. Jähnik",
    ]) {
      await expect(createCompany(user, form({ name, plz: "39112" })), name).rejects.toBeInstanceOf(
        DuplicateError,
      );
    }
    // Another PLZ or a clearly different name is no duplicate.
    await createCompany(user, form({ name: "Zahnarztpraxis Dr. Jähnig", plz: "39104" }));
    await createCompany(user, form({ name: "Zahnarztpraxis Dr. Meier", plz: "39112" }));
    await createCompany(user, form({ name: "Zahnarztpraxis Dr. Jähnig", plz: "39112" }), {
      allowDuplicate: true,
    });
    expect(await db.company.count({ where: { normalizedName: "zahnarztpraxis dr jaehnig" } })).toBe(
      3,
    );
  });
});

describe("who owns a company", () => {
  it("a coach cannot take over a colleague's company (and then archive it); lead assigns only active team members", async () => {
    const owner = await coach();
    const intruder = await coach();
    const lead = (await createUser("leitung")) as SessionUser;
    const admin = await createUser("admin");
    const { id } = await createAllowingDuplicates(owner, form({ name: "Fremdbetrieb" }));
    const save = (user: SessionUser, ownerId: string) =>
      db.company.findUniqueOrThrow({ where: { id } }).then((c) =>
        updateCompany(user, id, {
          ...form({ name: "Fremdbetrieb", ownerId }),
          version: c.version,
        }),
      );

    expect(await fieldErrorOf(save(intruder, intruder.id))).toEqual({
      ownerId: ["Die Zuständigkeit ändern nur Projektleitung und Vermittlung."],
    });
    await expect(archiveCompany(intruder, "own", id)).rejects.toMatchObject({ status: 403 });
    expect(await fieldErrorOf(save(lead, admin.id))).toEqual({
      ownerId: ["Bitte wählen Sie einen gültigen Eintrag."],
    });
    expect(await fieldErrorOf(save(lead, "gibt-es-nicht"))).toEqual({
      ownerId: ["Bitte wählen Sie einen gültigen Eintrag."],
    });
    expect((await db.company.findUniqueOrThrow({ where: { id } })).ownerId).toBe(owner.id);
    expect((await save(lead, intruder.id)).ok).toBe(true);
    expect((await db.company.findUniqueOrThrow({ where: { id } })).ownerId).toBe(intruder.id);
  });
});
