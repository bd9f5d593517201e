import { randomUUID } from "node:crypto";
import { z } from "zod";
import { db, type Tx } from "~/db.server";
import { type LabelledSet, labelOf } from "~/labels";
import { isAfterToday, parseDateOnly } from "~/lib/day";
import { AppError } from "~/lib/errors";
import { foldText, normalizeCompanyName, personSearchName } from "~/lib/text";
import { hashToken, randomToken } from "~/lib/tokens.server";
import { optionalEmail, optionalPhone, optionalText } from "~/lib/validation";
import { t, tn } from "~/messages";
import { audit } from "~/modules/audit/audit.server";
import type { SessionUser } from "~/modules/auth/session.server";
import { type SplitName, splitContactName } from "~/modules/contact/names";
import { importHeaderWords } from "./columns";
import { isSimilarName } from "./duplicates.server";
import type { Table } from "./import-file.server";
import {
  DUPLICATE_CHOICES,
  type DuplicateChoice,
  IMPORT_FIELDS,
  type ImportField,
  type ImportTarget,
  type Mapping,
} from "./import-values";
import { initialOutreach, moveOutreach } from "./outreach.server";
import { companyFormSchema } from "./schema";
import { OUTREACH_STATUSES, PART_TIME_READINESS } from "./values";

export { DUPLICATE_CHOICES, type DuplicateChoice, IMPORT_FIELDS, type Mapping };

const key = (s: string) =>
  foldText(s)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/** Header words as they appear in the teams' Excel lists and in Lotse's own export. */
const HEADER_WORDS = importHeaderWords(key);

/** The contact person's fields as the contact form checks them. */
const contactCells = z.object({
  function: optionalText(120),
  phone: optionalPhone,
  email: optionalEmail,
});

type ImportedContact = SplitName & z.infer<typeof contactCells>;

/** Suggests which column holds which field, from the header names. */
export function suggestMapping(header: string[]): Mapping {
  const mapping: Mapping = {};
  header.forEach((h, i) => {
    const k = key(h);
    const field = IMPORT_FIELDS.find(
      (f) => mapping[f] === undefined && HEADER_WORDS.get(f)?.includes(k),
    );
    if (field) mapping[field] = i;
  });
  return mapping;
}

export type RowReport = {
  line: number;
  name: string;
  action: "create" | "update" | "skip" | "error";
  messages: string[];
};
export type ImportReport = { rows: RowReport[]; counts: Record<RowReport["action"], number> };

type Prepared = RowReport & {
  data?: ReturnType<typeof companyFormSchema.parse> & {
    districtAgs: string | null;
    informedAt: Date | null;
    /** Whether the row has a status of its own (an empty cell keeps an existing company's). */
    statusGiven: boolean;
    contact: ImportedContact | null;
    lastContact: Date | null;
  };
  existingId?: string;
};

function valueMapper(districts: { ags: string; name: string }[]) {
  const byLabel = (values: readonly string[], set: LabelledSet, raw: string) => {
    const k = key(raw);
    return values.find((v) => v === raw || key(labelOf(set, v)) === k || key(v) === k) ?? raw;
  };
  return {
    status: (raw: string) => (raw ? byLabel(OUTREACH_STATUSES, "outreach", raw) : "neu"),
    readiness: (raw: string) => {
      const k = key(raw);
      if (!k) return "offen";
      if (["j", "x", "yes", "1"].includes(k)) return "ja";
      if (["n", "no", "0"].includes(k)) return "nein";
      return byLabel(PART_TIME_READINESS, "readiness", raw);
    },
    district: (raw: string) => {
      if (!raw) return null;
      if (/^\d{5}$/.test(raw)) return raw;
      const k = key(raw).replace(/^landkreis /, "");
      return districts.find((d) => key(d.name).replace(/^landkreis /, "") === k)?.ags ?? `?${raw}`;
    },
  };
}

/**
 * The row's contact person: the name split into Anrede, first and last name, function, phone and
 * email checked as the contact form checks them; problems are added to the row's messages.
 */
