import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { parseListParams } from "~/lib/list-params";
import { ensureReferenceData } from "~/modules/reference/reference-data.server";
import { listOpenOffers } from "./offers.server";
import { OFFER_SORTS } from "./values";

beforeAll(() => ensureReferenceData(), 60_000);
const params = parseListParams(new URL("http://x/matching"), {
  sortable: OFFER_SORTS,
  defaultSort: "occupation",
});

describe("open offers", () => {
  it("keeps offers with free places at interested, active companies and counts free places", async () => {
    const occupation = await db.occupation.findUniqueOrThrow({
      where: { title: "Medizinische/r Fachangestellte/r" },
    });
    const company = (name: string, extra: object = {}) =>
      db.company.create({
        data: { name, normalizedName: name.toLowerCase(), districtAgs: "15089", ...extra },
        select: { id: true },
      });
    const open = await company("Praxis Offen");
    const noInterest = await company("Praxis Nein", { outreachStatus: "kein_interesse" });
    const archived = await company("Praxis Archiv", { archivedAt: new Date() });
    const offer = (
      companyId: string,
      places: number,
      placesFilled: number,
      partTimePossible = true,
    ) =>
      db.trainingOffer.create({
        data: { companyId, occupationId: occupation.id, places, placesFilled, partTimePossible },
      });
    await offer(open.id, 3, 1);
    await offer(open.id, 2, 2);
    await offer(noInterest.id, 2, 0);
    await offer(archived.id, 2, 0);

    const page = await listOpenOffers(params);
    expect(page.count).toBe(1);
    expect(page.data[0]).toMatchObject({
      free: 2,
      company: { name: "Praxis Offen" },
      occupation: { kldbCode: "81102" },
    });
    expect((await listOpenOffers(params, { districtAgs: "15003" })).count).toBe(0);
    expect((await listOpenOffers({ ...params, q: "811" })).count).toBe(1);
  });
});
