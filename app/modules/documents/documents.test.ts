import { readdir, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { AppError } from "~/lib/errors";
import type { SessionUser } from "~/modules/auth/session.server";
import { eraseParticipantCoaching } from "~/modules/retention/anonymise.server";
import { createParticipant, createUser, fieldErrorsOf } from "../../../tests/factories";
import {
  deleteDocument,
  listDocuments,
  openDocument,
  removeOrphanDocumentFiles,
  saveDocument,
} from "./documents.server";
import { checkUpload, DOCUMENT_MAX_BYTES } from "./values";

const PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n");
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);
const file = (bytes: Uint8Array<ArrayBuffer>, name: string, type = "application/octet-stream") =>
  new File([bytes], name, { type });
const head = (bytes: Uint8Array) => bytes.subarray(0, 16);
const bytesOf = async (body: ReadableStream<Uint8Array>) =>
  new Uint8Array(await new Response(body).arrayBuffer());
const asUser = (u: { id: string; role: string; name: string; email: string }) => u as SessionUser;
const status = (p: Promise<unknown>) =>
  p.then(
    () => 200,
    (e: unknown) => (e instanceof AppError ? e.status : 500),
  );

describe("what a document may be", () => {
  it("takes a PDF, a photo, a Word or Writer file by their first bytes", () => {
    expect(checkUpload({ name: "Lebenslauf.pdf", size: PDF.length, head: head(PDF) })).toEqual({
      ok: true,
      mime: "application/pdf",
      fileName: "Lebenslauf.pdf",
    });
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
    expect(checkUpload({ name: "Zeugnis.JPG", size: 6, head: jpeg })).toMatchObject({ ok: true });
  });

  it("refuses empty, too large, executables, disguised files and names with paths", () => {
    const problem = (name: string, size: number, bytes: Uint8Array) => {
      const r = checkUpload({ name, size, head: head(bytes) });
      return r.ok ? "ok" : r.problem;
    };
    expect(problem("leer.pdf", 0, new Uint8Array())).toBe("empty");
    expect(problem("gross.pdf", 60 * 1024 * 1024, PDF)).toBe("tooLarge");
    expect(problem("genau.pdf", DOCUMENT_MAX_BYTES, PDF)).toBe("ok");
    expect(problem("setup.exe", EXE.length, EXE)).toBe("badType");
    expect(problem("rechnung.pdf", EXE.length, EXE)).toBe("mismatch");
    expect(problem("../../etc/passwd.pdf", PDF.length, PDF)).toBe("badName");
    expect(problem("..\\lebenslauf.pdf", PDF.length, PDF)).toBe("badName");
    expect(problem(".htaccess.pdf", PDF.length, PDF)).toBe("badName");
    expect(problem("ohne-endung", PDF.length, PDF)).toBe("badType");
  });
});

