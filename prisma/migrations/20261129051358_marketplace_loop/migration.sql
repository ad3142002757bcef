-- CreateTable
CREATE TABLE "Proposal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "missionId" TEXT NOT NULL,
    "origin" TEXT NOT NULL DEFAULT 'BID',
    "bidderKey" TEXT NOT NULL,
    "bidderUserId" TEXT NOT NULL,
    "agencyId" TEXT,
    "memberIds" JSONB NOT NULL DEFAULT [],
    "status" TEXT NOT NULL DEFAULT 'SUBMITTED',
    "live" BOOLEAN DEFAULT true,
    "coverLetter" TEXT NOT NULL,
    "hourlyRateCents" INTEGER,
    "taskPrices" JSONB NOT NULL DEFAULT [],
    "fixedAmountCents" INTEGER,
    "milestones" JSONB NOT NULL DEFAULT [],
    "startDate" DATETIME NOT NULL,
    "availabilityConfirmed" BOOLEAN NOT NULL DEFAULT false,
    "decisionMessage" TEXT,
    "createdById" TEXT NOT NULL,
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Proposal_missionId_fkey" FOREIGN KEY ("missionId") REFERENCES "Mission" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Proposal_bidderUserId_fkey" FOREIGN KEY ("bidderUserId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Proposal_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProposalStatusChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "proposalId" TEXT NOT NULL,
    "from" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "actorId" TEXT,
    "reason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ProposalStatusChange_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Contract" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "missionId" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "agencyId" TEXT,
    "providerUserId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "billingMode" TEXT NOT NULL,
    "terms" JSONB NOT NULL,
    "hourlyRateCents" INTEGER,
    "taskPrices" JSONB NOT NULL DEFAULT [],
    "fixedAmountCents" INTEGER,
    "platformFeeBps" INTEGER NOT NULL,
    "reviewWindowDays" INTEGER NOT NULL DEFAULT 7,
    "startDate" DATETIME NOT NULL,
    "endDate" DATETIME,
    "businessAcceptedAt" DATETIME,
    "businessAcceptedById" TEXT,
    "providerAcceptedAt" DATETIME,
    "providerAcceptedById" TEXT,
    "mandateAcceptedAt" DATETIME,
    "activatedAt" DATETIME,
    "endedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Contract_missionId_fkey" FOREIGN KEY ("missionId") REFERENCES "Mission" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Contract_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Contract_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Contract_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ContractStatusChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "contractId" TEXT NOT NULL,
    "from" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "actorId" TEXT,
    "reason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ContractStatusChange_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ContractAssignee" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "contractId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "startsOn" DATETIME,
    "endsOn" DATETIME,
    "replacesId" TEXT,
    "createdById" TEXT NOT NULL,
    "cancelledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ContractAssignee_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ContractAssignee_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WorkEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "contractId" TEXT NOT NULL,
    "assigneeId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "workDate" DATETIME NOT NULL,
    "minutes" INTEGER,
    "taskType" TEXT,
    "quantity" INTEGER,
    "unitPriceCents" INTEGER NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'SUBMITTED',
    "submittedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewedAt" DATETIME,
    "reviewedById" TEXT,
    "autoApproved" BOOLEAN NOT NULL DEFAULT false,
    "disputeReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "WorkEntry_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "WorkEntry_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "ContractAssignee" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Milestone" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "contractId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "dueDate" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'PLANNED',
    "submittedById" TEXT,
    "submittedAt" DATETIME,
    "deliveryNote" TEXT,
    "reviewedAt" DATETIME,
    "reviewedById" TEXT,
    "autoApproved" BOOLEAN NOT NULL DEFAULT false,
    "disputeReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Milestone_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConfidentialityPledge" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "acceptedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ConfidentialityPledge_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Mission" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "skills" JSONB NOT NULL DEFAULT [],
    "sector" TEXT,
    "languages" JSONB NOT NULL DEFAULT ["fr"],
    "billingMode" TEXT NOT NULL,
    "taskLines" JSONB NOT NULL DEFAULT [],
    "maxHourlyRateCents" INTEGER,
    "expectedHours" INTEGER,
    "expectedHoursPer" TEXT,
    "fixedAmountCents" INTEGER,
    "deliverables" TEXT,
    "scheduleType" TEXT NOT NULL,
    "startDate" DATETIME NOT NULL,
    "endDate" DATETIME,
    "rrule" TEXT,
    "timeWindows" JSONB NOT NULL DEFAULT [],
    "handoverNotes" TEXT,
    "callScript" TEXT,
    "urgentRouting" TEXT,
    "toolsToUse" TEXT,
    "workMode" TEXT NOT NULL,
    "postcode" TEXT,
    "commune" TEXT,
    "inseeCode" TEXT,
    "latitude" REAL,
    "longitude" REAL,
    "medicalSecrecy" BOOLEAN NOT NULL DEFAULT false,
    "visibility" TEXT NOT NULL DEFAULT 'PUBLIC',
    "openings" INTEGER NOT NULL DEFAULT 1,
    "proposalDeadline" DATETIME,
    "submittedAt" DATETIME,
    "publishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Mission_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Mission_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Mission" ("billingMode", "callScript", "commune", "createdAt", "createdById", "deliverables", "description", "endDate", "expectedHours", "expectedHoursPer", "fixedAmountCents", "handoverNotes", "id", "inseeCode", "languages", "latitude", "longitude", "maxHourlyRateCents", "medicalSecrecy", "organizationId", "postcode", "proposalDeadline", "publishedAt", "rrule", "scheduleType", "sector", "skills", "startDate", "status", "submittedAt", "taskLines", "timeWindows", "title", "toolsToUse", "updatedAt", "urgentRouting", "visibility", "workMode") SELECT "billingMode", "callScript", "commune", "createdAt", "createdById", "deliverables", "description", "endDate", "expectedHours", "expectedHoursPer", "fixedAmountCents", "handoverNotes", "id", "inseeCode", "languages", "latitude", "longitude", "maxHourlyRateCents", "medicalSecrecy", "organizationId", "postcode", "proposalDeadline", "publishedAt", "rrule", "scheduleType", "sector", "skills", "startDate", "status", "submittedAt", "taskLines", "timeWindows", "title", "toolsToUse", "updatedAt", "urgentRouting", "visibility", "workMode" FROM "Mission";
DROP TABLE "Mission";
ALTER TABLE "new_Mission" RENAME TO "Mission";
CREATE INDEX "Mission_status_publishedAt_idx" ON "Mission"("status", "publishedAt");
CREATE INDEX "Mission_organizationId_status_idx" ON "Mission"("organizationId", "status");
CREATE INDEX "Mission_status_proposalDeadline_idx" ON "Mission"("status", "proposalDeadline");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Proposal_bidderUserId_status_idx" ON "Proposal"("bidderUserId", "status");

-- CreateIndex
CREATE INDEX "Proposal_agencyId_status_idx" ON "Proposal"("agencyId", "status");

-- CreateIndex
CREATE INDEX "Proposal_missionId_status_idx" ON "Proposal"("missionId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Proposal_missionId_bidderKey_live_key" ON "Proposal"("missionId", "bidderKey", "live");

-- CreateIndex
CREATE INDEX "ProposalStatusChange_proposalId_createdAt_idx" ON "ProposalStatusChange"("proposalId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_proposalId_key" ON "Contract"("proposalId");

-- CreateIndex
CREATE INDEX "Contract_organizationId_status_idx" ON "Contract"("organizationId", "status");

-- CreateIndex
CREATE INDEX "Contract_providerUserId_status_idx" ON "Contract"("providerUserId", "status");

-- CreateIndex
CREATE INDEX "Contract_agencyId_status_idx" ON "Contract"("agencyId", "status");

-- CreateIndex
CREATE INDEX "Contract_missionId_idx" ON "Contract"("missionId");

-- CreateIndex
CREATE INDEX "ContractStatusChange_contractId_createdAt_idx" ON "ContractStatusChange"("contractId", "createdAt");

-- CreateIndex
CREATE INDEX "ContractAssignee_contractId_idx" ON "ContractAssignee"("contractId");

-- CreateIndex
CREATE INDEX "ContractAssignee_userId_idx" ON "ContractAssignee"("userId");

-- CreateIndex
CREATE INDEX "WorkEntry_contractId_workDate_idx" ON "WorkEntry"("contractId", "workDate");

-- CreateIndex
CREATE INDEX "WorkEntry_status_submittedAt_idx" ON "WorkEntry"("status", "submittedAt");

-- CreateIndex
CREATE INDEX "WorkEntry_assigneeId_workDate_idx" ON "WorkEntry"("assigneeId", "workDate");

-- CreateIndex
CREATE INDEX "Milestone_status_submittedAt_idx" ON "Milestone"("status", "submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Milestone_contractId_position_key" ON "Milestone"("contractId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ConfidentialityPledge_userId_version_key" ON "ConfidentialityPledge"("userId", "version");

