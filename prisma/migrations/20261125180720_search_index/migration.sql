-- CreateIndex
CREATE INDEX "Company_plz_archivedAt_idx" ON "Company"("plz", "archivedAt");


-- Search index: one row per searchable record (folded name, for contacts also the email), with
-- an FTS5 trigram index over it for substring search that scales (see docs/decisions).
CREATE TABLE "SearchEntry" (
    "rowid" INTEGER NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "refId" TEXT NOT NULL,
    "text" TEXT NOT NULL
);
CREATE UNIQUE INDEX "SearchEntry_refId_key" ON "SearchEntry"("refId");
CREATE INDEX "SearchEntry_text_idx" ON "SearchEntry"("text");

CREATE VIRTUAL TABLE "SearchText" USING fts5("text", content='SearchEntry', content_rowid='rowid', tokenize='trigram');
CREATE TRIGGER "SearchEntry_insert" AFTER INSERT ON "SearchEntry" BEGIN
  INSERT INTO "SearchText" ("rowid", "text") VALUES (NEW."rowid", NEW."text");
END;
CREATE TRIGGER "SearchEntry_delete" AFTER DELETE ON "SearchEntry" BEGIN
  INSERT INTO "SearchText" ("SearchText", "rowid", "text") VALUES ('delete', OLD."rowid", OLD."text");
END;

INSERT INTO "SearchEntry" ("kind", "refId", "text")
  SELECT 'company', "id", "normalizedName" FROM "Company" WHERE "archivedAt" IS NULL;
INSERT INTO "SearchEntry" ("kind", "refId", "text")
  SELECT 'contact', "id", "normalizedName" || coalesce(' ' || lower("email"), '')
  FROM "ContactPerson" WHERE "archivedAt" IS NULL;

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
