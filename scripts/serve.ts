// The production HTTP server: security headers, origin check, static files, then Remix.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
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
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: production ? "production" : "development",
      getLoadContext: (req, res) => ({
        clientIp: req.ip ?? "unbekannt",
        cspNonce: res.locals.cspNonce as string,
      }),
    }),
  );
  return app;
}