function contactOf(
  row: string[],
  cell: (row: string[], f: ImportField) => string,
  messages: string[],
): ImportedContact | null {
  const raw = cell(row, "contactName");
  const rest = {
    function: cell(row, "contactFunction"),
    phone: cell(row, "contactPhone"),
    email: cell(row, "contactEmail"),
  };
  if (!raw) {
    if (rest.phone || rest.email) messages.push(t("import.contactOnly"));
    return null;
  }
  const name = splitContactName(raw);
  if (!name) messages.push(t("import.contactName", { value: raw }));
  const checked = contactCells.safeParse(rest);
  if (!checked.success)
    for (const issue of checked.error.issues) {
      const field = String(issue.path[0] ?? "");
      const label =
        field === "function"
          ? "contactFunction"
          : field === "phone"
            ? "contactPhone"
            : "contactEmail";
      messages.push(`${labelOf("importField", label)}: ${issue.message}`);
    }
  return name && checked.success ? { ...name, ...checked.data } : null;
}

/** Validates every row with the same rules as the company form, resolves districts and finds duplicates. */
export async function prepareImport(
  table: Table,
  mapping: Mapping,
  choice: DuplicateChoice,
  target: ImportTarget = "unternehmen",
): Promise<{ report: ImportReport; prepared: Prepared[] }> {
  if (mapping.name === undefined) throw new AppError(400, t("import.nameColumnMissing"));
  if (target === "kontakte") return prepareContactImport(table, mapping);
  const [districts, postalCodes] = await Promise.all([
    db.district.findMany({ select: { ags: true, name: true } }),
    db.postalCode.findMany({ select: { plz: true, districtAgs: true } }),
  ]);
  const districtName = new Map(districts.map((d) => [d.ags, d.name]));
  const plzDistricts = new Map<string, string[]>();
  for (const p of postalCodes)
    plzDistricts.set(p.plz, [...(plzDistricts.get(p.plz) ?? []), p.districtAgs]);
  const map = valueMapper(districts);
  const cell = (row: string[], f: ImportField) =>
    mapping[f] === undefined ? "" : (row[mapping[f]!] ?? "").trim();

  const plzs = [...new Set(table.rows.map((r) => cell(r, "plz")).filter(Boolean))];
  const existing = await db.company.findMany({
    where: { archivedAt: null, plz: { in: plzs } },
    select: { id: true, plz: true, normalizedName: true },
  });
  const existingByPlz = new Map<string, { id: string; normalizedName: string }[]>();
  for (const c of existing) existingByPlz.set(c.plz!, [...(existingByPlz.get(c.plz!) ?? []), c]);
  const seenInFile = new Map<string, number>();
  const contactsInFile = new Map<string, number>();

  const prepared: Prepared[] = table.rows.map((row, index) => {
    const line = index + 2;
    const name = cell(row, "name");
    const messages: string[] = [];
    const parsed = companyFormSchema.safeParse({
      name,
      legalForm: cell(row, "legalForm"),
      street: cell(row, "street"),
      plz: cell(row, "plz"),
      city: cell(row, "city"),
      industry: cell(row, "industry"),
      website: cell(row, "website"),
      phone: cell(row, "phone"),
      email: cell(row, "email"),
      outreachStatus: map.status(cell(row, "outreachStatus")),
      partTimeReadiness: map.readiness(cell(row, "partTimeReadiness")),
      tags: cell(row, "tags").replace(/;/g, ","),
      notes: cell(row, "notes"),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "");
        messages.push(`${labelOf("importField", field)}: ${issue.message}`);
      }
    }
    const informedRaw = cell(row, "informedAt");
    const informedAt = informedRaw ? parseDateOnly(informedRaw) : null;
    if (informedRaw && !informedAt)
      messages.push(`${t("importField.informedAt")}: ${t("validation.date")}`);
    const lastRaw = cell(row, "lastContact");
    const lastContact = lastRaw ? parseDateOnly(lastRaw) : null;
    if (lastRaw && !lastContact)
      messages.push(`${t("importField.lastContact")}: ${t("validation.date")}`);
    else if (lastContact && isAfterToday(lastContact)) messages.push(t("import.lastContactFuture"));
    const contact = contactOf(row, cell, messages);
    let districtAgs = map.district(cell(row, "district"));
    if (districtAgs?.startsWith("?")) {
      messages.push(
        `${t("importField.district")}: ${t("import.unknownDistrict", { value: districtAgs.slice(1) })}`,
      );
      districtAgs = null;
    }
    const plz = parsed.success ? parsed.data.plz : null;
    if (plz) {
      const inPlz = plzDistricts.get(plz) ?? [];
      if (inPlz.length === 1) {
        if (districtAgs && districtAgs !== inPlz[0]) {
          messages.push(
            t("validation.districtMismatch", {
              plz,
              district: districtName.get(inPlz[0]!) ?? inPlz[0]!,
            }),
          );
        }
        districtAgs = inPlz[0]!;
      } else if (inPlz.length > 1 && !(districtAgs && inPlz.includes(districtAgs))) {
        messages.push(
          t("validation.plzAmbiguous", {
            plz,
            districts: inPlz.map((a) => districtName.get(a)).join(", "),
          }),
        );
      }
    }
    if (messages.length || !parsed.success)
      return { line, name, action: "error" as const, messages };

    const normalized = normalizeCompanyName(parsed.data.name);
    const fileKey = `${plz ?? ""}|${normalized}`;
    const firstLine = seenInFile.get(fileKey);
    if (firstLine)
      return {
        line,
        name,
        action: "error" as const,
        messages: [t("import.duplicateInFile", { line: firstLine })],
      };
    seenInFile.set(fileKey, line);
    if (contact) {
      const contactKey =
        contact.email ?? `${fileKey}|${personSearchName(contact.firstName, contact.lastName)}`;
      const contactLine = contactsInFile.get(contactKey);
      if (contactLine)
        return {
          line,
          name,
          action: "error" as const,
          messages: [t("import.contactTwice", { line: contactLine })],
        };
      contactsInFile.set(contactKey, line);
    }

    const statusGiven = cell(row, "outreachStatus") !== "";
    const data = { ...parsed.data, districtAgs, informedAt, statusGiven, contact, lastContact };
    const match = plz
      ? existingByPlz.get(plz)?.find((c) => isSimilarName(c.normalizedName, normalized))
      : undefined;
    if (match) {
      if (choice === "skip")
        return { line, name, action: "skip" as const, messages: [t("import.exists")] };
      if (choice === "update")
        return {
          line,
          name,
          action: "update" as const,
          messages: [t("import.willUpdate")],
          data,
          existingId: match.id,
        };
      return {
        line,
        name,
        action: "create" as const,
        messages: [t("import.existsCreateAnyway")],
        data,
      };
    }
    return { line, name, action: "create" as const, messages: [], data };
  });
  const counts = { create: 0, update: 0, skip: 0, error: 0 };
  for (const p of prepared) counts[p.action]++;
  return {
    report: { rows: prepared.map(({ data: _d, existingId: _e, ...r }) => r), counts },
    prepared,
  };
}

