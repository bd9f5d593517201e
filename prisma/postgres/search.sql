-- Search index on PostgreSQL: one row per searchable record (folded name, for contacts also the
-- email, phone numbers as their digits), kept in step with every write to Company and
-- ContactPerson by triggers; archived records leave it. A trigram GIN index (pg_trgm) serves
-- substring search and similarity(), as FTS5's trigram tokenizer does on SQLite. "C" collation:
-- prefix ranges compare byte by byte, as on SQLite.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE IF NOT EXISTS "SearchEntry" (
    "refId" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "text" TEXT COLLATE "C" NOT NULL
);
CREATE INDEX IF NOT EXISTS "SearchEntry_text_idx" ON "SearchEntry"("text");
CREATE INDEX IF NOT EXISTS "SearchEntry_text_trgm_idx" ON "SearchEntry" USING gin ("text" gin_trgm_ops);

CREATE OR REPLACE FUNCTION "search_digits"(phone TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
  SELECT replace(replace(replace(replace(replace(replace(phone, ' ', ''), '/', ''), '-', ''), '(', ''), ')', ''), '.', '')
$$;

CREATE OR REPLACE FUNCTION "Company_search"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM "SearchEntry" WHERE "refId" = OLD."id";
  END IF;
  IF TG_OP <> 'DELETE' AND NEW."archivedAt" IS NULL THEN
    INSERT INTO "SearchEntry" ("kind", "refId", "text")
      VALUES ('company', NEW."id", NEW."normalizedName" || coalesce(' ' || "search_digits"(NEW."phone"), ''));
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "ContactPerson_search"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM "SearchEntry" WHERE "refId" = OLD."id";
  END IF;
  IF TG_OP <> 'DELETE' AND NEW."archivedAt" IS NULL THEN
    INSERT INTO "SearchEntry" ("kind", "refId", "text")
      VALUES ('contact', NEW."id", NEW."normalizedName" || coalesce(' ' || lower(NEW."email"), '')
        || coalesce(' ' || "search_digits"(NEW."phone"), '') || coalesce(' ' || "search_digits"(NEW."mobile"), ''));
  END IF;
  RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS "Company_search" ON "Company";
CREATE TRIGGER "Company_search" AFTER INSERT OR DELETE OR UPDATE OF "normalizedName", "phone", "archivedAt"
  ON "Company" FOR EACH ROW EXECUTE FUNCTION "Company_search"();
DROP TRIGGER IF EXISTS "ContactPerson_search" ON "ContactPerson";
CREATE TRIGGER "ContactPerson_search" AFTER INSERT OR DELETE OR UPDATE OF "normalizedName", "email", "phone", "mobile", "archivedAt"
  ON "ContactPerson" FOR EACH ROW EXECUTE FUNCTION "ContactPerson_search"();
