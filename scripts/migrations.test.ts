import { describe, expect, it } from "vitest";
import { pendingSchemaChange } from "./migrations";

describe("the migration set", () => {
  it("replayed into an empty database, makes exactly prisma/schema.prisma", async () => {
    expect(await pendingSchemaChange()).toBe("");
  }, 60_000);
});
