import { db, type Prisma } from "~/db.server";
import { labelOf } from "~/labels";
import { type Day, dayRange, formatDateTime, isDay, parseDay } from "~/lib/day";
import { pickParam, toPage } from "~/lib/list-params";
import type { Sheet } from "~/lib/spreadsheet.server";
import { t } from "~/messages";
import { can, type PermissionObject } from "~/modules/auth/permissions";
import type { SessionUser } from "~/modules/auth/session.server";
import { auditExport } from "./audit.server";
import { AUDIT_ACTIONS, AUDIT_ENTITIES, type AuditAction, type AuditEntity } from "./values";

// The audit-log viewer (Verwaltung → Protokoll): who read or changed what, filtered by person,
// record, user, action and period, as a page and as CSV. Values about people (before/after and
// details) are shown only to a role that may read that kind of record; the rest sees who, when
// and what kind.

export type AuditPerson = { kind: "participant" | "contact"; id: string };

export type AuditFilters = {
  person: AuditPerson | null;
  entityType: AuditEntity | null;
  entityId: string | null;
  actorId: string | null;
  action: AuditAction | null;
  from: Day | null;
  to: Day | null;
};

const PERSON_PARAM = /^(tn|kontakt):([a-z0-9]{1,40})$/;

/** The filters from the page's query (`person=tn:<id>`, `typ`, `datensatz`, `nutzer`, `aktion`, `von`, `bis`). */
export function parseAuditFilters(url: URL): AuditFilters {
  const sp = url.searchParams;
  const person = PERSON_PARAM.exec(sp.get("person") ?? "");
  const day = (name: string) => {
    const v = sp.get(name) ?? "";
    return isDay(v) ? v : parseDay(v);
  };
  const text = (name: string) => (sp.get(name) ?? "").trim().slice(0, 64) || null;
  return {
    person: person
      ? { kind: person[1] === "tn" ? "participant" : "contact", id: person[2]! }
      : null,
    entityType: pickParam(url, "typ", AUDIT_ENTITIES),
    entityId: text("datensatz"),
    actorId: text("nutzer"),
    action: pickParam(url, "aktion", AUDIT_ACTIONS),
    from: day("von"),
    to: day("bis"),
  };
}

/** A person's entries: her record and the records that belong to her (consents, stays, …). */
async function personRecordIds(person: AuditPerson): Promise<string[]> {
  if (person.kind === "participant") {
    const p = await db.participant.findUnique({
      where: { id: person.id },
      select: {
        stays: { select: { id: true } },
        consents: { select: { id: true } },
        internships: { select: { id: true } },
        outcomes: { select: { id: true } },
        registrations: { select: { id: true } },
        interactions: { select: { id: true } },
        holds: { select: { id: true } },
        requests: { select: { id: true } },
      },
    });
    return [person.id, ...(p ? Object.values(p).flatMap((list) => list.map((r) => r.id)) : [])];
  }
  const c = await db.contactPerson.findUnique({
    where: { id: person.id },
    select: {
      consents: { select: { id: true } },
      registrations: { select: { id: true } },
      interactions: { select: { id: true } },
      requests: { select: { id: true } },
    },
  });
  return [person.id, ...(c ? Object.values(c).flatMap((list) => list.map((r) => r.id)) : [])];
}

async function whereOf(f: AuditFilters): Promise<Prisma.AuditLogWhereInput> {
  const and: Prisma.AuditLogWhereInput[] = [];
  if (f.person) and.push({ entityId: { in: await personRecordIds(f.person) } });
  if (f.entityType) and.push({ entityType: f.entityType });
  if (f.entityId) and.push({ entityId: f.entityId });
  if (f.actorId) and.push({ actorId: f.actorId });
  if (f.action) and.push({ action: f.action });
  if (f.from || f.to) {
    const { since, until } = dayRange({ from: f.from ?? "2000-01-01", to: f.to ?? "2999-12-31" });
    and.push({ createdAt: { gte: since, lt: until } });
  }
  return { AND: and };
}

