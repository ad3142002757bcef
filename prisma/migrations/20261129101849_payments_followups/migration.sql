-- AlterTable
ALTER TABLE "Organization" ADD COLUMN "payoutMode" TEXT;

-- AlterTable
ALTER TABLE "WorkEntry" ADD COLUMN "paymentId" TEXT;

-- Data: the agency payout mode moves from the agency's payout account to the agency itself.
UPDATE "Organization" SET "payoutMode" = (
  SELECT "agencyPayoutMode" FROM "PayoutAccount" WHERE "PayoutAccount"."organizationId" = "Organization"."id"
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_PayoutAccount" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT,
    "organizationId" TEXT,
    "stripeAccountId" TEXT NOT NULL,
    "transfersActive" BOOLEAN NOT NULL DEFAULT false,
    "detailsSubmitted" BOOLEAN NOT NULL DEFAULT false,
    "requirementsDue" JSONB NOT NULL DEFAULT [],
    "stateAsOf" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_PayoutAccount" ("createdAt", "detailsSubmitted", "id", "organizationId", "requirementsDue", "stateAsOf", "stripeAccountId", "transfersActive", "updatedAt", "userId") SELECT "createdAt", "detailsSubmitted", "id", "organizationId", "requirementsDue", "stateAsOf", "stripeAccountId", "transfersActive", "updatedAt", "userId" FROM "PayoutAccount";
DROP TABLE "PayoutAccount";
ALTER TABLE "new_PayoutAccount" RENAME TO "PayoutAccount";
CREATE UNIQUE INDEX "PayoutAccount_userId_key" ON "PayoutAccount"("userId");
CREATE UNIQUE INDEX "PayoutAccount_organizationId_key" ON "PayoutAccount"("organizationId");
CREATE UNIQUE INDEX "PayoutAccount_stripeAccountId_key" ON "PayoutAccount"("stripeAccountId");
CREATE TABLE "new_Payment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "contractId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "periodMonth" TEXT,
    "sequence" INTEGER NOT NULL DEFAULT 1,
    "milestoneId" TEXT,
    "workAmountCents" INTEGER NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "feeCents" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "stripePaymentIntentId" TEXT,
    "stripeChargeId" TEXT,
    "failureMessage" TEXT,
    "refundedCents" INTEGER NOT NULL DEFAULT 0,
    "disputedAt" DATETIME,
    "succeededAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Payment_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Payment" ("amountCents", "contractId", "createdAt", "disputedAt", "failureMessage", "feeCents", "id", "kind", "milestoneId", "periodMonth", "refundedCents", "status", "stripeChargeId", "stripePaymentIntentId", "succeededAt", "updatedAt", "workAmountCents") SELECT "amountCents", "contractId", "createdAt", "disputedAt", "failureMessage", "feeCents", "id", "kind", "milestoneId", "periodMonth", "refundedCents", "status", "stripeChargeId", "stripePaymentIntentId", "succeededAt", "updatedAt", "workAmountCents" FROM "Payment";
DROP TABLE "Payment";
ALTER TABLE "new_Payment" RENAME TO "Payment";
CREATE UNIQUE INDEX "Payment_milestoneId_key" ON "Payment"("milestoneId");
CREATE UNIQUE INDEX "Payment_stripePaymentIntentId_key" ON "Payment"("stripePaymentIntentId");
CREATE INDEX "Payment_status_idx" ON "Payment"("status");
CREATE UNIQUE INDEX "Payment_contractId_kind_periodMonth_sequence_key" ON "Payment"("contractId", "kind", "periodMonth", "sequence");
CREATE TABLE "new_Invoice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "issuerKey" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "contractId" TEXT,
    "paymentId" TEXT,
    "correctsId" TEXT,
    "issuedAt" DATETIME NOT NULL,
    "periodStart" DATETIME NOT NULL,
    "periodEnd" DATETIME NOT NULL,
    "dueDate" DATETIME NOT NULL,
    "issuer" JSONB NOT NULL,
    "client" JSONB NOT NULL,
    "clientKey" TEXT NOT NULL DEFAULT '',
    "lines" JSONB NOT NULL,
    "totalExclTaxCents" INTEGER NOT NULL,
    "vatCents" INTEGER NOT NULL,
    "totalInclTaxCents" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Invoice" ("client", "contractId", "correctsId", "createdAt", "dueDate", "id", "issuedAt", "issuer", "issuerKey", "kind", "lines", "number", "paymentId", "periodEnd", "periodStart", "sequence", "totalExclTaxCents", "totalInclTaxCents", "vatCents") SELECT "client", "contractId", "correctsId", "createdAt", "dueDate", "id", "issuedAt", "issuer", "issuerKey", "kind", "lines", "number", "paymentId", "periodEnd", "periodStart", "sequence", "totalExclTaxCents", "totalInclTaxCents", "vatCents" FROM "Invoice";
DROP TABLE "Invoice";
ALTER TABLE "new_Invoice" RENAME TO "Invoice";
UPDATE "Invoice" SET "clientKey" = COALESCE(json_extract("client", '$.key'), '');
CREATE INDEX "Invoice_clientKey_idx" ON "Invoice"("clientKey");
CREATE INDEX "Invoice_contractId_idx" ON "Invoice"("contractId");
CREATE INDEX "Invoice_paymentId_idx" ON "Invoice"("paymentId");
CREATE UNIQUE INDEX "Invoice_issuerKey_sequence_key" ON "Invoice"("issuerKey", "sequence");
CREATE UNIQUE INDEX "Invoice_issuerKey_number_key" ON "Invoice"("issuerKey", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Link approved work to the month's first PERIOD payment that billed it (approved before the close),
-- so the new close does not bill it again. Dates are stored as ISO text by the libSQL adapter.
UPDATE "WorkEntry" SET "paymentId" = (
  SELECT p."id" FROM "Payment" p
  WHERE p."contractId" = "WorkEntry"."contractId" AND p."kind" = 'PERIOD' AND p."sequence" = 1
    AND p."periodMonth" = substr("WorkEntry"."workDate", 1, 7)
    AND coalesce("WorkEntry"."reviewedAt", "WorkEntry"."updatedAt") <= p."createdAt"
) WHERE "status" = 'APPROVED' AND "paymentId" IS NULL;

-- CreateIndex
CREATE INDEX "WorkEntry_paymentId_idx" ON "WorkEntry"("paymentId");

