// The production HTTP server: security headers, origin check, static files, then Remix.
import path from "node:path";
import { pathToFileURL } from "node:url";
import {
  createRequestHandler,
  type ServerBuild,
  writeReadableStreamToWritable,
} from "@remix-run/node";
import express, { type Request as ExpressRequest, type Response as ExpressResponse } from "express";
import { bodyLimitFor, limitedBody } from "../app/lib/body-limit.server.ts";
import {
  createNonce,
  isForeignOriginRequest,
  securityHeaders,
} from "../app/lib/security.server.ts";
import { t } from "../app/messages.ts";
import { audit } from "../app/modules/audit/audit.server.ts";

export async function createServer(root: string) {
  const build = (await import(
    pathToFileURL(path.join(root, "build/server/index.js")).href
  )) as ServerBuild;
  const production = process.env.NODE_ENV === "production";
  const appOrigin = new URL(process.env.APP_URL ?? "http://localhost:3000").origin;

  const app = express();
  app.disable("x-powered-by");
  if (process.env.TRUST_PROXY === "1") app.set("trust proxy", 1);

  app.use((_req, res, next) => {
    res.locals.cspNonce = createNonce();
    // Dynamic responses carry personal data: never cached. Static files below set their own.
    res.set({ ...securityHeaders(res.locals.cspNonce, production), "Cache-Control": "no-store" });
    next();
  });
  app.use((req, res, next) => {
    const foreign = isForeignOriginRequest(
      req.method,
      { origin: req.get("origin"), secFetchSite: req.get("sec-fetch-site"), host: req.get("host") },
      [appOrigin],
    );
    if (foreign) {
      // A denial, so it is recorded (no personal data: method, path and the foreign origin).
      audit({
        action: "denied",
        entityType: "request",
        ip: req.ip,
        detail:
          `${req.method} ${req.path} von ${req.get("origin") ?? req.get("sec-fetch-site") ?? "?"}`.slice(
            0,
            300,
          ),
      }).catch(() => undefined);
      res.status(403).type("text/plain; charset=utf-8").send(t("error.origin"));
      return;
    }
    next();
  });
  app.use(
    "/assets",
    express.static(path.join(root, "build/client/assets"), { immutable: true, maxAge: "1y" }),
  );
  app.use(express.static(path.join(root, "build/client"), { maxAge: "1h" }));
  const handleRequest = createRequestHandler(build, production ? "production" : "development");
  app.all("*", async (req, res, next) => {
    try {
      // The body is capped before Remix parses it: by its declared length, and while it streams.
      const limit = bodyLimitFor(req.originalUrl);
      if (Number(req.get("content-length") ?? 0) > limit) return tooLarge(res, { close: true });
      let exceeded = false;
      const request = remixRequest(req, res, (body) =>
        limitedBody(body, limit, () => {
          exceeded = true;
        }),
      );
      const response = await handleRequest(request, {
        clientIp: req.ip ?? "unbekannt",
        cspNonce: res.locals.cspNonce as string,
      });
      if (exceeded) return tooLarge(res, { close: false });
      res.statusMessage = response.statusText;
      res.status(response.status);
      for (const [key, value] of response.headers.entries()) res.append(key, value);
      if (response.body) await writeReadableStreamToWritable(response.body, res);
      else res.end();
    } catch (error) {
      next(error);
    }
  });
  return app;
}

/**
 * 413. Refused by its declared length, the body is never read and the connection closes; stopped
 * while streaming, the rest is discarded as it arrives (nothing is kept), so the client reads the
 * answer instead of a reset connection.
 */
function tooLarge(res: ExpressResponse, options: { close: boolean }) {
  if (options.close) res.set("Connection", "close");
  res.status(413).type("text/plain; charset=utf-8").send(t("error.tooLarge"));
}

/** The web Request Remix handles, as @remix-run/express builds it, with a limited body. */
function remixRequest(
  req: ExpressRequest,
  res: ExpressResponse,
  body: (source: ExpressRequest) => ReadableStream<Uint8Array>,
) {
  const headers = new Headers();
  for (const [key, values] of Object.entries(req.headers))
    for (const value of [values ?? []].flat()) headers.append(key, value);
  // req.hostname respects "trust proxy"; the port comes from the Host header.
  const port = req.get("host")?.split(":")[1];
  const url = new URL(
    `${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`,
  );
  // Loaders and actions stop when the client goes away before the answer is written.
  let controller: AbortController | null = new AbortController();
  res.on("finish", () => {
    controller = null;
  });
  res.on("close", () => controller?.abort());
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(url.href, {
    method: req.method,
    headers,
    signal: controller.signal,
    ...(hasBody ? { body: body(req), duplex: "half" } : {}),
  } as RequestInit);
}
