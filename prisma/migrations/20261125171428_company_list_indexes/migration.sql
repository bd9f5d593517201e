-- CreateIndex
CREATE INDEX "Company_archivedAt_districtAgs_outreachStatus_lastContactAt_idx" ON "Company"("archivedAt", "districtAgs", "outreachStatus", "lastContactAt");

-- CreateIndex
CREATE INDEX "Company_archivedAt_lastContactAt_idx" ON "Company"("archivedAt", "lastContactAt");

