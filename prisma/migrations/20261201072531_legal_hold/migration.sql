-- CreateTable
CREATE TABLE "LegalHold" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "participantId" TEXT,
    "projectId" TEXT,
    "reason" TEXT NOT NULL,
    "until" DATETIME,
    "setById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "liftedAt" DATETIME,
    "liftedById" TEXT,
    CONSTRAINT "LegalHold_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LegalHold_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LegalHold_setById_fkey" FOREIGN KEY ("setById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "LegalHold_liftedById_fkey" FOREIGN KEY ("liftedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Participant" (
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
    "labourStatus" TEXT,
    "strengths" TEXT,
    "entryDate" DATETIME,
    "exitDate" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'interessiert',
    "coachId" TEXT,
    "notes" TEXT,
    "anonymisedAt" DATETIME,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "Participant_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Participant_districtAgs_fkey" FOREIGN KEY ("districtAgs") REFERENCES "District" ("ags") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Participant_coachId_fkey" FOREIGN KEY ("coachId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Participant" ("anonymisedAt", "archivedAt", "birthDate", "childcare", "childcareHoursPerWeek", "childrenCount", "city", "coachId", "createdAt", "districtAgs", "drivingLicence", "email", "entryDate", "exitDate", "firstName", "gender", "hasCar", "id", "labourStatus", "lastName", "maxCommuteMinutes", "notes", "phone", "plz", "projectId", "schoolCertificate", "status", "street", "strengths", "updatedAt", "usesPublicTransport", "version", "weeklyHoursAvailable", "youngestChildBirthDate") SELECT "anonymisedAt", "archivedAt", "birthDate", "childcare", "childcareHoursPerWeek", "childrenCount", "city", "coachId", "createdAt", "districtAgs", "drivingLicence", "email", "entryDate", "exitDate", "firstName", "gender", "hasCar", "id", "labourStatus", "lastName", "maxCommuteMinutes", "notes", "phone", "plz", "projectId", "schoolCertificate", "status", "street", "strengths", "updatedAt", "usesPublicTransport", "version", "weeklyHoursAvailable", "youngestChildBirthDate" FROM "Participant";
DROP TABLE "Participant";
ALTER TABLE "new_Participant" RENAME TO "Participant";
CREATE INDEX "Participant_coachId_archivedAt_idx" ON "Participant"("coachId", "archivedAt");
CREATE INDEX "Participant_status_idx" ON "Participant"("status");
CREATE INDEX "Participant_districtAgs_idx" ON "Participant"("districtAgs");
CREATE INDEX "Participant_projectId_entryDate_idx" ON "Participant"("projectId", "entryDate");
CREATE INDEX "Participant_exitDate_idx" ON "Participant"("exitDate");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "LegalHold_participantId_liftedAt_idx" ON "LegalHold"("participantId", "liftedAt");

-- CreateIndex
CREATE INDEX "LegalHold_projectId_liftedAt_idx" ON "LegalHold"("projectId", "liftedAt");

