import type { DatenartKey } from "./datenarten";

// Every column of prisma/schema.prisma, by table, with its Datenart. A column not named here
// fails retention.test.ts: a new field needs its deletion rule before it can be merged.

const columns = (datenart: DatenartKey, names: string): Record<string, DatenartKey> =>
  Object.fromEntries(names.split(/\s+/).map((name) => [name, datenart]));

export const FIELD_DATENART: Record<string, Record<string, DatenartKey>> = {
  User: columns(
    "benutzerkonto",
    "id email name role passwordHash active lastLoginAt anonymisedAt totpSecret totpEnabledAt totpLastStep calendarTokenHash createdAt updatedAt version",
  ),
  Session: columns("sicherheit", "id userId createdAt lastSeenAt expiresAt ip userAgent"),
  LoginThrottle: columns("sicherheit", "key failures lastFailureAt blockedUntil"),
  // The registration form's attempts per address; the job runner forgets them after a day.
  RateLimitHit: columns("sicherheit", "id key at"),
  PasswordReset: columns("sicherheit", "id userId tokenHash expiresAt usedAt createdAt"),
  RecoveryCode: columns("benutzerkonto", "id userId codeHash usedAt createdAt"),
  Invitation: columns(
    "sicherheit",
    "id email name role tokenHash expiresAt usedAt revokedAt invitedById createdAt updatedAt",
  ),
  District: columns("referenz", "ags name served latitude longitude createdAt updatedAt"),
  DistrictNeighbour: columns("referenz", "districtAgs neighbourAgs"),
  PostalCode: columns(
    "referenz",
    "id plz districtAgs places latitude longitude spansDistricts createdAt updatedAt",
  ),
  KldbUnit: columns("referenz", "code level title shortTitle parentCode createdAt updatedAt"),
  RailStation: columns("referenz", "eva name latitude longitude category"),
  TravelTime: columns("referenz", "id fromPlz toPlz mode minutes enteredById createdAt updatedAt"),
  Occupation: columns(
    "referenz",
    "id title kldbOccupationNumber kldbCode durationMonths active createdAt updatedAt",
  ),
  Company: columns(
    "betrieb",
    `id name normalizedName legalForm street plz city districtAgs districtOverridden industry size
     website phone email ownerId outreachStatus partTimeReadiness isTrainingCompany
     takesInternships multiplierType informedAt lastContactAt needsReview notes mergedIntoId
     archivedAt anonymisedAt createdById createdAt updatedAt version`,
  ),
  CompanyStatusChange: columns("betrieb", "id companyId fromStatus toStatus changedById createdAt"),
  Tag: columns("projekt", "id name createdAt updatedAt"),
  CompanyTag: columns("betrieb", "companyId tagId"),
  TrainingOffer: columns(
    "betrieb",
    `id companyId occupationId places placesFilled partTimePossible weeklyHoursFull startDate
     internshipPossible notes archivedAt createdAt updatedAt version`,
  ),
  ContactPerson: columns(
    "ansprechperson",
    `id salutation firstName lastName normalizedName function email phone mobile companyId
     multiplierType ownerId emailInvalidAt lastContactAt notes archivedAt anonymisedAt createdAt updatedAt
     version`,
  ),
  ContactTag: columns("ansprechperson", "contactId tagId"),
  ContactEmployment: columns(
    "ansprechperson",
    "id contactId companyId function startedAt endedAt createdAt updatedAt",
  ),
  Interaction: columns(
    "kontaktverlauf",
    `id type occurredAt authorId companyId contactId participantId eventId outcome notes deletedAt
     createdAt updatedAt version`,
  ),
  InteractionTopic: columns("kontaktverlauf", "interactionId topic"),
  FollowUp: columns(
    "kontaktverlauf",
    `id title notes dueDate assigneeId createdById companyId contactId participantId
     interactionId doneAt result createdAt updatedAt version`,
  ),
  Project: columns(
    "projekt",
    "id name startDate endDate funder lastPaymentOn archivedAt createdAt updatedAt version",
  ),
  ProjectDistrict: columns("projekt", "projectId districtAgs"),
  Target: columns("projekt", "id projectId kpi value createdAt updatedAt version"),
  Participant: {
    // Who took part and what the funder's evidence and the reports need (at the end the name
    // goes and the birth date is reduced to its year, as far as the ESF age bands allow).
    ...columns(
      "esf_nachweis",
      `id projectId firstName lastName birthDate gender districtAgs childrenCount schoolCertificate labourStatus
       entryDate exitDate status coachId anonymisedAt archivedAt createdAt updatedAt
       version`,
    ),
    ...columns("tn_kontakt", "street plz city phone email"),
    // Coaching: children, childcare, mobility, strengths and notes.
    ...columns(
      "tn_beratung",
      `youngestChildBirthDate childcare childcareHoursPerWeek weeklyHoursAvailable drivingLicence
       hasCar usesPublicTransport maxCommuteMinutes strengths notes`,
    ),
  },
  ParticipantStay: columns(
    "esf_nachweis",
    "id participantId projectId entryDate exitDate labourStatus createdAt updatedAt",
  ),
  ParticipantOccupation: columns("tn_beratung", "participantId occupationId rank"),
  CaseNote: columns(
    "tn_beratung",
    "id participantId type occurredOn text authorId createdAt updatedAt",
  ),
  // A participant's files go with her counselling data; a company's with the company (its
  // anonymisation deletes them).
  Document: columns(
    "tn_beratung",
    "id participantId companyId kind fileName mimeType size sha256 uploadedById createdAt",
  ),
  ParticipantShare: columns("tn_beratung", "participantId userId createdAt"),
  Consent: columns(
    "einwilligung",
    "id purpose contactId participantId givenAt method withdrawnAt note recordedById createdAt updatedAt",
  ),
  InternshipStatusChange: columns(
    "esf_nachweis",
    "id internshipId fromStatus toStatus reason changedById createdAt",
  ),
  Internship: {
    ...columns(
      "esf_nachweis",
      `id projectId participantId companyId occupationId offerId startDate endDate hoursPerWeek
       supervisorId status ledToOffer endReason createdAt updatedAt version`,
    ),
    ...columns("tn_beratung", "companyFeedback participantFeedback"),
  },
  Outcome: {
    ...columns(
      "esf_nachweis",
      `id participantId stayId type companyId occupationId partTime weeklyHours startDate
       createdAt updatedAt version`,
    ),
    ...columns("tn_beratung", "note"),
  },
  Event: columns(
    "projekt",
    `id projectId type title description startsAt endsAt place onlineUrl capacity forCompanies
     forParticipants forMultipliers organiserId registrationDeadline publicSlug
     publicRegistration cancelledAt createdAt updatedAt version`,
  ),
  EventInvitation: columns(
    "veranstaltung_anmeldung",
    "id eventId contactId tokenHash expiresAt outboxId createdById createdAt updatedAt",
  ),
  EventRegistration: {
    // Who came, as counts for the reports (a participant's attendance is ESF evidence).
    ...columns(
      "esf_nachweis",
      `id eventId contactId companyId participantId persons status attendance source cancelledAt
       createdAt updatedAt version`,
    ),
    ...columns(
      "veranstaltung_anmeldung",
      "name companyName function email phone cancelTokenHash consentAt reminderSentAt",
    ),
  },
  LegalHold: columns(
    "sperre",
    "id participantId projectId reason until setById createdAt liftedAt liftedById",
  ),
  AuditLog: columns(
    "protokoll",
    "id createdAt actorId action entityType entityId before after ip detail",
  ),
  EmailOutbox: columns(
    "postausgang",
    `id kind toEmail toName subject html text attachments idempotencyKey status attempts
     nextAttemptAt lastError providerId sentAt createdAt updatedAt`,
  ),
  SavedView: columns(
    "benutzerkonto",
    "id userId objectType name definition createdAt updatedAt version",
  ),
  // An uploaded company list (with its contact persons) waiting to be imported: the job runner
  // deletes it after a day, well within the contact persons' rule.
  ImportUpload: columns("ansprechperson", "id userId filename content createdAt"),
  JobRun: columns("referenz", "key ranAt"),
  Setting: columns("referenz", "key value updatedAt updatedById"),
  // Which server runs the scheduled jobs: host and process, no personal data.
  JobLock: columns("referenz", "name holder lockedUntil updatedAt"),
  // The deletion log and the plans hold ids and counts, never the deleted values.
  RetentionPlan: columns("protokoll", "id day status summary createdById createdAt appliedAt"),
  RetentionPlanItem: columns("protokoll", "planId rule entity recordId doneAt"),
  ErasureRecord: columns("protokoll", "id createdAt actorId rule planId requestId counts"),
  SubjectRequest: columns(
    "betroffenenanfrage",
    `id kind participantId contactId receivedOn dueOn identityMethod identityCheckedAt
     identityCheckedById decisions status answeredAt answeredById recordedById createdAt updatedAt`,
  ),
};
