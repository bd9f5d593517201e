-- CreateTable
CREATE TABLE "ParticipantStay" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "participantId" TEXT NOT NULL,
    "projectId" TEXT,
    "entryDate" DATETIME NOT NULL,
    "exitDate" DATETIME,
    "labourStatus" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ParticipantStay_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ParticipantStay_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Outcome" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "participantId" TEXT NOT NULL,
    "stayId" TEXT,
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
    CONSTRAINT "Outcome_stayId_fkey" FOREIGN KEY ("stayId") REFERENCES "ParticipantStay" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Outcome_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Outcome_occupationId_fkey" FOREIGN KEY ("occupationId") REFERENCES "Occupation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Outcome" ("companyId", "createdAt", "id", "note", "occupationId", "partTime", "participantId", "startDate", "type", "updatedAt", "version", "weeklyHours") SELECT "companyId", "createdAt", "id", "note", "occupationId", "partTime", "participantId", "startDate", "type", "updatedAt", "version", "weeklyHours" FROM "Outcome";
DROP TABLE "Outcome";
ALTER TABLE "new_Outcome" RENAME TO "Outcome";
CREATE INDEX "Outcome_participantId_idx" ON "Outcome"("participantId");
CREATE INDEX "Outcome_stayId_idx" ON "Outcome"("stayId");
CREATE INDEX "Outcome_type_startDate_idx" ON "Outcome"("type", "startDate");
CREATE INDEX "Outcome_companyId_idx" ON "Outcome"("companyId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ParticipantStay_participantId_entryDate_idx" ON "ParticipantStay"("participantId", "entryDate");

-- CreateIndex
CREATE INDEX "ParticipantStay_projectId_entryDate_idx" ON "ParticipantStay"("projectId", "entryDate");

-- CreateIndex
CREATE INDEX "ParticipantStay_projectId_exitDate_idx" ON "ParticipantStay"("projectId", "exitDate");


-- Backfill: every participant with an entry date has had one stay so far; its outcomes belong to it.
INSERT INTO "ParticipantStay" ("id", "participantId", "projectId", "entryDate", "exitDate", "labourStatus", "createdAt", "updatedAt")
SELECT 'stay_' || "id", "id", "projectId", "entryDate", "exitDate", "labourStatus", "createdAt", "updatedAt"
FROM "Participant" WHERE "entryDate" IS NOT NULL;
UPDATE "Outcome" SET "stayId" = 'stay_' || "participantId"
WHERE EXISTS (SELECT 1 FROM "ParticipantStay" s WHERE s."id" = 'stay_' || "Outcome"."participantId");
