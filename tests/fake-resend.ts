// A local stand-in for the Resend HTTP API: records every request the real SDK sends and answers
// like Resend does, including idempotency (same key → same email, delivered once).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedRequest = {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
};

export type FakeResend = {
  baseUrl: string;
  requests: RecordedRequest[];
  /** Emails the fake "delivered" (one per idempotency key). */
  delivered: RecordedRequest[];
  /** Statuses to answer with before answering normally, e.g. [500, 429]. */
  failNext: number[];
  close: () => Promise<void>;
};

/** Starts the fake on 127.0.0.1 (a free port unless one is given). GET /_delivered lists the emails. */
export async function startFakeResend(port = 0): Promise<FakeResend> {
  const requests: RecordedRequest[] = [];
  const delivered: RecordedRequest[] = [];
  const byKey = new Map<string, string>();
  const failNext: number[] = [];
  let n = 0;
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => {
      raw += c;
    });
    req.on("end", () => {
      const rec: RecordedRequest = {
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body: raw ? JSON.parse(raw) : {},
      };
      requests.push(rec);
      res.setHeader("Content-Type", "application/json");
      const status = failNext.shift();
      if (status) {
        res.statusCode = status;
        res.end(
          JSON.stringify({
            statusCode: status,
            name: status === 429 ? "rate_limit_exceeded" : "internal_server_error",
            message: "Fake-Fehler",
          }),
        );
        return;
      }
      if (req.method === "GET" && req.url === "/_delivered") {
        res.end(JSON.stringify(delivered.map((d) => d.body)));
        return;
      }
      if (req.method === "POST" && req.url === "/emails") {
        const key = String(req.headers["idempotency-key"] ?? "");
        let id = key ? byKey.get(key) : undefined;
        if (!id) {
          id = `fake-${++n}`;
          if (key) byKey.set(key, id);
          delivered.push(rec);
        }
        res.end(JSON.stringify({ id }));
        return;
      }
      res.statusCode = 404;
      res.end(JSON.stringify({ statusCode: 404, name: "not_found", message: "Unbekannter Pfad" }));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${bound}`,
    requests,
    delivered,
    failNext,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
