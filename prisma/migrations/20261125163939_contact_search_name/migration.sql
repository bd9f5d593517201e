-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ContactPerson" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "salutation" TEXT,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "normalizedName" TEXT NOT NULL DEFAULT '',
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
INSERT INTO "new_ContactPerson" ("archivedAt", "companyId", "createdAt", "email", "emailInvalidAt", "firstName", "function", "id", "lastContactAt", "lastName", "mobile", "multiplierType", "notes", "ownerId", "phone", "salutation", "updatedAt", "version") SELECT "archivedAt", "companyId", "createdAt", "email", "emailInvalidAt", "firstName", "function", "id", "lastContactAt", "lastName", "mobile", "multiplierType", "notes", "ownerId", "phone", "salutation", "updatedAt", "version" FROM "ContactPerson";
DROP TABLE "ContactPerson";
ALTER TABLE "new_ContactPerson" RENAME TO "ContactPerson";
CREATE INDEX "ContactPerson_archivedAt_lastName_firstName_idx" ON "ContactPerson"("archivedAt", "lastName", "firstName");
CREATE INDEX "ContactPerson_normalizedName_idx" ON "ContactPerson"("normalizedName");
CREATE INDEX "ContactPerson_companyId_idx" ON "ContactPerson"("companyId");
CREATE INDEX "ContactPerson_email_idx" ON "ContactPerson"("email");
CREATE INDEX "ContactPerson_multiplierType_idx" ON "ContactPerson"("multiplierType");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Backfill: the same folding as foldText() in app/lib/text.ts (lower case, umlauts spelled out).
UPDATE "ContactPerson" SET "normalizedName" =
  replace(replace(replace(replace(replace(replace(replace(
    lower("firstName" || ' ' || "lastName"),
    'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'Ä', 'ae'), 'Ö', 'oe'), 'Ü', 'ue'), 'ß', 'ss');
