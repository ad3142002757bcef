-- AlterTable
ALTER TABLE "User" ADD COLUMN "anonymizedAt" DATETIME;
ALTER TABLE "User" ADD COLUMN "suspensionReason" TEXT;

-- AlterTable
ALTER TABLE "Mission" ADD COLUMN "hiddenAt" DATETIME;

-- AlterTable
ALTER TABLE "Contract" ADD COLUMN "flagReason" TEXT;
ALTER TABLE "Contract" ADD COLUMN "flaggedAt" DATETIME;

-- AlterTable
ALTER TABLE "Report" ADD COLUMN "resolution" TEXT;

-- CreateTable
CREATE TABLE "Review" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "contractId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "authorSide" TEXT NOT NULL,
    "subjectUserId" TEXT,
    "subjectOrganizationId" TEXT,
    "rating" INTEGER NOT NULL,
    "reliability" INTEGER NOT NULL,
    "quality" INTEGER NOT NULL,
    "communication" INTEGER NOT NULL,
    "comment" TEXT NOT NULL,
    "publishedAt" DATETIME,
    "hiddenAt" DATETIME,
    "hiddenReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Review_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Review_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RetainedRecord" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "formerUserId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "retainUntil" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Organization" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "legalName" TEXT,
    "siret" TEXT,
    "vatNumber" TEXT,
    "sector" TEXT,
    "addressLine" TEXT,
    "postcode" TEXT,
    "commune" TEXT,
    "inseeCode" TEXT,
    "latitude" REAL,
    "longitude" REAL,
    "slug" TEXT NOT NULL,
    "payoutMode" TEXT,
    "ratingAverage" REAL,
    "ratingCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Organization" ("addressLine", "commune", "createdAt", "id", "inseeCode", "kind", "latitude", "legalName", "longitude", "name", "payoutMode", "postcode", "sector", "siret", "slug", "updatedAt", "vatNumber") SELECT "addressLine", "commune", "createdAt", "id", "inseeCode", "kind", "latitude", "legalName", "longitude", "name", "payoutMode", "postcode", "sector", "siret", "slug", "updatedAt", "vatNumber" FROM "Organization";
DROP TABLE "Organization";
ALTER TABLE "new_Organization" RENAME TO "Organization";
CREATE UNIQUE INDEX "Organization_slug_key" ON "Organization"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Review_subjectUserId_publishedAt_idx" ON "Review"("subjectUserId", "publishedAt");

-- CreateIndex
CREATE INDEX "Review_subjectOrganizationId_publishedAt_idx" ON "Review"("subjectOrganizationId", "publishedAt");

-- CreateIndex
CREATE INDEX "Review_publishedAt_idx" ON "Review"("publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Review_contractId_authorSide_key" ON "Review"("contractId", "authorSide");

-- CreateIndex
CREATE INDEX "RetainedRecord_formerUserId_idx" ON "RetainedRecord"("formerUserId");

-- CreateIndex
CREATE INDEX "RetainedRecord_retainUntil_idx" ON "RetainedRecord"("retainUntil");

