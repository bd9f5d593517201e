import type { Tx } from "~/db.server";
import { addDays, type Day, dateOnly, dayOf, yearsBetween } from "~/lib/day";
import { ageBand } from "~/modules/reporting/esf.server";

// What the deletion rules and erasure requests do to one record. Each step runs inside the
// caller's transaction and answers how many rows it changed per table – the deletion log keeps
// those counts and never the values. Whatever named the person goes, in the record itself, in
// the records that hang off it, in the audit log's before/after values and in the outbox; the
// ids, dates and categories the reports count stay.

export type Counts = Record<string, number>;

/** Adds `from` to `into` (tables with 0 are left out). */
export function addCounts(into: Counts, from: Counts): Counts {
  for (const [table, n] of Object.entries(from)) if (n) into[table] = (into[table] ?? 0) + n;
  return into;
}

const one = (table: string, n: number): Counts => (n ? { [table]: n } : {});

/** The name an anonymised person or account shows where a list still reaches the stub. */
export const ANONYMOUS = "Anonymisiert";

/**
 * The birth date reduced to its year: 1 July, moved towards the real date only as far as needed
 * for the ESF age band at every entry to stay what it was (so the reports do not change).
 */
export function generalisedBirthDate(birth: Day, entries: Day[]): Day {
  const band = (b: Day, e: Day) => ageBand(yearsBetween(b, e));
  const same = (b: Day) => entries.every((e) => band(b, e) === band(birth, e));
  let candidate: Day = `${birth.slice(0, 4)}-07-01`;
  const step = candidate < birth ? 1 : -1;
  while (candidate !== birth && !same(candidate)) candidate = addDays(candidate, step);
  return candidate;
}

/** Before/after values and details of these records' audit entries go; who, when and what stay. */
export async function redactAudit(tx: Tx, entityIds: string[]): Promise<Counts> {
  if (!entityIds.length) return {};
  const { count } = await tx.auditLog.updateMany({
    where: {
      entityId: { in: entityIds },
      OR: [{ before: { not: null } }, { after: { not: null } }, { detail: { not: null } }],
    },
    data: { before: null, after: null, detail: null },
  });
  return one("AuditLog", count);
}

/** Emails to this address (and mentioning this name) leave the outbox. */
async function dropMail(tx: Tx, email: string | null, name?: string): Promise<Counts> {
  const or = [
    ...(email ? [{ toEmail: email }] : []),
    ...(name ? [{ text: { contains: name } }, { toName: name }] : []),
  ];
  if (!or.length) return {};
  const { count } = await tx.emailOutbox.deleteMany({ where: { OR: or } });
  return one("EmailOutbox", count);
}

/** The coaching fields with their empty values (booleans back to the form's defaults). */
const NO_COACHING = {
  youngestChildBirthDate: null,
  childcare: null,
  childcareHoursPerWeek: null,
  weeklyHoursAvailable: null,
  drivingLicence: false,
  hasCar: false,
  usesPublicTransport: true,
  maxCommuteMinutes: null,
  strengths: null,
  notes: null,
} as const;

const NO_CONTACT = { street: null, plz: null, city: null, phone: null, email: null } as const;

/** Rule "Kontaktdaten der Teilnehmenden": address, phone and email go. */
export async function eraseParticipantContact(tx: Tx, id: string): Promise<Counts> {
  const p = await tx.participant.findUniqueOrThrow({ where: { id }, select: { email: true } });
  await tx.participant.update({ where: { id }, data: { ...NO_CONTACT } });
  return addCounts(
    { Participant: 1 },
    {
      ...(await dropMail(tx, p.email)),
      ...(await redactAudit(tx, [id])),
    },
  );
}

/**
 * Rule "Beratungsdaten": children, childcare, mobility, wishes, strengths, notes, feedback, the
 * case file's notes and her documents go.
 */