describe("documents of a participant", () => {
  async function setup() {
    const coach = asUser(await createUser("jobcoach"));
    const other = asUser(await createUser("jobcoach"));
    const lead = asUser(await createUser("leitung"));
    const admin = asUser(await createUser("admin"));
    const p = await createParticipant({ coachId: coach.id });
    return { coach, other, lead, admin, p };
  }

  it("keeps the file outside the web root, readable by the owner only, listed with who uploaded it", async () => {
    const { coach, p } = await setup();
    const saved = await saveDocument(
      coach,
      "own",
      { participantId: p.id },
      file(PDF, "Lebenslauf Müller.pdf"),
      "lebenslauf",
    );
    const onDisk = path.join(path.resolve(env.DOCUMENTS_DIR), saved.id);
    expect((await stat(onDisk)).mode & 0o777).toBe(0o600);
    expect(path.resolve(env.DOCUMENTS_DIR).startsWith(path.resolve("public"))).toBe(false);
    const listed = await listDocuments({ participantId: p.id });
    expect(listed).toEqual([
      expect.objectContaining({
        fileName: "Lebenslauf Müller.pdf",
        kind: "lebenslauf",
        size: PDF.length,
        uploadedBy: { name: coach.name },
      }),
    ]);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityType: "document", entityId: saved.id, action: "create" },
    });
    expect(audit.actorId).toBe(coach.id);
  });

  it("serves it to those who may see her, and 404 to everyone else", async () => {
    const { coach, other, lead, admin, p } = await setup();
    const { id } = await saveDocument(
      coach,
      "own",
      { participantId: p.id },
      file(PDF, "Vertrag.pdf"),
      "praktikumsvertrag",
    );
    const opened = await openDocument(coach, { participant: "own", company: true }, id);
    expect(opened).toMatchObject({ fileName: "Vertrag.pdf", mimeType: "application/pdf" });
    expect(await bytesOf(opened.body)).toEqual(PDF);
    expect(await status(openDocument(lead, { participant: "any", company: true }, id))).toBe(200);
    expect(await status(openDocument(other, { participant: "own", company: true }, id))).toBe(404);
    expect(await status(openDocument(admin, { participant: null, company: false }, id))).toBe(404);
    expect(await status(openDocument(coach, { participant: "own", company: true }, "../x"))).toBe(
      404,
    );
    const reads = await db.auditLog.count({
      where: { entityType: "document", entityId: id, action: "read" },
    });
    expect(reads).toBe(2);
  });

  it("refuses bad files at the field and another coach's participant with 404, writing nothing", async () => {
    const { coach, other, p } = await setup();
    const owner = { participantId: p.id };
    expect(
      await fieldErrorsOf(
        saveDocument(coach, "own", owner, file(new Uint8Array(), "leer.pdf"), "zeugnis"),
      ),
    ).toEqual({ datei: ["Die Datei ist leer."] });
    expect(
      await fieldErrorsOf(saveDocument(coach, "own", owner, file(EXE, "tool.exe"), "sonstiges")),
    ).toEqual({ datei: ["Nur PDF, JPG, PNG, DOCX oder ODT können gespeichert werden."] });
    expect(
      await fieldErrorsOf(saveDocument(coach, "own", owner, file(EXE, "scan.pdf"), "sonstiges")),
    ).toEqual({
      datei: ["Der Inhalt passt nicht zur Dateiendung – die Datei wird nicht gespeichert."],
    });
    expect(
      await fieldErrorsOf(saveDocument(coach, "own", owner, file(PDF, "../../a.pdf"), "zeugnis")),
    ).toEqual({
      datei: ["Der Dateiname ist nicht zulässig (keine Pfadangaben, höchstens 200 Zeichen)."],
    });
    const big = new Uint8Array(DOCUMENT_MAX_BYTES + 1);
    big.set(PDF);
    expect(
      await fieldErrorsOf(saveDocument(coach, "own", owner, file(big, "gross.pdf"), "zeugnis")),
    ).toEqual({ datei: ["Die Datei ist größer als 10 MB."] });
    expect(await fieldErrorsOf(saveDocument(coach, "own", owner, null, "zeugnis"))).toEqual({
      datei: ["Bitte eine Datei auswählen."],
    });
    expect(await status(saveDocument(other, "own", owner, file(PDF, "a.pdf"), "zeugnis"))).toBe(
      404,
    );
    expect(await db.document.count({ where: owner })).toBe(0);
  });

  it("deletes row and file; files whose document is gone are swept by the job", async () => {
    const { coach, other, p } = await setup();
    const owner = { participantId: p.id };
    const a = await saveDocument(coach, "own", owner, file(PDF, "a.pdf"), "zeugnis");
    const b = await saveDocument(coach, "own", owner, file(PDF, "b.pdf"), "zeugnis");
    expect(await status(deleteDocument(other, "own", owner, a.id))).toBe(404);
    await deleteDocument(coach, "own", owner, a.id);
    const files = await readdir(path.resolve(env.DOCUMENTS_DIR));
    expect(files).not.toContain(a.id);
    expect(files).toContain(b.id);

    // The retention rule for counselling data deletes her documents' rows; the job the files.
    await db.$transaction((tx) => eraseParticipantCoaching(tx, p.id));
    expect(await db.document.count({ where: owner })).toBe(0);
    const stray = path.join(path.resolve(env.DOCUMENTS_DIR), "clxstrayfilewithoutarow0001");
    await writeFile(stray, "x");
    const now = new Date();
    const bFile = path.join(path.resolve(env.DOCUMENTS_DIR), b.id);
    // The file times are the process's clock (the file system's may differ from a pinned one).
    await utimes(stray, now, now);
    await utimes(bFile, now, now);
    // A file younger than an hour may belong to a save still running.
    expect(await removeOrphanDocumentFiles(now)).toBe(0);
    const old = new Date(now.getTime() - 2 * 60 * 60 * 1000);
    await utimes(stray, old, old);
    await utimes(bFile, old, old);
    expect(await removeOrphanDocumentFiles(now)).toBe(2);
    const left = await readdir(path.resolve(env.DOCUMENTS_DIR));
    expect(left).not.toContain(b.id);
    expect(left).not.toContain("clxstrayfilewithoutarow0001");
    // Documents that still have their row stay.
    const kept = await db.document.findMany({ select: { id: true } });
    expect(left.sort()).toEqual(kept.map((d) => d.id).sort());
  });
});

describe("documents of a company", () => {
  it("are read by those who may read companies and deleted when the company is anonymised", async () => {
    const coach = asUser(await createUser("jobcoach"));
    const company = await db.company.create({
      data: { name: "Holzbau Kern", normalizedName: "holzbau kern" },
      select: { id: true },
    });
    const { id } = await saveDocument(
      coach,
      "any",
      { companyId: company.id },
      file(PDF, "Kooperationsvereinbarung.pdf"),
      "sonstiges",
    );
    expect(await status(openDocument(coach, { participant: "own", company: true }, id))).toBe(200);
    expect(await status(openDocument(coach, { participant: "own", company: false }, id))).toBe(404);
    const { anonymiseCompany } = await import("~/modules/retention/anonymise.server");
    await db.$transaction((tx) => anonymiseCompany(tx, company.id, new Date()));
    expect(await db.document.count({ where: { companyId: company.id } })).toBe(0);
  });
});
