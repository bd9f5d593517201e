import { describe, expect, it } from "vitest";
import { isForeignOriginRequest, safeRedirectTarget, securityHeaders } from "./security.server";

const app = ["http://localhost:3000"];

describe("origin check", () => {
  it("refuses state changes from another origin or a cross-site fetch", () => {
    expect(
      isForeignOriginRequest(
        "POST",
        { origin: "https://evil.example", host: "localhost:3000" },
        app,
      ),
    ).toBe(true);
    expect(isForeignOriginRequest("POST", { origin: "null", host: "localhost:3000" }, app)).toBe(
      true,
    );
    // Garbage in the header is refused like a foreign origin, not answered with a 500.
    for (const origin of ["garbage", "http://", "://x", " "])
      expect(isForeignOriginRequest("POST", { origin, host: "localhost:3000" }, app)).toBe(true);
    expect(
      isForeignOriginRequest("POST", { secFetchSite: "cross-site", host: "localhost:3000" }, app),
    ).toBe(true);
    expect(
      isForeignOriginRequest("DELETE", { secFetchSite: "same-site", host: "localhost:3000" }, app),
    ).toBe(true);
  });

  it("lets same-origin posts and all reads through", () => {
    expect(
      isForeignOriginRequest(
        "POST",
        { origin: "http://localhost:3000", secFetchSite: "same-origin", host: "localhost:3000" },
        app,
      ),
    ).toBe(false);
    expect(
      isForeignOriginRequest(
        "POST",
        { origin: "http://127.0.0.1:3100", host: "127.0.0.1:3100" },
        app,
      ),
    ).toBe(false);
    expect(
      isForeignOriginRequest(
        "GET",
        { origin: "https://evil.example", secFetchSite: "cross-site" },
        app,
      ),
    ).toBe(false);
  });
});

describe("security headers", () => {
  it("enforces a CSP with the nonce and the directives security.md names", () => {
    const h = securityHeaders("abc123", true);
    const csp = h["Content-Security-Policy"]!;
    for (const d of [
      "default-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "'nonce-abc123'",
    ])
      expect(csp).toContain(d);
    expect(csp).not.toContain("unsafe-inline");
    expect(h["X-Content-Type-Options"]).toBe("nosniff");
    expect(h["Referrer-Policy"]).toBe("same-origin");
    expect(h["Strict-Transport-Security"]).toMatch(/max-age=/);
    expect(securityHeaders("x", false)["Strict-Transport-Security"]).toBeUndefined();
  });
});

describe("redirect targets", () => {
  it("accepts only relative paths", () => {
    expect(safeRedirectTarget("/unternehmen?x=1")).toBe("/unternehmen?x=1");
    for (const bad of [
      "https://evil.example",
      "//evil.example",
      "/\\evil.example",
      "javascript:alert(1)",
      "/\t/evil.example/x",
      decodeURIComponent("/%09/evil.example/x"),
      "/\n/evil.example",
      "/ /evil.example",
      "/.//evil.example",
      null,
    ]) {
      expect(safeRedirectTarget(bad)).toBe("/uebersicht");
    }
  });
});
