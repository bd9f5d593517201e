-- DropIndex
DROP INDEX "Company_archivedAt_name_idx";

-- DropIndex
DROP INDEX "Company_archivedAt_districtAgs_outreachStatus_lastContactAt_idx";

-- DropIndex
DROP INDEX "Company_archivedAt_lastContactAt_idx";

-- CreateIndex
CREATE INDEX "Company_archivedAt_name_id_idx" ON "Company"("archivedAt", "name", "id");

-- CreateIndex
CREATE INDEX "Company_archivedAt_districtAgs_outreachStatus_lastContactAt_id_idx" ON "Company"("archivedAt", "districtAgs", "outreachStatus", "lastContactAt", "id");

-- CreateIndex
CREATE INDEX "Company_archivedAt_lastContactAt_id_idx" ON "Company"("archivedAt", "lastContactAt", "id");

