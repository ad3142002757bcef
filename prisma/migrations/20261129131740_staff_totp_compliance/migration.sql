-- AlterTable
ALTER TABLE "User" ADD COLUMN "totpEnabledAt" DATETIME;
ALTER TABLE "User" ADD COLUMN "totpSecret" TEXT;

-- AlterTable
ALTER TABLE "Session" ADD COLUMN "secondFactorAt" DATETIME;

-- AlterTable
ALTER TABLE "Contract" ADD COLUMN "vigilanceRemindedAt" DATETIME;

-- AlterTable
ALTER TABLE "InvoicingIdentity" ADD COLUMN "birthDate" DATETIME;
ALTER TABLE "InvoicingIdentity" ADD COLUMN "payoutAccountCountry" TEXT;
ALTER TABLE "InvoicingIdentity" ADD COLUMN "taxIdentificationNumber" TEXT;

-- CreateTable
CREATE TABLE "VigilanceCertificate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "storageKey" TEXT NOT NULL,
    "issuedOn" DATETIME NOT NULL,
    "expiresOn" DATETIME NOT NULL,
    "remindedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "VigilanceCertificate_storageKey_key" ON "VigilanceCertificate"("storageKey");

-- CreateIndex
CREATE INDEX "VigilanceCertificate_userId_expiresOn_idx" ON "VigilanceCertificate"("userId", "expiresOn");

-- CreateIndex
CREATE INDEX "VigilanceCertificate_expiresOn_idx" ON "VigilanceCertificate"("expiresOn");

