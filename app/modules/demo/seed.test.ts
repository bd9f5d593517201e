import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { login } from "~/modules/auth/login.server";
import { DEMO_ACCOUNTS } from "./accounts";
import { seedDemoData } from "./seed.server";

describe("demo data", () => {
  it("fills an empty database with realistic data and four working demo logins, once", async () => {
    const result = await seedDemoData();
    expect(result).toEqual({ companies: 60, contacts: 150, participants: 30 });
    const districts = await db.company.groupBy({ by: ["districtAgs"], _count: true });
    expect(districts.map((d) => d.districtAgs).sort()).toEqual([
      "15003",
      "15083",
      "15086",
      "15089",
      "15090",
    ]);
    // Every company PLZ is a real PLZ of its district.
    const companies = await db.company.findMany({ select: { plz: true, districtAgs: true } });
    for (const c of companies) {
      expect(
        await db.postalCode.count({ where: { plz: c.plz!, districtAgs: c.districtAgs! } }),
      ).toBe(1);
    }
    expect(await db.interaction.count()).toBeGreaterThan(100);
    expect(await db.event.count()).toBeGreaterThanOrEqual(3);
    expect(await db.internship.count()).toBeGreaterThanOrEqual(5);
    for (const a of DEMO_ACCOUNTS) {
      const r = await login({ email: a.email, password: "demo-lotse-2026" }, { ip: "10.5.0.1" });
      expect(r.ok, a.email).toBe(true);
    }
    expect(await seedDemoData()).toBeNull();
  }, 60_000);
});

describe("leaving demo mode", () => {
  it("deactivates the demo logins and ends their sessions", async () => {
    const { disableDemoAccounts } = await import("./seed.server");
    expect(await disableDemoAccounts()).toBe(4);
    for (const a of DEMO_ACCOUNTS) {
      const r = await login({ email: a.email, password: "demo-lotse-2026" }, { ip: "10.5.0.2" });
      expect(r.ok, a.email).toBe(false);
    }
    expect(
      await db.session.count({
        where: { user: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } } },
      }),
    ).toBe(0);
    expect(await disableDemoAccounts()).toBe(0);
  });
});
