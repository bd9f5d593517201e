-- AlterTable
ALTER TABLE "Internship" ADD COLUMN "endReason" TEXT;

-- CreateTable
CREATE TABLE "RailStation" (
    "eva" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "latitude" REAL NOT NULL,
    "longitude" REAL NOT NULL,
    "category" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "TravelTime" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "fromPlz" TEXT NOT NULL,
    "toPlz" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "minutes" INTEGER NOT NULL,
    "enteredById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TravelTime_enteredById_fkey" FOREIGN KEY ("enteredById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InternshipStatusChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "internshipId" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT NOT NULL,
    "reason" TEXT,
    "changedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "InternshipStatusChange_internshipId_fkey" FOREIGN KEY ("internshipId") REFERENCES "Internship" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "InternshipStatusChange_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "TravelTime_toPlz_mode_idx" ON "TravelTime"("toPlz", "mode");

-- CreateIndex
CREATE UNIQUE INDEX "TravelTime_fromPlz_toPlz_mode_key" ON "TravelTime"("fromPlz", "toPlz", "mode");

-- CreateIndex
CREATE INDEX "InternshipStatusChange_internshipId_createdAt_idx" ON "InternshipStatusChange"("internshipId", "createdAt");


-- The history starts with each internship's current status.
INSERT INTO "InternshipStatusChange" ("id", "internshipId", "fromStatus", "toStatus", "createdAt")
SELECT 'h' || lower(hex(randomblob(12))), "id", NULL, "status", "updatedAt" FROM "Internship";
