-- AlterTable
ALTER TABLE "User" ADD COLUMN "anonymisedAt" DATETIME;

-- AlterTable
ALTER TABLE "Company" ADD COLUMN "anonymisedAt" DATETIME;

-- AlterTable
ALTER TABLE "ContactPerson" ADD COLUMN "anonymisedAt" DATETIME;

-- CreateTable
CREATE TABLE "RetentionPlan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "day" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "summary" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appliedAt" DATETIME,
    CONSTRAINT "RetentionPlan_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RetentionPlanItem" (
    "planId" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "doneAt" DATETIME,

    PRIMARY KEY ("planId", "rule", "entity", "recordId"),
    CONSTRAINT "RetentionPlanItem_planId_fkey" FOREIGN KEY ("planId") REFERENCES "RetentionPlan" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ErasureRecord" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "rule" TEXT NOT NULL,
    "planId" TEXT,
    "requestId" TEXT,
    "counts" TEXT NOT NULL,
    CONSTRAINT "ErasureRecord_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ErasureRecord_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "SubjectRequest" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "updatedById" TEXT,
    CONSTRAINT "Setting_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SubjectRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "participantId" TEXT,
    "contactId" TEXT,
    "receivedOn" DATETIME NOT NULL,
    "dueOn" DATETIME NOT NULL,
    "identityMethod" TEXT,
    "identityCheckedAt" DATETIME,
    "identityCheckedById" TEXT,
    "decisions" TEXT,
    "status" TEXT NOT NULL DEFAULT 'offen',
    "answeredAt" DATETIME,
    "answeredById" TEXT,
    "recordedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SubjectRequest_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SubjectRequest_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "ContactPerson" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SubjectRequest_identityCheckedById_fkey" FOREIGN KEY ("identityCheckedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SubjectRequest_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SubjectRequest_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "RetentionPlan_status_createdAt_idx" ON "RetentionPlan"("status", "createdAt");

-- CreateIndex
CREATE INDEX "RetentionPlanItem_planId_doneAt_idx" ON "RetentionPlanItem"("planId", "doneAt");

-- CreateIndex
CREATE INDEX "ErasureRecord_createdAt_idx" ON "ErasureRecord"("createdAt");

-- CreateIndex
CREATE INDEX "SubjectRequest_status_dueOn_idx" ON "SubjectRequest"("status", "dueOn");

-- CreateIndex
CREATE INDEX "SubjectRequest_participantId_idx" ON "SubjectRequest"("participantId");

-- CreateIndex
CREATE INDEX "SubjectRequest_contactId_idx" ON "SubjectRequest"("contactId");

