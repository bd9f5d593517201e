import { describe, expect, it } from "vitest";
import { Prisma, queryRows, sqlCount } from "./db.server";

describe("typed raw rows", () => {
  it("read counts as numbers and fail on a misspelt column instead of reading 0", async () => {
    expect(await queryRows({ n: sqlCount }, Prisma.sql`SELECT count(*) AS n FROM User`)).toEqual([
      { n: 0 },
    ]);
    expect(await queryRows({ n: sqlCount }, Prisma.sql`SELECT sum(1) AS n FROM User`)).toEqual([
      { n: 0 },
    ]);
    await expect(
      queryRows({ n: sqlCount }, Prisma.sql`SELECT count(*) AS m FROM User`),
    ).rejects.toThrow();
  });
});