/**
 * A list of contact persons for companies Lotse knows: each row names the company (name and
 * PLZ, matched as the duplicate check matches) and the person; a company that cannot be found,
 * a row without a person, an invalid email or the same person twice are row errors. A person
 * already at the company is matched (missing phone, email and function are filled in).
 */
async function prepareContactImport(
  table: Table,
  mapping: Mapping,
): Promise<{ report: ImportReport; prepared: Prepared[] }> {
  if (mapping.contactName === undefined) throw new AppError(400, t("import.contactColumnMissing"));
  const cell = (row: string[], f: ImportField) =>
    mapping[f] === undefined ? "" : (row[mapping[f]!] ?? "").trim();
  const plzs = [...new Set(table.rows.map((r) => cell(r, "plz")).filter(Boolean))];
  const companies = await db.company.findMany({
    where: { archivedAt: null, plz: { in: plzs } },
    select: { id: true, plz: true, normalizedName: true },
  });
  const contacts = await db.contactPerson.findMany({
    where: { archivedAt: null, companyId: { in: companies.map((c) => c.id) } },
    select: { companyId: true, normalizedName: true, email: true },
  });
  const seen = new Map<string, number>();
  const prepared: Prepared[] = table.rows.map((row, index) => {
    const line = index + 2;
    const name = cell(row, "name");
    const plz = cell(row, "plz");
    const messages: string[] = [];
    const contact = contactOf(row, cell, messages);
    if (!contact && !cell(row, "contactName")) messages.push(t("import.contactMissing"));
    const lastRaw = cell(row, "lastContact");
    const lastContact = lastRaw ? parseDateOnly(lastRaw) : null;
    if (lastRaw && !lastContact)
      messages.push(`${t("importField.lastContact")}: ${t("validation.date")}`);
    else if (lastContact && isAfterToday(lastContact)) messages.push(t("import.lastContactFuture"));
    const normalized = normalizeCompanyName(name);
    const company = companies.find(
      (c) => c.plz === plz && isSimilarName(c.normalizedName, normalized),
    );
    if (!company) messages.push(t("import.companyUnknown", { name: name || "–", plz: plz || "–" }));
    if (messages.length || !contact || !company)
      return { line, name, action: "error" as const, messages };
    const contactKey =
      contact.email ?? `${company.id}|${personSearchName(contact.firstName, contact.lastName)}`;
    const earlier = seen.get(contactKey);
    if (earlier)
      return {
        line,
        name,
        action: "error" as const,
        messages: [t("import.contactTwice", { line: earlier })],
      };
    seen.set(contactKey, line);
    const known = contacts.some(
      (c) =>
        c.companyId === company.id &&
        ((contact.email && c.email?.toLowerCase() === contact.email) ||
          c.normalizedName === personSearchName(contact.firstName, contact.lastName)),
    );
    const person = [contact.salutation, contact.firstName, contact.lastName]
      .filter(Boolean)
      .join(" ");
    return {
      line,
      name,
      action: known ? ("update" as const) : ("create" as const),
      messages: [t(known ? "import.contactKnown" : "import.contactNew", { name: person })],
      // Only the contact and the last contact are imported; the company stays as it is.
      data: { contact, lastContact } as NonNullable<Prepared["data"]>,
      existingId: company.id,
    };
  });
  const counts = { create: 0, update: 0, skip: 0, error: 0 };
  for (const p of prepared) counts[p.action]++;
  return {
    report: { rows: prepared.map(({ data: _d, existingId: _e, ...r }) => r), counts },
    prepared,
  };
}

