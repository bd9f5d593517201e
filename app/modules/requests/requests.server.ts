import { db, type Tx } from "~/db.server";
import { addMonthsToDay, type Day, dateOnly, dayOf, today } from "~/lib/day";
import { AppError, fieldError } from "~/lib/errors";
import { t } from "~/messages";
import { audit } from "~/modules/audit/audit.server";
import { can, scopeFor } from "~/modules/auth/permissions";
import type { SessionUser } from "~/modules/auth/session.server";
import { participantScope } from "~/modules/participant/access.server";
import {
  addCounts,
  anonymiseContact,
  anonymiseParticipant,
  type Counts,
  eraseConsents,
  eraseContactLog,
  eraseParticipantCoaching,
  eraseParticipantContact,
  eraseRegistrations,
  type PersonRef,
} from "~/modules/retention/anonymise.server";
import type { DatenartKey } from "~/modules/retention/datenarten";
import { isOnHold } from "~/modules/retention/holds.server";
import { journalErasures } from "~/modules/retention/journal.server";
import { evidenceKeptUntil } from "~/modules/retention/rules";
import { installationPeriods } from "~/modules/retention/rules.server";
import { decisionFields, type RequestInput } from "./schema";
import {
  type Decision,
  type Decisions,
  decides,
  PERSON_DATENARTEN,
  type PersonKind,
  type RequestKind,
} from "./values";

// Requests of data subjects: recorded with the day they arrived (one month to answer), the
// identity checked before anything is answered, decided per Datenart (erase now, restrict until
// a date, refuse – each with its reason) and answered with a German letter. Whoever may change
// the person records and answers requests for a copy; erasure and restriction are decided by
// the project lead. A legal hold blocks erasure; the ESF evidence cannot be erased while it must
// be kept (Art. 17(3)(b) GDPR): it is restricted instead. The erasure leaves one record in the
// deletion log without personal data.

export type Subject = { kind: PersonKind; id: string };
type Meta = { ip?: string };

const refOf = (s: Subject): PersonRef =>
  s.kind === "participant" ? { participantId: s.id } : { contactId: s.id };

/**
 * The person, if the user may act on her (else 404). A new request needs her record; an
 * answered one stays readable after she was anonymised.
 */
async function requireSubject(user: SessionUser, subject: Subject, anonymised = false) {
  const alive = anonymised ? {} : { anonymisedAt: null };
  const select = { firstName: true, lastName: true, anonymisedAt: true } as const;
  let person: { firstName: string; lastName: string; anonymisedAt: Date | null } | null = null;
  if (subject.kind === "participant") {
    const scope = scopeFor(user.role, "update", "participant");
    person = scope
      ? await db.participant.findFirst({
          where: { AND: [participantScope(user, scope), { id: subject.id, ...alive }] },
          select,
        })
      : null;
  } else if (can(user.role, "update", "contact", "any")) {
    person = await db.contactPerson.findFirst({ where: { id: subject.id, ...alive }, select });
  }
  if (!person) throw new AppError(404, t("validation.notFound"));
  return {
    name: person.anonymisedAt ? t("request.anonymised") : `${person.firstName} ${person.lastName}`,
    anonymised: Boolean(person.anonymisedAt),
  };
}

/** Records a request; it is due one month after it arrived (Art. 12(3) GDPR). */
export async function recordRequest(
  user: SessionUser,
  subject: Subject,
  input: RequestInput,
  meta: Meta = {},
) {
  await requireSubject(user, subject);
  const received = dayOf(input.receivedOn);
  return db.$transaction(async (tx) => {
    const request = await tx.subjectRequest.create({
      data: {
        kind: input.kind,
        ...refOf(subject),
        receivedOn: dateOnly(received),
        dueOn: dateOnly(addMonthsToDay(received, 1)),
        recordedById: user.id,
      },
      select: { id: true },
    });
    await audit(
      {
        actorId: user.id,
        action: "request",
        entityType: "subject_request",
        entityId: request.id,
        detail: `${t(`requestKind.${input.kind}`)}: erfasst`,
        ip: meta.ip,
      },
      tx,
    );
    return request;
  });
}

/** The requests about a person, newest first. */
export function requestsOf(subject: Subject) {
  return db.subjectRequest.findMany({
    where: refOf(subject),
    orderBy: { receivedOn: "desc" },
    select: { id: true, kind: true, receivedOn: true, dueOn: true, status: true, answeredAt: true },
  });
}

