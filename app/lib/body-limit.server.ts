import { Readable, Transform } from "node:stream";

// Request bodies are capped before anything parses them (security.md): small for forms, the
// import's own limit for the upload. The bytes are counted on the stream, so a chunked body
// without Content-Length is stopped as well.

/** Forms, logins, webhooks. */
export const FORM_BODY_LIMIT = 256 * 1024;
/** The spreadsheet upload: the import's file limit plus room for the multipart envelope. */
export const UPLOAD_BODY_LIMIT = 8 * 1024 * 1024 + 64 * 1024;

/** A document upload: the document's limit (10 MB, documents/values.ts) plus the envelope. */
export const DOCUMENT_BODY_LIMIT = 10 * 1024 * 1024 + 64 * 1024;

/** The body limit of a request (path and query, e.g. "/teilnehmende/…?intent=dokument"). */
export function bodyLimitFor(url: string) {
  const [pathname = "", search = ""] = url.split("?", 2);
  if (pathname === "/unternehmen/import") return UPLOAD_BODY_LIMIT;
  const intent = new URLSearchParams(search).get("intent");
  if (intent === "dokument" && /^\/(teilnehmende|unternehmen)\/[^/]+$/.test(pathname))
    return DOCUMENT_BODY_LIMIT;
  return FORM_BODY_LIMIT;
}

export class BodyTooLarge extends Error {
  constructor(public limit: number) {
    super(`request body larger than ${limit} bytes`);
    this.name = "BodyTooLarge";
  }
}

/**
 * The request body as a web stream that errors (and stops reading) as soon as more than
 * `limit` bytes arrived; `onExceeded` runs once at that moment.
 */
export function limitedBody(
  source: Readable,
  limit: number,
  onExceeded: () => void,
): ReadableStream<Uint8Array> {
  let seen = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > limit) {
        onExceeded();
        source.unpipe(counter);
        source.resume(); // let the rest drain away instead of buffering it
        done(new BodyTooLarge(limit));
        return;
      }
      done(null, chunk);
    },
  });
  return Readable.toWeb(source.pipe(counter)) as ReadableStream<Uint8Array>;
}
