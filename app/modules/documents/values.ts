// What a document may be, shared by the upload form and the server.

export const DOCUMENT_KINDS = [
  "lebenslauf",
  "zeugnis",
  "einwilligung",
  "praktikumsvertrag",
  "bescheinigung",
  "sonstiges",
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** 10 MB: a scanned certificate or a signed agreement of several pages fits; a video does not. */
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

/** The file types a case file keeps, known by their first bytes, not by what the name claims. */
export const DOCUMENT_TYPES = [
  { mime: "application/pdf", extensions: ["pdf"], magic: [[0x25, 0x50, 0x44, 0x46, 0x2d]] },
  { mime: "image/jpeg", extensions: ["jpg", "jpeg"], magic: [[0xff, 0xd8, 0xff]] },
  {
    mime: "image/png",
    extensions: ["png"],
    magic: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  },
  {
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extensions: ["docx"],
    magic: [[0x50, 0x4b, 0x03, 0x04]],
  },
  {
    mime: "application/vnd.oasis.opendocument.text",
    extensions: ["odt"],
    magic: [[0x50, 0x4b, 0x03, 0x04]],
  },
] as const;

/** The `accept` attribute of the file field. */
export const DOCUMENT_ACCEPT = DOCUMENT_TYPES.flatMap((d) => d.extensions.map((e) => `.${e}`)).join(
  ",",
);

export type UploadProblem = "empty" | "tooLarge" | "badName" | "badType" | "mismatch";

/**
 * Why a file cannot be kept, or its type: not empty, not above the limit, a plain file name
 * (no path, no control characters), an allowed extension, and first bytes that match it (an
 * executable renamed to .pdf is refused).
 */
export function checkUpload(file: {
  name: string;
  size: number;
  head: Uint8Array;
}): { ok: true; mime: string; fileName: string } | { ok: false; problem: UploadProblem } {
  if (file.size === 0) return { ok: false, problem: "empty" };
  if (file.size > DOCUMENT_MAX_BYTES) return { ok: false, problem: "tooLarge" };
  const name = file.name.normalize("NFC").trim();
  const control = [...name].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127);
  if (!name || name.length > 200 || control || /[/\\]|\.\./.test(name) || name.startsWith("."))
    return { ok: false, problem: "badName" };
  const extension = name.includes(".") ? name.slice(name.lastIndexOf(".") + 1).toLowerCase() : "";
  const type = DOCUMENT_TYPES.find((d) => (d.extensions as readonly string[]).includes(extension));
  if (!type) return { ok: false, problem: "badType" };
  const matches = type.magic.some((m) => m.every((byte, i) => file.head[i] === byte));
  if (!matches) return { ok: false, problem: "mismatch" };
  return { ok: true, mime: type.mime, fileName: name };
}