const REQUEST_SELECT = {
  id: true,
  kind: true,
  participantId: true,
  contactId: true,
  receivedOn: true,
  dueOn: true,
  identityMethod: true,
  identityCheckedAt: true,
  identityCheckedBy: { select: { name: true } },
  decisions: true,
  status: true,
  answeredAt: true,
  answeredBy: { select: { name: true } },
  recordedBy: { select: { name: true } },
} as const;

const subjectOf = (r: { participantId: string | null; contactId: string | null }): Subject =>
  r.participantId
    ? { kind: "participant", id: r.participantId }
    : { kind: "contact", id: r.contactId! };

/**
 * Until when the participant's ESF evidence must be kept: the latest end over her stays'
 * projects; "open" when a project has no last payment yet; null when she has no stay.
 */
export async function evidenceHeldUntil(participantId: string): Promise<Day | "open" | null> {
  const stays = await db.participantStay.findMany({
    where: { participantId },
    select: { project: { select: { lastPaymentOn: true } } },
  });
  if (!stays.length) return null;
  const periods = installationPeriods();
  let latest: Day | null = null;
  for (const s of stays) {
    const until = evidenceKeptUntil(
      s.project?.lastPaymentOn ? dayOf(s.project.lastPaymentOn) : null,
      periods,
    );
    if (!until) return "open";
    if (!latest || until > latest) latest = until;
  }
  return latest && latest >= today() ? latest : null;
}

/** A request with its person, for the request page; 404 when the user may not act on her. */
export async function getRequest(user: SessionUser, id: string) {
  const request = await db.subjectRequest.findUnique({ where: { id }, select: REQUEST_SELECT });
  if (!request) throw new AppError(404, t("validation.notFound"));
  const subject = subjectOf(request);
  const person = await requireSubject(user, subject, true);
  const evidence = subject.kind === "participant" ? await evidenceHeldUntil(subject.id) : null;
  return {
    ...request,
    kind: request.kind as RequestKind,
    subject,
    person,
    evidence,
    datenarten: PERSON_DATENARTEN[subject.kind] as readonly DatenartKey[],
    decisions: request.decisions ? (JSON.parse(request.decisions) as Decisions) : null,
    mayDecide: can(user.role, "update", "retention", "any"),
  };
}

/** Records how the identity of the person asking was checked (required before answering). */
export async function checkIdentity(
  user: SessionUser,
  id: string,
  method: string,
  meta: Meta = {},
) {
  const request = await getRequest(user, id);
  if (request.status !== "offen") throw new AppError(409, t("request.alreadyAnswered"));
  await db.$transaction(async (tx) => {
    await tx.subjectRequest.update({
      where: { id },
      data: { identityMethod: method, identityCheckedAt: new Date(), identityCheckedById: user.id },
    });
    await audit(
      {
        actorId: user.id,
        action: "request",
        entityType: "subject_request",
        entityId: id,
        detail: t("request.identityAudit"),
        ip: meta.ip,
      },
      tx,
    );
  });
}

/** What erasing one Datenart of the person does (also replayed after a restore). */
export const ERASE: Record<
  DatenartKey,
  ((tx: Tx, s: Subject, now: Date) => Promise<Counts>) | null
> = {
  esf_nachweis: (tx, s, now) => anonymiseParticipant(tx, s.id, now),
  tn_kontakt: (tx, s) => eraseParticipantContact(tx, s.id),
  tn_beratung: (tx, s) => eraseParticipantCoaching(tx, s.id),
  ansprechperson: (tx, s, now) => anonymiseContact(tx, s.id, now),
  einwilligung: (tx, s) => eraseConsents(tx, refOf(s)),
  kontaktverlauf: (tx, s) => eraseContactLog(tx, refOf(s)),
  veranstaltung_anmeldung: (tx, s) => eraseRegistrations(tx, refOf(s)),
  sperre: null,
  betrieb: null,
  benutzerkonto: null,
  sicherheit: null,
  protokoll: null,
  postausgang: null,
  betroffenenanfrage: null,
  projekt: null,
  referenz: null,
};

/** The journal's name for a restriction (Art. 18): the person leaves every list. */
export const RESTRICT_STEP = "antrag:einschraenkung";

/** Restricts the processing of a person: she leaves every list (archived), nothing changes. */
export async function restrict(tx: Tx, subject: Subject, now: Date) {
  const data = { archivedAt: now };
  if (subject.kind === "participant")
    await tx.participant.updateMany({ where: { id: subject.id, archivedAt: null }, data });
  else await tx.contactPerson.updateMany({ where: { id: subject.id, archivedAt: null }, data });
}

