-- Keeps SearchEntry (and through it the trigram index SearchText) in step with every write to
-- Company and ContactPerson, whatever code path writes. Archived records leave the index.
-- scripts/db-migration.ts appends this file to any migration that rebuilds one of the tables.
DROP TRIGGER IF EXISTS "Company_search_insert";
DROP TRIGGER IF EXISTS "Company_search_update";
DROP TRIGGER IF EXISTS "Company_search_delete";
DROP TRIGGER IF EXISTS "ContactPerson_search_insert";
DROP TRIGGER IF EXISTS "ContactPerson_search_update";
DROP TRIGGER IF EXISTS "ContactPerson_search_delete";

CREATE TRIGGER "Company_search_insert" AFTER INSERT ON "Company" WHEN NEW."archivedAt" IS NULL BEGIN
  INSERT INTO "SearchEntry" ("kind", "refId", "text") VALUES ('company', NEW."id", NEW."normalizedName");
END;
CREATE TRIGGER "Company_search_update" AFTER UPDATE OF "normalizedName", "archivedAt" ON "Company" BEGIN
  DELETE FROM "SearchEntry" WHERE "refId" = OLD."id";
  INSERT INTO "SearchEntry" ("kind", "refId", "text")
    SELECT 'company', NEW."id", NEW."normalizedName" WHERE NEW."archivedAt" IS NULL;
END;
CREATE TRIGGER "Company_search_delete" AFTER DELETE ON "Company" BEGIN
  DELETE FROM "SearchEntry" WHERE "refId" = OLD."id";
END;

CREATE TRIGGER "ContactPerson_search_insert" AFTER INSERT ON "ContactPerson" WHEN NEW."archivedAt" IS NULL BEGIN
  INSERT INTO "SearchEntry" ("kind", "refId", "text")
    VALUES ('contact', NEW."id", NEW."normalizedName" || coalesce(' ' || lower(NEW."email"), ''));
END;
CREATE TRIGGER "ContactPerson_search_update" AFTER UPDATE OF "normalizedName", "email", "archivedAt" ON "ContactPerson" BEGIN
  DELETE FROM "SearchEntry" WHERE "refId" = OLD."id";
  INSERT INTO "SearchEntry" ("kind", "refId", "text")
    SELECT 'contact', NEW."id", NEW."normalizedName" || coalesce(' ' || lower(NEW."email"), '')
    WHERE NEW."archivedAt" IS NULL;
END;
CREATE TRIGGER "ContactPerson_search_delete" AFTER DELETE ON "ContactPerson" BEGIN
  DELETE FROM "SearchEntry" WHERE "refId" = OLD."id";
END;
