-- CreateTable
CREATE TABLE "Mission" (
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
    "proposalDeadline" DATETIME,
    "submittedAt" DATETIME,
    "publishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Mission_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Mission_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MissionStatusChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "missionId" TEXT NOT NULL,
    "from" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "actorId" TEXT,
    "reason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MissionStatusChange_missionId_fkey" FOREIGN KEY ("missionId") REFERENCES "Mission" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MissionStatusChange_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Mission_status_publishedAt_idx" ON "Mission"("status", "publishedAt");

-- CreateIndex
CREATE INDEX "Mission_organizationId_status_idx" ON "Mission"("organizationId", "status");

-- CreateIndex
CREATE INDEX "MissionStatusChange_missionId_createdAt_idx" ON "MissionStatusChange"("missionId", "createdAt");