/**
 * Imports in one transaction: everything or nothing. Rows with errors stop the import unless the
 * user chose to leave them out.
 */
export async function runImport(
  user: SessionUser,
  table: Table,
  options: {
    mapping: Mapping;
    duplicates: DuplicateChoice;
    skipInvalid: boolean;
    filename: string;
    target?: ImportTarget;
    ip?: string;
  },
) {
  const target = options.target ?? "unternehmen";
  const { report, prepared } = await prepareImport(
    table,
    options.mapping,
    options.duplicates,
    target,
  );
  if (report.counts.error > 0 && !options.skipInvalid) {
    throw new AppError(400, tn("import.hasErrors", report.counts.error));
  }
  if (target === "kontakte") return runContactImport(user, prepared, report, options);
  const toCreate = prepared.filter((p) => p.action === "create" && p.data);
  const toUpdate = prepared.filter((p) => p.action === "update" && p.data && p.existingId);
  const now = new Date();
  let contactCounts = { created: 0, matched: 0, lastContacts: 0 };
  const mapped = new Set<string>(Object.keys(options.mapping));
  // The district follows the PLZ when the file has one.
  if (mapped.has("plz")) mapped.add("district");
  await db.$transaction(
    async (tx) => {
      const rows = toCreate.map((p) => {
        const {
          tags: _tags,
          informedAt,
          outreachStatus,
          statusGiven: _s,
          contact: _c,
          lastContact: _l,
          ...d
        } = p.data!;
        return {
          id: randomUUID(),
          ...d,
          ...initialOutreach(outreachStatus, informedAt, now),
          normalizedName: normalizeCompanyName(d.name),
          districtOverridden: false,
          ownerId: user.id,
          createdById: user.id,
        };
      });
      for (let i = 0; i < rows.length; i += 500)
        await tx.company.createMany({ data: rows.slice(i, i + 500) });
      const tagNames = [...new Set(toCreate.flatMap((p) => p.data!.tags))];
      for (const name of tagNames)
        await tx.tag.upsert({ where: { name }, create: { name }, update: {} });
      const tagIds = new Map(
        (
          await tx.tag.findMany({
            where: { name: { in: tagNames } },
            select: { id: true, name: true },
          })
        ).map((x) => [x.name, x.id]),
      );
      const links = toCreate.flatMap((p, i) =>
        p.data!.tags.map((tag) => ({ companyId: rows[i]!.id, tagId: tagIds.get(tag)! })),
      );
      for (let i = 0; i < links.length; i += 1000)
        await tx.companyTag.createMany({ data: links.slice(i, i + 1000) });
      const outreachBefore = new Map(
        (
          await tx.company.findMany({
            where: { id: { in: toUpdate.map((p) => p.existingId!) } },
            select: { id: true, outreachStatus: true, informedAt: true },
          })
        ).map((c) => [c.id, c]),
      );
      for (const p of toUpdate) {
        const {
          tags: _tags,
          informedAt,
          outreachStatus,
          statusGiven,
          contact: _c,
          lastContact: _l,
          ...d
        } = p.data!;
        // Only mapped columns are written, and empty cells do not erase existing values.
        const changes = Object.fromEntries(
          Object.entries(d).filter(
            ([k, v]) => mapped.has(k === "districtAgs" ? "district" : k) && v !== null && v !== "",
          ),
        );
        await tx.company.update({
          where: { id: p.existingId },
          data: {
            ...changes,
            normalizedName: normalizeCompanyName(d.name),
            version: { increment: 1 },
          },
        });
        // A status column is taken as chosen; an informed date counts as informing on that day.
        await moveOutreach(
          tx,
          user.id,
          outreachBefore.get(p.existingId!)!,
          [
            ...(statusGiven ? [{ kind: "set" as const, status: outreachStatus }] : []),
            ...(informedAt ? [{ kind: "informed" as const, at: informedAt }] : []),
          ],
          { now, versionBumped: true },
        );
      }
      const people = await importContacts(
        tx,
        user,
        [
          ...toCreate.map((p, i) => ({ data: p.data!, companyId: rows[i]!.id })),
          ...toUpdate.map((p) => ({ data: p.data!, companyId: p.existingId! })),
        ],
        now,
      );
      contactCounts = people;
      await audit(
        {
          actorId: user.id,
          action: "create",
          entityType: "company_import",
          ip: options.ip,
          detail: `${options.filename}: ${rows.length} neu, ${toUpdate.length} aktualisiert, ${report.counts.skip} übersprungen, ${report.counts.error} fehlerhaft; Ansprechpersonen ${people.created} neu, ${people.matched} gefunden; ${people.lastContacts} letzte Kontakte`,
          after: { created: rows.map((r) => r.id), updated: toUpdate.map((p) => p.existingId) },
        },
        tx,
      );
    },
    { timeout: 120_000 },
  );
  return {
    created: toCreate.length,
    updated: toUpdate.length,
    skipped: report.counts.skip,
    invalid: report.counts.error,
    contacts: contactCounts,
    at: now,
  };
}

