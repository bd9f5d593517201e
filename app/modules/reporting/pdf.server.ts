import { existsSync } from "node:fs";
import { env } from "~/env.server";
import { CHROMIUM_ARGS } from "~/lib/chromium";
import { TEAM_TIME_ZONE } from "~/lib/day";
import { SESSION_COOKIE } from "~/modules/auth/session.server";

// The funder report as PDF: the machine's Chromium opens the report's print view as the same
// user (their session, on the server's own port) and prints it – the PDF is exactly what the
// browser's print shows. One PDF at a time; Chromium is started per report and closed after.

export const pdfAvailable = () => existsSync(env.CHROMIUM_PATH);

const FOOTER = `<div style="font: 8px sans-serif; width: 100%; padding: 0 12mm; display: flex; justify-content: space-between;">
  <span class="title"></span><span>Seite <span class="pageNumber"></span> von <span class="totalPages"></span></span></div>`;

let queue: Promise<unknown> = Promise.resolve();

/** Prints a page of this app (path with query) as an A4 PDF, seen by the session's user. */
export function printToPdf(path: string, sessionToken: string): Promise<Buffer> {
  const run = queue.then(() => print(path, sessionToken));
  queue = run.catch(() => undefined);
  return run;
}

async function print(path: string, sessionToken: string): Promise<Buffer> {
  const { chromium } = await import("playwright-core");
  const origin = `http://127.0.0.1:${env.PORT}`;
  const browser = await chromium.launch({
    executablePath: env.CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext({ locale: "de-DE", timezoneId: TEAM_TIME_ZONE });
    await context.addCookies([
      { name: SESSION_COOKIE, value: sessionToken, url: origin, httpOnly: true, sameSite: "Lax" },
    ]);
    const page = await context.newPage();
    const response = await page.goto(`${origin}${path}`, { waitUntil: "load", timeout: 30_000 });
    if (!response?.ok()) throw new Error(`print view answered ${response?.status()}`);
    return await page.pdf({
      format: "A4",
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: FOOTER,
      margin: { top: "15mm", bottom: "18mm", left: "12mm", right: "12mm" },
    });
  } finally {
    await browser.close();
  }
}
