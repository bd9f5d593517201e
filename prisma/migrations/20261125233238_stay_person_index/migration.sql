-- CreateIndex
CREATE INDEX "ParticipantStay_projectId_participantId_entryDate_exitDate_idx" ON "ParticipantStay"("projectId", "participantId", "entryDate", "exitDate");