/** The contact list's rows, all in one transaction: persons and last contacts, audited. */
async function runContactImport(
  user: SessionUser,
  prepared: Prepared[],
  report: ImportReport,
  options: { filename: string; ip?: string },
) {
  const rows = prepared.filter((p) => p.action !== "error" && p.data && p.existingId);
  const now = new Date();
  const contacts = await db.$transaction(
    async (tx) => {
      const counts = await importContacts(
        tx,
        user,
        rows.map((p) => ({ data: p.data!, companyId: p.existingId! })),
        now,
      );
      await audit(
        {
          actorId: user.id,
          action: "create",
          entityType: "company_import",
          ip: options.ip,
          detail: `${options.filename}: Ansprechpersonen ${counts.created} neu, ${counts.matched} gefunden, ${counts.lastContacts} letzte Kontakte, ${report.counts.error} fehlerhaft`,
        },
        tx,
      );
      return counts;
    },
    { timeout: 120_000 },
  );
  return { created: 0, updated: 0, skipped: 0, invalid: report.counts.error, contacts, at: now };
}

/**
 * The contact persons and last contacts of imported rows, inside the import's transaction: a
 * contact is matched at its company by email or name (empty phone, email and function are filled
 * in) or created with its employment; a "Letzter Kontakt" becomes a past entry of type "import"
 * in the Verlauf, so the lists' last contact is right and a "neu" company counts as contacted.
 */
