import { describe, expect, it } from "vitest";
import { ACTIONS, can, navFor, OBJECTS, PERMISSIONS, ROLES, scopeFor } from "./permissions";

describe("permission table", () => {
  it("denies unknown roles everything", () => {
    for (const a of ACTIONS) for (const o of OBJECTS) expect(can("gast", a, o)).toBe(false);
  });

  it("lists only known actions and objects", () => {
    for (const role of ROLES) {
      for (const p of PERMISSIONS[role]) {
        const [a, o, s] = p.split(":");
        expect(ACTIONS).toContain(a);
        expect(OBJECTS).toContain(o);
        expect(["own", "any"]).toContain(s);
      }
    }
  });

  it("keeps social data away from admins and other coaches' participants from a coach", () => {
    expect(scopeFor("admin", "read", "participant")).toBeNull();
    expect(scopeFor("jobcoach", "read", "participant")).toBe("own");
    expect(scopeFor("vermittlung", "read", "participant")).toBe("any");
    expect(scopeFor("leitung", "read", "participant")).toBe("any");
  });

  it("'any' includes 'own', 'own' does not include 'any'", () => {
    expect(can("leitung", "read", "company", "own")).toBe(true);
    expect(can("jobcoach", "archive", "company", "own")).toBe(true);
    expect(can("jobcoach", "archive", "company", "any")).toBe(false);
  });

  it("shows each role the navigation it may use", () => {
    const keys = (role: string) => navFor(role).map((n) => n.key);
    expect(keys("admin")).toEqual(["uebersicht", "verwaltung"]);
    expect(keys("jobcoach")).toEqual([
      "uebersicht",
      "unternehmen",
      "kontakte",
      "teilnehmende",
      "veranstaltungen",
      "praktika",
      "matching",
      "wiedervorlagen",
    ]);
    expect(keys("leitung")).toContain("berichte");
    expect(keys("leitung")).not.toContain("verwaltung");
    expect(keys("vermittlung")).not.toContain("berichte");
  });
});