/** What a role must be allowed to read to see the values of an entry about this kind of record. */
const READ_OBJECT: Partial<Record<string, PermissionObject>> = {
  participant: "participant",
  consent: "participant",
  internship: "internship",
  subject_request: "participant",
  company: "company",
  offer: "company",
  company_import: "company",
  contact: "contact",
  interaction: "interaction",
  followup: "followup",
  event: "event",
  event_registration: "event",
  email: "event",
};

/** Whether this viewer may see the values (before/after, detail) of an entry of this type. */
export const mayReadValues = (viewer: SessionUser, entityType: string) => {
  const object = READ_OBJECT[entityType];
  return !object || can(viewer.role, "read", object, "any");
};

const SELECT = {
  id: true,
  createdAt: true,
  action: true,
  entityType: true,
  entityId: true,
  before: true,
  after: true,
  detail: true,
  ip: true,
  actor: { select: { id: true, name: true } },
} as const;

type Row = Prisma.AuditLogGetPayload<{ select: typeof SELECT }>;

function shown(viewer: SessionUser, r: Row) {
  const values = mayReadValues(viewer, r.entityType);
  return {
    ...r,
    hidden: !values && Boolean(r.before || r.after || r.detail),
    before: values ? r.before : null,
    after: values ? r.after : null,
    detail: values ? r.detail : null,
  };
}

export const AUDIT_PAGE_SIZE = 50;

/** One page of the audit log under the filters, newest first, with the users to filter by. */
export async function listAudit(viewer: SessionUser, filters: AuditFilters, page: number) {
  const where = await whereOf(filters);
  const [rows, count, users] = await Promise.all([
    db.auditLog.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: SELECT,
    }),
    db.auditLog.count({ where }),
    db.user.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return {
    ...toPage(
      rows.map((r) => shown(viewer, r)),
      count,
      { page, perPage: AUDIT_PAGE_SIZE },
    ),
    users,
  };
}

/** At most this many entries go into one CSV file. */
const EXPORT_LIMIT = 50_000;

/** The filtered audit log as a sheet; taking it out is itself audited. */
export async function exportAuditSheet(
  viewer: SessionUser,
  filters: AuditFilters,
  meta: { ip?: string } = {},
): Promise<Sheet> {
  const rows = await db.auditLog.findMany({
    where: await whereOf(filters),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: EXPORT_LIMIT,
    select: SELECT,
  });
  await auditExport({
    actorId: viewer.id,
    entityType: "audit",
    what: t("audit.title"),
    rows: rows.length,
    ip: meta.ip,
  });
  return {
    name: t("audit.title"),
    header: [
      t("audit.when"),
      t("audit.who"),
      t("audit.action"),
      t("audit.entity"),
      t("audit.record"),
      t("audit.detail"),
      t("audit.before"),
      t("audit.after"),
      t("audit.ip"),
    ],
    rows: rows.map((raw) => {
      const r = shown(viewer, raw);
      return [
        formatDateTime(r.createdAt),
        r.actor?.name ?? t("audit.system"),
        labelOf("auditAction", r.action),
        labelOf("auditEntity", r.entityType),
        r.entityId ?? "",
        r.hidden ? t("audit.hidden") : (r.detail ?? ""),
        r.before ?? "",
        r.after ?? "",
        r.ip ?? "",
      ];
    }),
  };
}

/** The heading of a person filter: her name to whoever may read her record, else neutral. */
export async function personLabel(viewer: SessionUser, person: AuditPerson): Promise<string> {
  const object = person.kind === "participant" ? "participant" : "contact";
  if (!can(viewer.role, "read", object, "any")) return t("audit.personAnonymous");
  const p =
    person.kind === "participant"
      ? await db.participant.findUnique({
          where: { id: person.id },
          select: { firstName: true, lastName: true, anonymisedAt: true },
        })
      : await db.contactPerson.findUnique({
          where: { id: person.id },
          select: { firstName: true, lastName: true, anonymisedAt: true },
        });
  if (!p || p.anonymisedAt) return t("audit.personAnonymous");
  return t("audit.personOf", { name: `${p.firstName} ${p.lastName}` });
}