export async function eraseParticipantCoaching(tx: Tx, id: string): Promise<Counts> {
  await tx.participant.update({ where: { id }, data: { ...NO_COACHING } });
  const wishes = await tx.participantOccupation.deleteMany({ where: { participantId: id } });
  const shares = await tx.participantShare.deleteMany({ where: { participantId: id } });
  const internships = await tx.internship.findMany({
    where: { participantId: id },
    select: { id: true },
  });
  const feedback = await tx.internship.updateMany({
    where: { participantId: id },
    data: { companyFeedback: null, participantFeedback: null },
  });
  const outcomes = await tx.outcome.findMany({
    where: { participantId: id },
    select: { id: true },
  });
  const notes = await tx.outcome.updateMany({ where: { participantId: id }, data: { note: null } });
  const caseNotes = await tx.caseNote.deleteMany({ where: { participantId: id } });
  // The files follow when the job runner removes files without their document.
  const documents = await tx.document.deleteMany({ where: { participantId: id } });
  return addCounts(
    {
      Participant: 1,
      ParticipantOccupation: wishes.count,
      ParticipantShare: shares.count,
      Internship: feedback.count,
      Outcome: notes.count,
      CaseNote: caseNotes.count,
      Document: documents.count,
    },
    await redactAudit(tx, [id, ...internships.map((r) => r.id), ...outcomes.map((r) => r.id)]),
  );
}

/**
 * Contact-log entries about a person: an entry that is only about her goes (with its
 * follow-ups); one that is also about a company or contact loses its note and the link to her.
 */
export async function dropInteractions(
  tx: Tx,
  where: { participantId: string } | { contactId: string },
): Promise<{ counts: Counts; ids: string[] }> {
  const rows = await tx.interaction.findMany({
    where,
    select: { id: true, companyId: true, contactId: true, participantId: true },
  });
  const alone = rows
    .filter((r) =>
      "participantId" in where ? !r.companyId && !r.contactId : !r.companyId && !r.participantId,
    )
    .map((r) => r.id);
  const shared = rows.map((r) => r.id).filter((id) => !alone.includes(id));
  const followUps = await tx.followUp.deleteMany({
    where: { OR: [{ interactionId: { in: alone } }, where] },
  });
  const deleted = await tx.interaction.deleteMany({ where: { id: { in: alone } } });
  const unlinked = await tx.interaction.updateMany({
    where: { id: { in: shared } },
    data: "participantId" in where ? { participantId: null, notes: null } : { notes: null },
  });
  return {
    counts: { Interaction: deleted.count + unlinked.count, FollowUp: followUps.count },
    ids: rows.map((r) => r.id),
  };
}

/** A registration keeps its counts (persons, status, attendance), not who registered. */
export const NO_REGISTRANT = {
  name: "",
  companyName: null,
  function: null,
  email: null,
  phone: null,
  cancelTokenHash: null,
} as const;

/**
 * Rule "Teilnahme und ESF-Nachweise" at its end, an interested person who never entered, and
 * an erasure request: the person is reduced to what the figures count (stays, outcomes,
 * internships, attendance, district, ESF categories, birth year) and leaves every list.
 */
export async function anonymiseParticipant(tx: Tx, id: string, now: Date): Promise<Counts> {
  const p = await tx.participant.findUniqueOrThrow({
    where: { id },
    select: {
      firstName: true,
      lastName: true,
      email: true,
      birthDate: true,
      archivedAt: true,
      stays: { select: { id: true, entryDate: true } },
      consents: { select: { id: true } },
      internships: { select: { id: true } },
      outcomes: { select: { id: true } },
      registrations: { select: { id: true } },
      holds: { select: { id: true } },
    },
  });
  const counts = addCounts(
    await eraseParticipantContact(tx, id),
    await eraseParticipantCoaching(tx, id),
  );
  const log = await dropInteractions(tx, { participantId: id });
  addCounts(counts, log.counts);
  const consents = await tx.consent.deleteMany({ where: { participantId: id } });
  const holds = await tx.legalHold.deleteMany({ where: { participantId: id } });
  const registrations = await tx.eventRegistration.updateMany({
    where: { participantId: id },
    data: NO_REGISTRANT,
  });
  await tx.participant.update({
    where: { id },
    data: {
      firstName: ANONYMOUS,
      lastName: "",
      birthDate: dateOnly(
        generalisedBirthDate(
          dayOf(p.birthDate),
          p.stays.map((s) => dayOf(s.entryDate)),
        ),
      ),
      anonymisedAt: now,
      archivedAt: p.archivedAt ?? now,
      version: { increment: 1 },
    },
  });
  addCounts(counts, {
    Consent: consents.count,
    LegalHold: holds.count,
    EventRegistration: registrations.count,
  });
  addCounts(counts, await dropMail(tx, p.email, `${p.firstName} ${p.lastName}`));
  counts.Participant = 1;
  return addCounts(
    counts,
    await redactAudit(tx, [
      ...p.stays.map((r) => r.id),
      ...p.consents.map((r) => r.id),
      ...p.registrations.map((r) => r.id),
      ...p.holds.map((r) => r.id),
      ...log.ids,
    ]),
  );
}