async function importContacts(
  tx: Tx,
  user: SessionUser,
  rows: { data: NonNullable<Prepared["data"]>; companyId: string }[],
  now: Date,
) {
  const counts = { created: 0, matched: 0, lastContacts: 0 };
  const relevant = rows.filter((r) => r.data.contact || r.data.lastContact);
  if (relevant.length === 0) return counts;
  const companyIds = [...new Set(relevant.map((r) => r.companyId))];
  const existing = await tx.contactPerson.findMany({
    where: { companyId: { in: companyIds }, archivedAt: null },
    select: {
      id: true,
      companyId: true,
      normalizedName: true,
      email: true,
      phone: true,
      function: true,
    },
  });
  for (const { data, companyId } of relevant) {
    let contactId: string | null = null;
    const c = data.contact;
    if (c) {
      const normalizedName = personSearchName(c.firstName, c.lastName);
      const match = existing.find(
        (e) =>
          e.companyId === companyId &&
          ((c.email && e.email?.toLowerCase() === c.email) || e.normalizedName === normalizedName),
      );
      if (match) {
        contactId = match.id;
        counts.matched++;
        const fill = {
          ...(match.phone ? {} : c.phone ? { phone: c.phone } : {}),
          ...(match.email ? {} : c.email ? { email: c.email } : {}),
          ...(match.function ? {} : c.function ? { function: c.function } : {}),
        };
        if (Object.keys(fill).length)
          await tx.contactPerson.update({
            where: { id: match.id },
            data: { ...fill, version: { increment: 1 } },
          });
      } else {
        const created = await tx.contactPerson.create({
          data: {
            salutation: c.salutation,
            firstName: c.firstName,
            lastName: c.lastName,
            normalizedName,
            function: c.function,
            phone: c.phone,
            email: c.email,
            companyId,
            ownerId: user.id,
            employments: { create: { companyId, function: c.function } },
          },
          select: { id: true },
        });
        contactId = created.id;
        counts.created++;
        existing.push({
          id: created.id,
          companyId,
          normalizedName,
          email: c.email,
          phone: c.phone,
          function: c.function,
        });
      }
    }
    const at = data.lastContact;
    if (!at) continue;
    await tx.interaction.create({
      data: { type: "import", occurredAt: at, authorId: user.id, companyId, contactId },
    });
    counts.lastContacts++;
    const company = await tx.company.findUniqueOrThrow({
      where: { id: companyId },
      select: { id: true, outreachStatus: true, informedAt: true, lastContactAt: true },
    });
    if (!company.lastContactAt || company.lastContactAt < at)
      await tx.company.update({ where: { id: companyId }, data: { lastContactAt: at } });
    await moveOutreach(tx, user.id, company, [{ kind: "contact", at, informs: false }], { now });
    if (contactId)
      await tx.contactPerson.updateMany({
        where: { id: contactId, OR: [{ lastContactAt: null }, { lastContactAt: { lt: at } }] },
        data: { lastContactAt: at },
      });
  }
  return counts;
}

// Uploaded tables wait in the database between upload, mapping and import (each step may reach
// another app server), under the hash of the token in the import's URL, for their uploader only.
type Stored = { userId: string; filename: string; createdAt: string; table: Table };
const UPLOAD_TOKEN = /^[A-Za-z0-9_-]{20,100}$/;
const UPLOAD_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export async function storeUpload(
  user: SessionUser,
  filename: string,
  table: Table,
): Promise<string> {
  const token = randomToken();
  await db.importUpload.create({
    data: {
      id: hashToken(token),
      userId: user.id,
      filename: filename.slice(0, 200),
      content: JSON.stringify(table),
    },
  });
  return token;
}

export async function loadUpload(
  user: SessionUser,
  token: string,
  now = new Date(),
): Promise<Stored> {
  const stored = UPLOAD_TOKEN.test(token)
    ? await db.importUpload.findUnique({ where: { id: hashToken(token) } })
    : null;
  if (
    !stored ||
    stored.userId !== user.id ||
    now.getTime() - stored.createdAt.getTime() > UPLOAD_MAX_AGE_MS
  )
    throw new AppError(404, t("import.expired"));
  return {
    userId: stored.userId,
    filename: stored.filename,
    createdAt: stored.createdAt.toISOString(),
    table: JSON.parse(stored.content) as Table,
  };
}

/** Uploads nobody imported within a day are deleted (they hold the teams' company lists). */
export async function removeAbandonedUploads(now = new Date(), maxAgeMs = UPLOAD_MAX_AGE_MS) {
  const { count } = await db.importUpload.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - maxAgeMs) } },
  });
  return count;
}

export async function discardUpload(token: string) {
  if (UPLOAD_TOKEN.test(token))
    await db.importUpload.deleteMany({ where: { id: hashToken(token) } });
}
