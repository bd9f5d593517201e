-- Search finds companies and contact persons by phone number too: the index text gains the
-- digits of their phone (and mobile) numbers.
-- Keeps SearchEntry (and through it the trigram index SearchText) in step with every write to
-- Company and ContactPerson, whatever code path writes. Archived records leave the index.
-- Phone numbers are indexed as their digits, so "0391" or "0391 5551234" finds the record.
-- scripts/db-migration.ts appends this file to any migration that rebuilds one of the tables.
DROP TRIGGER IF EXISTS "Company_search_insert";
DROP TRIGGER IF EXISTS "Company_search_update";
DROP TRIGGER IF EXISTS "Company_search_delete";
DROP TRIGGER IF EXISTS "ContactPerson_search_insert";
DROP TRIGGER IF EXISTS "ContactPerson_search_update";
DROP TRIGGER IF EXISTS "ContactPerson_search_delete";

CREATE TRIGGER "Company_search_insert" AFTER INSERT ON "Company" WHEN NEW."archivedAt" IS NULL BEGIN
  INSERT INTO "SearchEntry" ("kind", "refId", "text") VALUES ('company', NEW."id", NEW."normalizedName" || coalesce(' ' || replace(replace(replace(replace(replace(replace(NEW."phone", ' ', ''), '/', ''), '-', ''), '(', ''), ')', ''), '.', ''), ''));
END;
CREATE TRIGGER "Company_search_update" AFTER UPDATE OF "normalizedName", "phone", "archivedAt" ON "Company" BEGIN
  DELETE FROM "SearchEntry" WHERE "refId" = OLD."id";
  INSERT INTO "SearchEntry" ("kind", "refId", "text")
    SELECT 'company', NEW."id", NEW."normalizedName" || coalesce(' ' || replace(replace(replace(replace(replace(replace(NEW."phone", ' ', ''), '/', ''), '-', ''), '(', ''), ')', ''), '.', ''), '') WHERE NEW."archivedAt" IS NULL;
END;
CREATE TRIGGER "Company_search_delete" AFTER DELETE ON "Company" BEGIN
  DELETE FROM "SearchEntry" WHERE "refId" = OLD."id";
END;

CREATE TRIGGER "ContactPerson_search_insert" AFTER INSERT ON "ContactPerson" WHEN NEW."archivedAt" IS NULL BEGIN
  INSERT INTO "SearchEntry" ("kind", "refId", "text")
    VALUES ('contact', NEW."id", NEW."normalizedName" || coalesce(' ' || lower(NEW."email"), '') || coalesce(' ' || replace(replace(replace(replace(replace(replace(NEW."phone", ' ', ''), '/', ''), '-', ''), '(', ''), ')', ''), '.', ''), '') || coalesce(' ' || replace(replace(replace(replace(replace(replace(NEW."mobile", ' ', ''), '/', ''), '-', ''), '(', ''), ')', ''), '.', ''), ''));
END;
CREATE TRIGGER "ContactPerson_search_update" AFTER UPDATE OF "normalizedName", "email", "phone", "mobile", "archivedAt" ON "ContactPerson" BEGIN
  DELETE FROM "SearchEntry" WHERE "refId" = OLD."id";
  INSERT INTO "SearchEntry" ("kind", "refId", "text")
    SELECT 'contact', NEW."id", NEW."normalizedName" || coalesce(' ' || lower(NEW."email"), '') || coalesce(' ' || replace(replace(replace(replace(replace(replace(NEW."phone", ' ', ''), '/', ''), '-', ''), '(', ''), ')', ''), '.', ''), '') || coalesce(' ' || replace(replace(replace(replace(replace(replace(NEW."mobile", ' ', ''), '/', ''), '-', ''), '(', ''), ')', ''), '.', ''), '')
    WHERE NEW."archivedAt" IS NULL;
END;
CREATE TRIGGER "ContactPerson_search_delete" AFTER DELETE ON "ContactPerson" BEGIN
  DELETE FROM "SearchEntry" WHERE "refId" = OLD."id";
END;

DELETE FROM "SearchEntry";
INSERT INTO "SearchEntry" ("kind", "refId", "text")
  SELECT 'company', "id", "normalizedName" || coalesce(' ' || replace(replace(replace(replace(replace(replace("phone", ' ', ''), '/', ''), '-', ''), '(', ''), ')', ''), '.', ''), '')
  FROM "Company" WHERE "archivedAt" IS NULL;
INSERT INTO "SearchEntry" ("kind", "refId", "text")
  SELECT 'contact', "id", "normalizedName" || coalesce(' ' || lower("email"), '')
    || coalesce(' ' || replace(replace(replace(replace(replace(replace("phone", ' ', ''), '/', ''), '-', ''), '(', ''), ')', ''), '.', ''), '')
    || coalesce(' ' || replace(replace(replace(replace(replace(replace("mobile", ' ', ''), '/', ''), '-', ''), '(', ''), ')', ''), '.', ''), '')
  FROM "ContactPerson" WHERE "archivedAt" IS NULL;
