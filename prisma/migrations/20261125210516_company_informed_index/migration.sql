-- CreateIndex
CREATE INDEX "Company_informedAt_districtAgs_idx" ON "Company"("informedAt", "districtAgs");

