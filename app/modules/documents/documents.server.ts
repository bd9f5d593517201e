import { createHash } from "node:crypto";
import { constants, createReadStream } from "node:fs";
import { access, mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { AppError, fieldError } from "~/lib/errors";
import { t } from "~/messages";
import { audit } from "~/modules/audit/audit.server";
import type { Scope } from "~/modules/auth/permissions";
import type { SessionUser } from "~/modules/auth/session.server";
import { participantScope, visibleParticipant } from "~/modules/participant/access.server";
import { checkUpload, type DocumentKind } from "./values";

// Documents are files on disk (DOCUMENTS_DIR, outside the web root, 0600 like every file Lotse
// writes) named by the document's id, with their facts in the database. The row is the truth: a
// file without a row is removed by the job runner; a row is only written once its file is. With
// several app servers DOCUMENTS_DIR is one directory they all mount (decision 022).

export type DocumentOwner = { participantId: string } | { companyId: string };

const dir = () => path.resolve(env.DOCUMENTS_DIR);
const fileOf = (id: string) => path.join(dir(), id);
/** Ids are cuids: nothing else is ever joined to the directory. */
const isId = (id: string) => /^[a-z0-9]{20,40}$/.test(id);

/**
 * Whether this server can keep documents: the directory exists (made when missing) and is
 * writable. A server whose shared directory is not mounted says so in its health check.
 */
export async function documentStorageReady(): Promise<boolean> {
  try {
    await mkdir(dir(), { recursive: true, mode: 0o700 });
    await access(dir(), constants.W_OK | constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

const upload = (problem: string) => fieldError("datei", problem);

/** Checks the owner exists and the user may change it: a participant in scope, a live company. */
async function checkOwner(user: SessionUser, scope: Scope, owner: DocumentOwner) {
  if ("participantId" in owner) return visibleParticipant(db, user, scope, owner.participantId);
  const company = await db.company.findFirst({
    where: { id: owner.companyId, archivedAt: null, anonymisedAt: null },
    select: { id: true },
  });
  if (!company) throw new AppError(404, t("validation.notFound"));
  return company;
}

/**
 * Keeps an uploaded file for a participant or a company: checked (size, name, type by its first
 * bytes), written to disk, then recorded and audited. A refusal names the problem at the field.
 */
export async function saveDocument(
  user: SessionUser,
  scope: Scope,
  owner: DocumentOwner,
  file: FormDataEntryValue | null,
  kind: DocumentKind,
  meta: { ip?: string } = {},
) {
  await checkOwner(user, scope, owner);
  if (!(file instanceof File) || (file.size === 0 && !file.name))
    throw upload(t("document.noFile"));
  const bytes = new Uint8Array(await file.arrayBuffer());
  const checked = checkUpload({
    name: file.name,
    size: bytes.byteLength,
    head: bytes.subarray(0, 16),
  });
  if (!checked.ok) throw upload(t(`document.problem.${checked.problem}`));
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const { id } = await db.$transaction(async (tx) => {
    const created = await tx.document.create({
      data: {
        ...owner,
        kind,
        fileName: checked.fileName,
        mimeType: checked.mime,
        size: bytes.byteLength,
        sha256,
        uploadedById: user.id,
      },
      select: { id: true },
    });
    // Written inside the transaction: a failed write leaves no row, a failed commit an orphan
    // file that the job runner removes.
    await mkdir(dir(), { recursive: true, mode: 0o700 });
    const partial = `${fileOf(created.id)}.partial`;
    await writeFile(partial, bytes, { mode: 0o600 });
    await rename(partial, fileOf(created.id));
    await audit(
      {
        actorId: user.id,
        action: "create",
        entityType: "document",
        entityId: created.id,
        after: { ...owner, kind, fileName: checked.fileName, size: bytes.byteLength },
        ip: meta.ip,
      },
      tx,
    );
    return created;
  });
  return { id, fileName: checked.fileName };
}

const LISTED = {
  id: true,
  kind: true,
  fileName: true,
  size: true,
  createdAt: true,
  uploadedBy: { select: { name: true } },
} as const;

/** A participant's or a company's documents, newest first, with who uploaded them when. */
export function listDocuments(owner: DocumentOwner) {
  return db.document.findMany({
    where: owner,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: LISTED,
  });
}

/**
 * A document the user may read, with its bytes as a stream; 404 for anything else (another
 * coach's participant, an unknown or malformed id, a file gone missing). The read is audited.
 */
export async function openDocument(
  user: SessionUser,
  scopes: { participant: Scope | null; company: boolean },
  id: string,
  meta: { ip?: string } = {},
) {
  const notFound = new AppError(404, t("validation.notFound"));
  if (!isId(id)) throw notFound;
  const doc = await db.document.findUnique({
    where: { id },
    select: {
      id: true,
      participantId: true,
      companyId: true,
      fileName: true,
      mimeType: true,
      size: true,
    },
  });
  if (!doc) throw notFound;
  if (doc.participantId) {
    if (!scopes.participant) throw notFound;
    const visible = await db.participant.count({
      where: {
        AND: [
          participantScope(user, scopes.participant),
          { id: doc.participantId, archivedAt: null, anonymisedAt: null },
        ],
      },
    });
    if (!visible) throw notFound;
  } else if (!scopes.company) throw notFound;
  const size = await stat(fileOf(doc.id)).then(
    (s) => s.size,
    () => null,
  );
  if (size === null) throw notFound;
  await audit({
    actorId: user.id,
    action: "read",
    entityType: "document",
    entityId: doc.id,
    detail: doc.fileName,
    ip: meta.ip,
  });
  return {
    ...doc,
    size,
    body: Readable.toWeb(createReadStream(fileOf(doc.id))) as ReadableStream<Uint8Array>,
  };
}

/** Deletes a document (row, then file), for those who may change its owner; audited. */
export async function deleteDocument(
  user: SessionUser,
  scope: Scope,
  owner: DocumentOwner,
  id: string,
  meta: { ip?: string } = {},
) {
  await checkOwner(user, scope, owner);
  const doc = await db.document.findFirst({ where: { id, ...owner }, select: { fileName: true } });
  if (!doc) throw new AppError(404, t("validation.notFound"));
  await db.$transaction(async (tx) => {
    await tx.document.delete({ where: { id } });
    await audit(
      {
        actorId: user.id,
        action: "delete",
        entityType: "document",
        entityId: id,
        before: { ...owner, fileName: doc.fileName },
        ip: meta.ip,
      },
      tx,
    );
  });
  await rm(fileOf(id), { force: true });
  return doc;
}

/**
 * Removes files whose document is gone (deleted by a retention rule, an erasure, a merge's
 * cleanup, or a save that did not commit). Files younger than an hour are left, as they may
 * belong to a save still running.
 */
export async function removeOrphanDocumentFiles(now = new Date()): Promise<number> {
  const names = await readdir(dir()).catch(() => [] as string[]);
  if (names.length === 0) return 0;
  const known = new Set((await db.document.findMany({ select: { id: true } })).map((d) => d.id));
  let removed = 0;
  for (const name of names) {
    const id = name.replace(/\.partial$/, "");
    if (known.has(id) && !name.endsWith(".partial")) continue;
    const age = await stat(path.join(dir(), name)).then(
      (s) => now.getTime() - s.mtimeMs,
      () => 0,
    );
    if (age < 60 * 60 * 1000) continue;
    await rm(path.join(dir(), name), { force: true });
    removed++;
  }
  return removed;
}
