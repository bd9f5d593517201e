import http from "node:http";
import { expect, test } from "@playwright/test";

test("security headers on pages, health check and no-store on personal pages", async ({
  request,
}) => {
  const res = await request.get("/anmelden");
  expect(res.status()).toBe(200);
  const h = res.headers();
  expect(h["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("same-origin");
  expect(h["cache-control"]).toBe("no-store");
  const nonce = /'nonce-([^']+)'/.exec(h["content-security-policy"]!)![1];
  expect(await res.text()).toContain(`nonce="${nonce}"`);

  const health = await request.get("/healthz");
  expect(health.status()).toBe(200);
  expect(await health.text()).toBe("ok");
});

test("a POST from another origin is refused and changes nothing", async ({ request }) => {
  const res = await request.post("/anmelden", {
    headers: { Origin: "https://evil.example" },
    form: { email: "admin@lotse.example", password: "demo-lotse-2026" },
    maxRedirects: 0,
  });
  expect(res.status()).toBe(403);
  expect(res.headers()["set-cookie"]).toBeUndefined();
});

test("a tampered session cookie gets the login page, not data", async ({ request }) => {
  const res = await request.get("/uebersicht", {
    headers: { Cookie: "lotse_session=abc%00def" },
    maxRedirects: 0,
  });
  expect(res.status()).toBe(302);
  expect(res.headers().location).toMatch(/^\/anmelden/);
});

test("unknown pages get the German 404 page", async ({ page }) => {
  const res = await page.goto("/gibt-es-nicht");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Seite nicht gefunden" })).toBeVisible();
});

// The server's own check: without JavaScript the browser sends the form as it is.
test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an overlong field is refused with a 4xx and a German message", async ({ page }) => {
    await page.goto("/anmelden");
    await page.getByLabel("E-Mail-Adresse").evaluate((el) => el.removeAttribute("maxlength"));
    await page.getByLabel("E-Mail-Adresse").fill(`${"a".repeat(300)}@test.example`);
    await page.getByLabel("Passwort").fill("irgendwas-langes");
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: "Anmelden" }).click(),
    ]);
    expect(response.status()).toBe(400);
    await expect(page.getByText("Höchstens 254 Zeichen.")).toBeVisible();
  });
});

/**
 * POSTs to the test server: with a declared Content-Length of `size` (the body is not sent: the
 * server must refuse on the header alone), or chunked without a length, 64 KiB at a time until
 * the server answers (as an upload in a browser would). Resolves with the status.
 */
function postBody(path: string, size: number, chunked: boolean): Promise<number> {
  const port = Number(process.env.E2E_PORT ?? 3100);
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = http.request(
      {
        host: "localhost",
        port,
        path,
        method: "POST",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          ...(chunked ? { "Transfer-Encoding": "chunked" } : { "Content-Length": String(size) }),
        },
      },
      (res) => {
        answered = true;
        res.resume();
        resolve(res.statusCode ?? 0);
        if (chunked) req.end();
        else req.destroy();
      },
    );
    req.on("error", (e) => {
      if (!answered) reject(e);
    });
    if (!chunked) return void req.flushHeaders();
    const chunk = Buffer.alloc(64 * 1024, 97);
    let sent = 0;
    const write = () => {
      if (answered) return;
      if (sent >= size) return void req.end();
      sent += chunk.length;
      req.write(chunk, () => setTimeout(write, 2));
    };
    write();
  });
}

test("request bodies are capped before they are parsed: 413 for a declared or a chunked oversize body", async () => {
  expect(await postBody("/anmelden", 2 * 1024 * 1024, false)).toBe(413);
  expect(await postBody("/anmelden", 20 * 1024 * 1024, true)).toBe(413);
  // The server is still there for everyone else.
  const health = await fetch(`http://localhost:${process.env.E2E_PORT ?? 3100}/healthz`);
  expect(await health.text()).toBe("ok");
});