/** Rule "Ansprechpersonen" and an erasure request: the contact person becomes a stub. */
export async function anonymiseContact(tx: Tx, id: string, now: Date): Promise<Counts> {
  const c = await tx.contactPerson.findUniqueOrThrow({
    where: { id },
    select: {
      firstName: true,
      lastName: true,
      email: true,
      archivedAt: true,
      consents: { select: { id: true } },
      registrations: { select: { id: true } },
    },
  });
  await tx.contactPerson.update({
    where: { id },
    data: {
      salutation: null,
      firstName: ANONYMOUS,
      lastName: "",
      normalizedName: "",
      function: null,
      email: null,
      phone: null,
      mobile: null,
      notes: null,
      anonymisedAt: now,
      archivedAt: c.archivedAt ?? now,
      version: { increment: 1 },
    },
  });
  const employments = await tx.contactEmployment.updateMany({
    where: { contactId: id, function: { not: null } },
    data: { function: null },
  });
  const consents = await tx.consent.deleteMany({ where: { contactId: id } });
  const registrations = await tx.eventRegistration.updateMany({
    where: { contactId: id },
    data: NO_REGISTRANT,
  });
  const log = await dropInteractions(tx, { contactId: id });
  return addCounts(
    {
      ContactPerson: 1,
      ContactEmployment: employments.count,
      Consent: consents.count,
      EventRegistration: registrations.count,
      ...log.counts,
    },
    addCounts(
      await dropMail(tx, c.email, `${c.firstName} ${c.lastName}`),
      await redactAudit(tx, [
        id,
        ...c.consents.map((r) => r.id),
        ...c.registrations.map((r) => r.id),
        ...log.ids,
      ]),
    ),
  );
}

/**
 * Rule "Betriebe": a company is a legal person and keeps its name for the figures; what could
 * name a sole trader or an employee (contact data, free text) goes and it leaves every list.
 */
export async function anonymiseCompany(tx: Tx, id: string, now: Date): Promise<Counts> {
  const c = await tx.company.findUniqueOrThrow({
    where: { id },
    select: { email: true, archivedAt: true },
  });
  await tx.company.update({
    where: { id },
    data: {
      street: null,
      phone: null,
      email: null,
      website: null,
      notes: null,
      anonymisedAt: now,
      archivedAt: c.archivedAt ?? now,
      version: { increment: 1 },
    },
  });
  const offers = await tx.trainingOffer.updateMany({
    where: { companyId: id, notes: { not: null } },
    data: { notes: null },
  });
  const documents = await tx.document.deleteMany({ where: { companyId: id } });
  return addCounts(
    { Company: 1, TrainingOffer: offers.count, Document: documents.count },
    addCounts(await dropMail(tx, c.email), await redactAudit(tx, [id])),
  );
}

/** Rule "Anmeldungen": who registered goes, the count stays. */
export async function anonymiseRegistration(tx: Tx, id: string): Promise<Counts> {
  await tx.eventRegistration.update({ where: { id }, data: NO_REGISTRANT });
  return addCounts({ EventRegistration: 1 }, await redactAudit(tx, [id]));
}