/** The Datenart that anonymises the whole person goes last (the others need her record). */
const WHOLE_PERSON: ReadonlySet<DatenartKey> = new Set(["esf_nachweis", "ansprechperson"]);

/** The decisions from the form, for the request's Datenarten only; missing ones are refused. */
function readDecisions(
  datenarten: readonly DatenartKey[],
  values: Record<string, unknown>,
): Decisions {
  const decisions: Decisions = {};
  for (const key of datenarten) {
    const f = decisionFields(key);
    const decision = values[f.decision] as Decision | undefined;
    if (!decision) throw fieldError(f.decision, t("request.decisionRequired"));
    const until = values[f.until];
    if (decision === "restrict" && !(until instanceof Date))
      throw fieldError(f.until, t("request.untilRequired"));
    decisions[key] = {
      decision,
      until: decision === "restrict" ? dayOf(until as Date) : null,
      reason: decision === "erase" ? null : ((values[f.reason] as string | null) ?? null),
    };
  }
  return decisions;
}

/**
 * Answers a request. A copy (Auskunft, Datenübertragbarkeit) is answered by whoever may change
 * the person; erasure and restriction are decided by the lead, per Datenart, in one transaction:
 * what is erased goes now, what is restricted leaves every list (Art. 18), and the deletion log
 * gets one record with counts only.
 */
export async function answerRequest(
  user: SessionUser,
  id: string,
  values: Record<string, unknown>,
  meta: Meta = {},
) {
  const request = await getRequest(user, id);
  if (request.status !== "offen") throw new AppError(409, t("request.alreadyAnswered"));
  if (!request.identityCheckedAt) throw fieldError("identityMethod", t("request.identityFirst"));
  const subject = request.subject;
  let decisions: Decisions | null = null;
  if (decides(request.kind)) {
    if (!request.mayDecide) throw new AppError(403, t("request.leadDecides"));
    decisions = readDecisions(request.datenarten, values);
    const erase = Object.entries(decisions).filter(([, d]) => d.decision === "erase");
    if (erase.length && subject.kind === "participant" && (await isOnHold(subject.id)))
      throw new AppError(409, t("request.onHold"));
    if (decisions.esf_nachweis?.decision === "erase" && request.evidence)
      throw fieldError(
        decisionFields("esf_nachweis").decision,
        request.evidence === "open"
          ? t("request.evidenceOpen")
          : t("request.evidenceKept", { until: request.evidence.split("-").reverse().join(".") }),
      );
  }
  const now = new Date();
  await db.$transaction(async (tx) => {
    const counts: Counts = {};
    if (decisions) {
      const ordered = (Object.keys(decisions) as DatenartKey[]).sort(
        (a, b) => Number(WHOLE_PERSON.has(a)) - Number(WHOLE_PERSON.has(b)),
      );
      for (const key of ordered) {
        const step = ERASE[key];
        if (decisions[key]?.decision === "erase" && step)
          addCounts(counts, await step(tx, subject, now));
      }
      const restricted = Object.values(decisions).some((d) => d.decision === "restrict");
      if (restricted) await restrict(tx, subject, now);
      // Also replayed after a backup is restored.
      journalErasures(
        [
          ...ordered
            .filter((key) => decisions?.[key]?.decision === "erase" && ERASE[key])
            .map((key) => ({ step: `antrag:${key}`, id: subject.id, kind: subject.kind })),
          ...(restricted ? [{ step: RESTRICT_STEP, id: subject.id, kind: subject.kind }] : []),
        ],
        now,
      );
      if (Object.keys(counts).length)
        await tx.erasureRecord.create({
          data: { rule: "antrag", requestId: id, actorId: user.id, counts: JSON.stringify(counts) },
        });
    }
    await tx.subjectRequest.update({
      where: { id },
      data: {
        status: "beantwortet",
        answeredAt: now,
        answeredById: user.id,
        decisions: decisions ? JSON.stringify(decisions) : null,
      },
    });
    await audit(
      {
        actorId: user.id,
        action: Object.keys(counts).length ? "erase" : "request",
        entityType: "subject_request",
        entityId: id,
        detail: `${t(`requestKind.${request.kind}`)}: beantwortet${
          Object.keys(counts).length
            ? ` (${Object.entries(counts)
                .map(([table, n]) => `${table}: ${n}`)
                .join(", ")})`
            : ""
        }`,
        ip: meta.ip,
      },
      tx,
    );
  });
}
