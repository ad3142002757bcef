-- CreateIndex
CREATE INDEX "Mission_status_proposalDeadline_idx" ON "Mission"("status", "proposalDeadline");

