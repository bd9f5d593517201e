-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "passwordHash" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "lastLoginAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "ip" TEXT,
    "userAgent" TEXT,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lastFailureAt" DATETIME NOT NULL,
    "blockedUntil" DATETIME
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "revokedAt" DATETIME,
    "invitedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Invitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "District" (
    "ags" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "served" BOOLEAN NOT NULL DEFAULT false,
    "latitude" REAL NOT NULL,
    "longitude" REAL NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "DistrictNeighbour" (
    "districtAgs" TEXT NOT NULL,
    "neighbourAgs" TEXT NOT NULL,

    PRIMARY KEY ("districtAgs", "neighbourAgs"),
    CONSTRAINT "DistrictNeighbour_districtAgs_fkey" FOREIGN KEY ("districtAgs") REFERENCES "District" ("ags") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DistrictNeighbour_neighbourAgs_fkey" FOREIGN KEY ("neighbourAgs") REFERENCES "District" ("ags") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PostalCode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "plz" TEXT NOT NULL,
    "districtAgs" TEXT NOT NULL,
    "places" TEXT NOT NULL,
    "latitude" REAL NOT NULL,
    "longitude" REAL NOT NULL,
    "spansDistricts" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PostalCode_districtAgs_fkey" FOREIGN KEY ("districtAgs") REFERENCES "District" ("ags") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "KldbUnit" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "level" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "shortTitle" TEXT NOT NULL,
    "parentCode" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "KldbUnit_parentCode_fkey" FOREIGN KEY ("parentCode") REFERENCES "KldbUnit" ("code") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Occupation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "kldbOccupationNumber" TEXT,
    "kldbCode" TEXT NOT NULL,
    "durationMonths" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Occupation_kldbCode_fkey" FOREIGN KEY ("kldbCode") REFERENCES "KldbUnit" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Company" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "normalizedName" TEXT NOT NULL,
    "legalForm" TEXT,
    "street" TEXT,
    "plz" TEXT,
    "city" TEXT,
    "districtAgs" TEXT,
    "districtOverridden" BOOLEAN NOT NULL DEFAULT false,
    "industry" TEXT,
    "size" TEXT,
    "website" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "ownerId" TEXT,
    "outreachStatus" TEXT NOT NULL DEFAULT 'neu',
    "partTimeReadiness" TEXT NOT NULL DEFAULT 'offen',
    "isTrainingCompany" BOOLEAN NOT NULL DEFAULT false,
    "takesInternships" BOOLEAN NOT NULL DEFAULT false,
    "multiplierType" TEXT,
    "informedAt" DATETIME,
    "lastContactAt" DATETIME,
    "needsReview" BOOLEAN NOT NULL DEFAULT false,
    "notes" TEXT,
    "mergedIntoId" TEXT,
    "archivedAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "Company_districtAgs_fkey" FOREIGN KEY ("districtAgs") REFERENCES "District" ("ags") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Company_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Company_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CompanyStatusChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "companyId" TEXT NOT NULL,
    "fromStatus" TEXT NOT NULL,
    "toStatus" TEXT NOT NULL,
    "changedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CompanyStatusChange_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CompanyStatusChange_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Tag" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "CompanyTag" (
    "companyId" TEXT NOT NULL,
    "tagId" TEXT NOT NULL,

    PRIMARY KEY ("companyId", "tagId"),
    CONSTRAINT "CompanyTag_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CompanyTag_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TrainingOffer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "companyId" TEXT NOT NULL,
    "occupationId" TEXT NOT NULL,
    "places" INTEGER NOT NULL DEFAULT 1,
    "placesFilled" INTEGER NOT NULL DEFAULT 0,
    "partTimePossible" BOOLEAN NOT NULL DEFAULT false,
    "weeklyHoursFull" INTEGER NOT NULL DEFAULT 40,
    "startDate" DATETIME,
    "internshipPossible" BOOLEAN NOT NULL DEFAULT false,
    "notes" TEXT,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "TrainingOffer_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TrainingOffer_occupationId_fkey" FOREIGN KEY ("occupationId") REFERENCES "Occupation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ContactPerson" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "salutation" TEXT,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "function" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "mobile" TEXT,
    "companyId" TEXT,
    "multiplierType" TEXT,
    "ownerId" TEXT,
    "emailInvalidAt" DATETIME,
    "lastContactAt" DATETIME,
    "notes" TEXT,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "ContactPerson_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ContactPerson_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ContactTag" (
    "contactId" TEXT NOT NULL,
    "tagId" TEXT NOT NULL,

    PRIMARY KEY ("contactId", "tagId"),
    CONSTRAINT "ContactTag_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "ContactPerson" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ContactTag_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ContactEmployment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "contactId" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "function" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ContactEmployment_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "ContactPerson" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ContactEmployment_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Interaction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "type" TEXT NOT NULL,
    "occurredAt" DATETIME NOT NULL,
    "authorId" TEXT NOT NULL,
    "companyId" TEXT,
    "contactId" TEXT,
    "participantId" TEXT,
    "eventId" TEXT,
    "outcome" TEXT,
    "notes" TEXT,
    "deletedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "Interaction_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Interaction_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Interaction_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "ContactPerson" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Interaction_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Interaction_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InteractionTopic" (
    "interactionId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,

    PRIMARY KEY ("interactionId", "topic"),
    CONSTRAINT "InteractionTopic_interactionId_fkey" FOREIGN KEY ("interactionId") REFERENCES "Interaction" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FollowUp" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "notes" TEXT,
    "dueDate" DATETIME NOT NULL,
    "assigneeId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "companyId" TEXT,
    "contactId" TEXT,
    "participantId" TEXT,
    "interactionId" TEXT,
    "doneAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "FollowUp_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "FollowUp_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "FollowUp_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "FollowUp_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "ContactPerson" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "FollowUp_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "FollowUp_interactionId_fkey" FOREIGN KEY ("interactionId") REFERENCES "Interaction" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Project" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "startDate" DATETIME NOT NULL,
    "endDate" DATETIME NOT NULL,
    "funder" TEXT,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1
);

-- CreateTable
CREATE TABLE "ProjectDistrict" (
    "projectId" TEXT NOT NULL,
    "districtAgs" TEXT NOT NULL,

    PRIMARY KEY ("projectId", "districtAgs"),
    CONSTRAINT "ProjectDistrict_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProjectDistrict_districtAgs_fkey" FOREIGN KEY ("districtAgs") REFERENCES "District" ("ags") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Target" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "kpi" TEXT NOT NULL,
    "value" REAL NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "Target_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Participant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "birthDate" DATETIME NOT NULL,
    "gender" TEXT,
    "street" TEXT,
    "plz" TEXT,
    "city" TEXT,
    "districtAgs" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "childrenCount" INTEGER NOT NULL DEFAULT 1,
    "youngestChildBirthDate" DATETIME,
    "childcare" TEXT,
    "childcareHoursPerWeek" INTEGER,
    "weeklyHoursAvailable" INTEGER,
    "drivingLicence" BOOLEAN NOT NULL DEFAULT false,
    "hasCar" BOOLEAN NOT NULL DEFAULT false,
    "usesPublicTransport" BOOLEAN NOT NULL DEFAULT true,
    "maxCommuteMinutes" INTEGER,
    "schoolCertificate" TEXT,
    "strengths" TEXT,
    "entryDate" DATETIME,
    "exitDate" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'interessiert',
    "coachId" TEXT,
    "notes" TEXT,
    "legalHold" BOOLEAN NOT NULL DEFAULT false,
    "anonymisedAt" DATETIME,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "Participant_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Participant_districtAgs_fkey" FOREIGN KEY ("districtAgs") REFERENCES "District" ("ags") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Participant_coachId_fkey" FOREIGN KEY ("coachId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ParticipantOccupation" (
    "participantId" TEXT NOT NULL,
    "occupationId" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,

    PRIMARY KEY ("participantId", "occupationId"),
    CONSTRAINT "ParticipantOccupation_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ParticipantOccupation_occupationId_fkey" FOREIGN KEY ("occupationId") REFERENCES "Occupation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ParticipantShare" (
    "participantId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("participantId", "userId"),
    CONSTRAINT "ParticipantShare_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ParticipantShare_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Consent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "purpose" TEXT NOT NULL,
    "contactId" TEXT,
    "participantId" TEXT,
    "givenAt" DATETIME NOT NULL,
    "method" TEXT NOT NULL,
    "withdrawnAt" DATETIME,
    "note" TEXT,
    "recordedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Consent_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "ContactPerson" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Consent_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Consent_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Internship" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT,
    "participantId" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "occupationId" TEXT NOT NULL,
    "offerId" TEXT,
    "startDate" DATETIME,
    "endDate" DATETIME,
    "hoursPerWeek" INTEGER,
    "supervisorId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'vorgeschlagen',
    "companyFeedback" TEXT,
    "participantFeedback" TEXT,
    "ledToOffer" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "Internship_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Internship_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Internship_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Internship_occupationId_fkey" FOREIGN KEY ("occupationId") REFERENCES "Occupation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Internship_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "TrainingOffer" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Internship_supervisorId_fkey" FOREIGN KEY ("supervisorId") REFERENCES "ContactPerson" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Outcome" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "participantId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "companyId" TEXT,
    "occupationId" TEXT,
    "partTime" BOOLEAN NOT NULL DEFAULT false,
    "weeklyHours" INTEGER,
    "startDate" DATETIME,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "Outcome_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Outcome_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Outcome_occupationId_fkey" FOREIGN KEY ("occupationId") REFERENCES "Occupation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Event" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT,
    "type" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME,
    "place" TEXT,
    "onlineUrl" TEXT,
    "capacity" INTEGER,
    "forCompanies" BOOLEAN NOT NULL DEFAULT false,
    "forParticipants" BOOLEAN NOT NULL DEFAULT false,
    "forMultipliers" BOOLEAN NOT NULL DEFAULT false,
    "organiserId" TEXT,
    "registrationDeadline" DATETIME,
    "publicSlug" TEXT NOT NULL,
    "publicRegistration" BOOLEAN NOT NULL DEFAULT false,
    "cancelledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "Event_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Event_organiserId_fkey" FOREIGN KEY ("organiserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EventInvitation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "outboxId" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "EventInvitation_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EventInvitation_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "ContactPerson" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EventRegistration" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "contactId" TEXT,
    "companyId" TEXT,
    "participantId" TEXT,
    "name" TEXT NOT NULL,
    "companyName" TEXT,
    "function" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "persons" INTEGER NOT NULL DEFAULT 1,
    "status" TEXT NOT NULL DEFAULT 'angemeldet',
    "attendance" TEXT,
    "source" TEXT NOT NULL,
    "cancelTokenHash" TEXT,
    "consentAt" DATETIME,
    "cancelledAt" DATETIME,
    "reminderSentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "EventRegistration_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EventRegistration_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "ContactPerson" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "EventRegistration_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "EventRegistration_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "before" TEXT,
    "after" TEXT,
    "ip" TEXT,
    "detail" TEXT,
    CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EmailOutbox" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "toEmail" TEXT NOT NULL,
    "toName" TEXT,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "attachments" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "providerId" TEXT,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "SavedView" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "objectType" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "definition" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "SavedView_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "JobRun" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "ranAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_role_active_idx" ON "User"("role", "active");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_email_idx" ON "Invitation"("email");

-- CreateIndex
CREATE INDEX "PostalCode_plz_idx" ON "PostalCode"("plz");

-- CreateIndex
CREATE UNIQUE INDEX "PostalCode_plz_districtAgs_key" ON "PostalCode"("plz", "districtAgs");

-- CreateIndex
CREATE INDEX "KldbUnit_parentCode_idx" ON "KldbUnit"("parentCode");

-- CreateIndex
CREATE INDEX "KldbUnit_level_idx" ON "KldbUnit"("level");

-- CreateIndex
CREATE UNIQUE INDEX "Occupation_title_key" ON "Occupation"("title");

-- CreateIndex
CREATE INDEX "Occupation_kldbCode_idx" ON "Occupation"("kldbCode");

-- CreateIndex
CREATE INDEX "Company_archivedAt_name_idx" ON "Company"("archivedAt", "name");

-- CreateIndex
CREATE INDEX "Company_normalizedName_plz_idx" ON "Company"("normalizedName", "plz");

-- CreateIndex
CREATE INDEX "Company_districtAgs_idx" ON "Company"("districtAgs");

-- CreateIndex
CREATE INDEX "Company_outreachStatus_idx" ON "Company"("outreachStatus");

-- CreateIndex
CREATE INDEX "Company_ownerId_idx" ON "Company"("ownerId");

-- CreateIndex
CREATE INDEX "Company_multiplierType_idx" ON "Company"("multiplierType");

-- CreateIndex
CREATE INDEX "Company_lastContactAt_idx" ON "Company"("lastContactAt");

-- CreateIndex
CREATE INDEX "Company_updatedAt_idx" ON "Company"("updatedAt");

-- CreateIndex
CREATE INDEX "CompanyStatusChange_companyId_createdAt_idx" ON "CompanyStatusChange"("companyId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Tag_name_key" ON "Tag"("name");

-- CreateIndex
CREATE INDEX "CompanyTag_tagId_idx" ON "CompanyTag"("tagId");

-- CreateIndex
CREATE INDEX "TrainingOffer_companyId_idx" ON "TrainingOffer"("companyId");

-- CreateIndex
CREATE INDEX "TrainingOffer_occupationId_archivedAt_idx" ON "TrainingOffer"("occupationId", "archivedAt");

-- CreateIndex
CREATE INDEX "ContactPerson_archivedAt_lastName_firstName_idx" ON "ContactPerson"("archivedAt", "lastName", "firstName");

-- CreateIndex
CREATE INDEX "ContactPerson_companyId_idx" ON "ContactPerson"("companyId");

-- CreateIndex
CREATE INDEX "ContactPerson_email_idx" ON "ContactPerson"("email");

-- CreateIndex
CREATE INDEX "ContactPerson_multiplierType_idx" ON "ContactPerson"("multiplierType");

-- CreateIndex
CREATE INDEX "ContactTag_tagId_idx" ON "ContactTag"("tagId");

-- CreateIndex
CREATE INDEX "ContactEmployment_contactId_startedAt_idx" ON "ContactEmployment"("contactId", "startedAt");

-- CreateIndex
CREATE INDEX "ContactEmployment_companyId_idx" ON "ContactEmployment"("companyId");

-- CreateIndex
CREATE INDEX "Interaction_companyId_occurredAt_idx" ON "Interaction"("companyId", "occurredAt");

-- CreateIndex
CREATE INDEX "Interaction_contactId_occurredAt_idx" ON "Interaction"("contactId", "occurredAt");

-- CreateIndex
CREATE INDEX "Interaction_participantId_occurredAt_idx" ON "Interaction"("participantId", "occurredAt");

-- CreateIndex
CREATE INDEX "Interaction_authorId_occurredAt_idx" ON "Interaction"("authorId", "occurredAt");

-- CreateIndex
CREATE INDEX "Interaction_eventId_idx" ON "Interaction"("eventId");

-- CreateIndex
CREATE INDEX "InteractionTopic_topic_idx" ON "InteractionTopic"("topic");

-- CreateIndex
CREATE INDEX "FollowUp_assigneeId_doneAt_dueDate_idx" ON "FollowUp"("assigneeId", "doneAt", "dueDate");

-- CreateIndex
CREATE INDEX "FollowUp_companyId_idx" ON "FollowUp"("companyId");

-- CreateIndex
CREATE INDEX "FollowUp_contactId_idx" ON "FollowUp"("contactId");

-- CreateIndex
CREATE INDEX "FollowUp_participantId_idx" ON "FollowUp"("participantId");

-- CreateIndex
CREATE UNIQUE INDEX "Target_projectId_kpi_key" ON "Target"("projectId", "kpi");

-- CreateIndex
CREATE INDEX "Participant_coachId_archivedAt_idx" ON "Participant"("coachId", "archivedAt");

-- CreateIndex
CREATE INDEX "Participant_status_idx" ON "Participant"("status");

-- CreateIndex
CREATE INDEX "Participant_districtAgs_idx" ON "Participant"("districtAgs");

-- CreateIndex
CREATE INDEX "Participant_projectId_entryDate_idx" ON "Participant"("projectId", "entryDate");

-- CreateIndex
CREATE INDEX "Participant_exitDate_idx" ON "Participant"("exitDate");

-- CreateIndex
CREATE INDEX "ParticipantOccupation_occupationId_idx" ON "ParticipantOccupation"("occupationId");

-- CreateIndex
CREATE UNIQUE INDEX "ParticipantOccupation_participantId_rank_key" ON "ParticipantOccupation"("participantId", "rank");

-- CreateIndex
CREATE INDEX "ParticipantShare_userId_idx" ON "ParticipantShare"("userId");

-- CreateIndex
CREATE INDEX "Consent_contactId_purpose_idx" ON "Consent"("contactId", "purpose");

-- CreateIndex
CREATE INDEX "Consent_participantId_purpose_idx" ON "Consent"("participantId", "purpose");

-- CreateIndex
CREATE INDEX "Internship_participantId_status_idx" ON "Internship"("participantId", "status");

-- CreateIndex
CREATE INDEX "Internship_companyId_idx" ON "Internship"("companyId");

-- CreateIndex
CREATE INDEX "Internship_status_startDate_idx" ON "Internship"("status", "startDate");

-- CreateIndex
CREATE INDEX "Outcome_participantId_idx" ON "Outcome"("participantId");

-- CreateIndex
CREATE INDEX "Outcome_type_startDate_idx" ON "Outcome"("type", "startDate");

-- CreateIndex
CREATE INDEX "Outcome_companyId_idx" ON "Outcome"("companyId");

-- CreateIndex
CREATE UNIQUE INDEX "Event_publicSlug_key" ON "Event"("publicSlug");

-- CreateIndex
CREATE INDEX "Event_startsAt_idx" ON "Event"("startsAt");

-- CreateIndex
CREATE INDEX "Event_projectId_type_idx" ON "Event"("projectId", "type");

-- CreateIndex
CREATE UNIQUE INDEX "EventInvitation_tokenHash_key" ON "EventInvitation"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "EventInvitation_eventId_contactId_key" ON "EventInvitation"("eventId", "contactId");

-- CreateIndex
CREATE UNIQUE INDEX "EventRegistration_cancelTokenHash_key" ON "EventRegistration"("cancelTokenHash");

-- CreateIndex
CREATE INDEX "EventRegistration_eventId_status_createdAt_idx" ON "EventRegistration"("eventId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "EventRegistration_eventId_email_idx" ON "EventRegistration"("eventId", "email");

-- CreateIndex
CREATE INDEX "EventRegistration_contactId_idx" ON "EventRegistration"("contactId");

-- CreateIndex
CREATE INDEX "EventRegistration_participantId_idx" ON "EventRegistration"("participantId");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_createdAt_idx" ON "AuditLog"("entityType", "entityId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_createdAt_idx" ON "AuditLog"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_action_createdAt_idx" ON "AuditLog"("action", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "EmailOutbox_idempotencyKey_key" ON "EmailOutbox"("idempotencyKey");

-- CreateIndex
CREATE INDEX "EmailOutbox_status_nextAttemptAt_idx" ON "EmailOutbox"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "EmailOutbox_createdAt_idx" ON "EmailOutbox"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SavedView_userId_objectType_name_key" ON "SavedView"("userId", "objectType", "name");

