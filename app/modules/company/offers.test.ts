import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import type { SessionUser } from "~/modules/auth/session.server";
import { ensureReferenceData } from "~/modules/reference/reference-data.server";
import { createUser } from "../../../tests/factories";
import { createCompany } from "./editing.server";
import { offerSchema } from "./offer-schema";
import { archiveOffer, saveOffer } from "./offers.server";
import { companyFormSchema } from "./schema";

beforeAll(() => ensureReferenceData(), 60_000);

describe("apprenticeship offers", () => {
  it("adds, edits with locking and removes an offer", async () => {
    const user = (await createUser("vermittlung")) as SessionUser;
    const company = await createCompany(
      user,
      companyFormSchema.parse({
        name: "Praxis Lang",
        plz: "39104",
        outreachStatus: "neu",
        partTimeReadiness: "ja",
      }),
    );
    const occupation = await db.occupation.findUniqueOrThrow({
      where: { title: "Medizinische/r Fachangestellte/r" },
    });
    const input = offerSchema.parse({
      occupationId: occupation.id,
      places: "2",
      placesFilled: "0",
      partTimePossible: "on",
      startDate: "01.08.2027",
    });
    await saveOffer(user, company.id, input);
    const offer = await db.trainingOffer.findFirstOrThrow({ where: { companyId: company.id } });
    expect(offer).toMatchObject({
      places: 2,
      partTimePossible: true,
      internshipPossible: false,
      version: 1,
    });
    expect(
      (await db.company.findUniqueOrThrow({ where: { id: company.id } })).isTrainingCompany,
    ).toBe(true);

    await saveOffer(user, company.id, { ...input, offerId: offer.id, version: 1, placesFilled: 1 });
    await expect(
      saveOffer(user, company.id, { ...input, offerId: offer.id, version: 1, placesFilled: 2 }),
    ).rejects.toMatchObject({ status: 409 });
    expect(
      (await db.trainingOffer.findUniqueOrThrow({ where: { id: offer.id } })).placesFilled,
    ).toBe(1);

    await archiveOffer(user, company.id, offer.id);
    expect(
      (await db.trainingOffer.findUniqueOrThrow({ where: { id: offer.id } })).archivedAt,
    ).not.toBeNull();
  });

  it("refuses more filled places than places and an unknown occupation", async () => {
    const parsed = offerSchema.safeParse({ occupationId: "x", places: "1", placesFilled: "2" });
    expect(parsed.error?.issues.map((i) => i.message)).toEqual([
      "Es können nicht mehr Plätze besetzt als vorhanden sein.",
    ]);
    expect(
      offerSchema.safeParse({ occupationId: "x", places: "0", placesFilled: "0" }).error?.issues[0]
        ?.message,
    ).toBe("Bitte eine Zahl von 1 bis 99.");
    const user = (await createUser("vermittlung")) as SessionUser;
    const company = await createCompany(
      user,
      companyFormSchema.parse({
        name: "Praxis Kurz",
        outreachStatus: "neu",
        partTimeReadiness: "ja",
      }),
    );
    await expect(
      saveOffer(
        user,
        company.id,
        offerSchema.parse({ occupationId: "gibt-es-nicht", places: "1", placesFilled: "0" }),
      ),
    ).rejects.toMatchObject({
      fieldErrors: { occupationId: ["Diesen Ausbildungsberuf gibt es in der Liste nicht."] },
    });
  });
});
