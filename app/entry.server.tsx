import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "~/lib/nonce";
import { createNonce, securityHeaders } from "~/lib/security.server";

export const streamTimeout = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // The HTTP server sets the headers with this nonce; without it (vite dev) set them here.
  let nonce = loadContext?.cspNonce;
  if (!nonce) {
    nonce = createNonce();
    for (const [k, v] of Object.entries(securityHeaders(nonce, false))) responseHeaders.set(k, v);
  }
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer
          context={remixContext}
          url={request.url}
          abortDelay={streamTimeout}
          nonce={nonce}
        />
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Only log once the shell is out; errors before that reject above. Never log request data.
          if (shellRendered) console.error(error instanceof Error ? error.message : error);
        },
      },
    );
    setTimeout(abort, streamTimeout + 1000);
  });
}

/** Errors worth a log line; a body stopped at its size limit is answered 413 by the server. */
export function handleError(error: unknown, { request }: { request: Request }) {
  // By name: the server's copy of the class is not the one bundled into the build.
  if (request.signal.aborted || (error instanceof Error && error.name === "BodyTooLarge")) return;
  console.error(error);
}
