import { describe, expect, it } from "vitest";
import { nextParticipantStatus, PARTICIPANT_STATUSES, type ParticipantStatusEvent } from "./values";

describe("the participant status rule", () => {
  it("moves only the statuses an event concerns", () => {
    const table = (event: ParticipantStatusEvent) =>
      Object.fromEntries(PARTICIPANT_STATUSES.map((s) => [s, nextParticipantStatus(s, event)]));
    expect(table("internship_started")).toEqual({
      interessiert: "im_praktikum",
      aktiv: "im_praktikum",
      im_praktikum: "im_praktikum",
      in_ausbildung: "in_ausbildung",
      ausgeschieden: "ausgeschieden",
    });
    expect(table("internships_ended")).toEqual({
      interessiert: "interessiert",
      aktiv: "aktiv",
      im_praktikum: "aktiv",
      in_ausbildung: "in_ausbildung",
      ausgeschieden: "ausgeschieden",
    });
    expect(table("apprenticeship_recorded")).toEqual({
      interessiert: "in_ausbildung",
      aktiv: "in_ausbildung",
      im_praktikum: "in_ausbildung",
      in_ausbildung: "in_ausbildung",
      ausgeschieden: "ausgeschieden",
    });
    expect(nextParticipantStatus("ausgeschieden", "reentered")).toBe("aktiv");
    expect(nextParticipantStatus("aktiv", "reentry_undone")).toBe("ausgeschieden");
  });
});
