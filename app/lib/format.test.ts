import { describe, expect, it } from "vitest";
import { formatProtectedCount } from "./format";

describe("counts in a report that leaves the team", () => {
  it("show 1 and 2 as < 3, and 0 and larger counts as they are", () => {
    expect([0, 1, 2, 3, 1234].map(formatProtectedCount)).toEqual(["0", "< 3", "< 3", "3", "1.234"]);
  });
});