/** Rule "Benutzerkonten": a deactivated account keeps its id (the audit log names it), not the person. */
export async function anonymiseUser(tx: Tx, id: string, now: Date): Promise<Counts> {
  const sessions = await tx.session.deleteMany({ where: { userId: id } });
  const views = await tx.savedView.deleteMany({ where: { userId: id } });
  const codes = await tx.recoveryCode.deleteMany({ where: { userId: id } });
  const resets = await tx.passwordReset.deleteMany({ where: { userId: id } });
  const u = await tx.user.update({
    where: { id },
    data: {
      name: ANONYMOUS,
      email: `konto-${id}@anonymisiert.invalid`,
      passwordHash: null,
      totpSecret: null,
      totpEnabledAt: null,
      totpLastStep: null,
      calendarTokenHash: null,
      anonymisedAt: now,
      version: { increment: 1 },
    },
    select: { id: true },
  });
  return addCounts(
    {
      User: u ? 1 : 0,
      Session: sessions.count,
      SavedView: views.count,
      RecoveryCode: codes.count,
      PasswordReset: resets.count,
    },
    await redactAudit(tx, [id]),
  );
}

/** Records a rule deletes outright, by table. */
export const DELETE_BY_ID = {
  Session: (tx: Tx, ids: string[]) => tx.session.deleteMany({ where: { id: { in: ids } } }),
  LoginThrottle: (tx: Tx, ids: string[]) =>
    tx.loginThrottle.deleteMany({ where: { key: { in: ids } } }),
  Invitation: (tx: Tx, ids: string[]) => tx.invitation.deleteMany({ where: { id: { in: ids } } }),
  PasswordReset: (tx: Tx, ids: string[]) =>
    tx.passwordReset.deleteMany({ where: { id: { in: ids } } }),
  EventInvitation: (tx: Tx, ids: string[]) =>
    tx.eventInvitation.deleteMany({ where: { id: { in: ids } } }),
  AuditLog: (tx: Tx, ids: string[]) => tx.auditLog.deleteMany({ where: { id: { in: ids } } }),
  EmailOutbox: (tx: Tx, ids: string[]) => tx.emailOutbox.deleteMany({ where: { id: { in: ids } } }),
  FollowUp: (tx: Tx, ids: string[]) => tx.followUp.deleteMany({ where: { id: { in: ids } } }),
  Interaction: async (tx: Tx, ids: string[]) => {
    await tx.followUp.updateMany({
      where: { interactionId: { in: ids } },
      data: { interactionId: null },
    });
    return tx.interaction.deleteMany({ where: { id: { in: ids } } });
  },
  SubjectRequest: async (tx: Tx, ids: string[]) => {
    await tx.erasureRecord.updateMany({
      where: { requestId: { in: ids } },
      data: { requestId: null },
    });
    return tx.subjectRequest.deleteMany({ where: { id: { in: ids } } });
  },
} as const;
export type DeletedTable = keyof typeof DELETE_BY_ID;

/** Whose records: a participant or a contact person. */
export type PersonRef = { participantId: string } | { contactId: string };

/** The person's consents go (on request: she no longer wants them kept). */
export async function eraseConsents(tx: Tx, owner: PersonRef): Promise<Counts> {
  const consents = await tx.consent.findMany({ where: owner, select: { id: true } });
  const { count } = await tx.consent.deleteMany({ where: owner });
  return addCounts(
    { Consent: count },
    await redactAudit(
      tx,
      consents.map((c) => c.id),
    ),
  );
}

/** Who registered goes from the person's event registrations; the counts stay. */
export async function eraseRegistrations(tx: Tx, owner: PersonRef): Promise<Counts> {
  const rows = await tx.eventRegistration.findMany({ where: owner, select: { id: true } });
  const { count } = await tx.eventRegistration.updateMany({ where: owner, data: NO_REGISTRANT });
  return addCounts(
    { EventRegistration: count },
    await redactAudit(
      tx,
      rows.map((r) => r.id),
    ),
  );
}

/** The contact-log entries and follow-ups about the person (see dropInteractions). */
export async function eraseContactLog(tx: Tx, owner: PersonRef): Promise<Counts> {
  const log = await dropInteractions(tx, owner);
  return addCounts(log.counts, await redactAudit(tx, log.ids));
}
