import { describe, expect, it } from "vitest";
import { icsFile } from "./ics";

describe("calendar file", () => {
  it("writes a valid VEVENT with UTC times, escaped text and folded long lines", () => {
    const ics = icsFile({
      uid: "event-1@lotse",
      title: "Infoabend; Teilzeit, Ausbildung",
      description: `Zeile eins\nZeile zwei ${"ä".repeat(60)}`,
      startsAt: new Date("2026-12-15T16:00:00Z"),
      location: "IHK Magdeburg, Alter Markt 8",
      now: new Date("2026-11-25T10:00:00Z"),
    });
    const lines = ics.split("\r\n");
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(lines).toContain("DTSTART:20261215T160000Z");
    expect(lines).toContain("DTEND:20261215T180000Z");
    expect(lines).toContain("SUMMARY:Infoabend\\; Teilzeit\\, Ausbildung");
    expect(lines).toContain("LOCATION:IHK Magdeburg\\, Alter Markt 8");
    for (const line of lines) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    const unfolded = ics.replace(/\r\n /g, "");
    expect(unfolded).toContain(`DESCRIPTION:Zeile eins\\nZeile zwei ${"ä".repeat(60)}`);
  });
});

describe("calendar file from hostile input", () => {
  it("adds no line: CR/LF in a link or a text stays inside its own property", () => {
    const ics = icsFile({
      uid: "event-2@lotse",
      title: "Titel\rX-INJECT:1",
      location: "Ort\r\nATTENDEE:mailto:x@evil.example",
      url: "https://meet.example/raum\r\nATTACH:https://evil.example/x",
      startsAt: new Date("2026-12-15T16:00:00Z"),
      now: new Date("2026-11-25T10:00:00Z"),
    });
    const names = ics
      .replace(/\r\n /g, "")
      .split("\r\n")
      .filter(Boolean)
      .map((l) => l.split(/[:;]/)[0]);
    expect(names).not.toContain("X-INJECT");
    expect(names).not.toContain("ATTENDEE");
    expect(names).not.toContain("ATTACH");
    expect(ics).toContain("URL:https://meet.example/raumATTACH:https://evil.example/x");
  });

  it("the event form stores a link as parsed, refusing white space inside", async () => {
    const { optionalUrl } = await import("~/lib/validation");
    expect(optionalUrl.parse("https://meet.example/raum")).toBe("https://meet.example/raum");
    expect(optionalUrl.safeParse("https://meet.example/raum\r\nATTACH:x").success).toBe(false);
    expect(optionalUrl.safeParse("https://meet.example/ raum").success).toBe(false);
  });
});
