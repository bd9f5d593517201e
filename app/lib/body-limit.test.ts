import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { DOCUMENT_MAX_BYTES } from "~/modules/documents/values";
import {
  BodyTooLarge,
  bodyLimitFor,
  DOCUMENT_BODY_LIMIT,
  FORM_BODY_LIMIT,
  limitedBody,
  UPLOAD_BODY_LIMIT,
} from "./body-limit.server";

/** A chunked body of `chunks` × 64 KiB, produced lazily (nothing is held in memory). */
function chunkedBody(chunks: number) {
  let sent = 0;
  return new Readable({
    read() {
      this.push(sent++ < chunks ? Buffer.alloc(64 * 1024, 97) : null);
    },
  });
}

describe("request body limit", () => {
  it("passes a body within the limit unchanged", async () => {
    let exceeded = false;
    const text = await new Response(
      limitedBody(Readable.from([Buffer.from("name=B%C3%A4ckerei")]), 1024, () => {
        exceeded = true;
      }),
    ).text();
    expect(text).toBe("name=B%C3%A4ckerei");
    expect(exceeded).toBe(false);
  });

  it("stops a chunked body without Content-Length at the limit, however large it claims to be", async () => {
    let exceeded = 0;
    const source = chunkedBody(8_000); // 500 MB if it were read
    const body = limitedBody(source, FORM_BODY_LIMIT, () => exceeded++);
    await expect(new Response(body).text()).rejects.toBeInstanceOf(BodyTooLarge);
    expect(exceeded).toBe(1);
  });

  it("gives the import its own, larger limit", () => {
    expect(bodyLimitFor("/unternehmen/import")).toBe(UPLOAD_BODY_LIMIT);
    expect(bodyLimitFor("/anmelden")).toBe(FORM_BODY_LIMIT);
  });

  it("gives a document upload the document's limit, and only the upload", () => {
    expect(bodyLimitFor("/teilnehmende/abc123?intent=dokument")).toBe(DOCUMENT_BODY_LIMIT);
    expect(bodyLimitFor("/unternehmen/abc123?intent=dokument")).toBe(DOCUMENT_BODY_LIMIT);
    expect(bodyLimitFor("/teilnehmende/abc123?intent=notiz")).toBe(FORM_BODY_LIMIT);
    expect(bodyLimitFor("/teilnehmende/abc123/bearbeiten?intent=dokument")).toBe(FORM_BODY_LIMIT);
    expect(bodyLimitFor("/anmelden?intent=dokument")).toBe(FORM_BODY_LIMIT);
    // A file of exactly the document limit still gets through to the check that names it.
    expect(DOCUMENT_BODY_LIMIT - DOCUMENT_MAX_BYTES).toBe(64 * 1024);
  });
});
