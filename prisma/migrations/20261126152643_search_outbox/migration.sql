-- CreateTable
CREATE TABLE "SearchOutbox" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "indexName" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT
);

-- CreateIndex
CREATE INDEX "SearchOutbox_nextAttemptAt_id_idx" ON "SearchOutbox"("nextAttemptAt", "id");

-- CreateIndex
CREATE INDEX "SearchOutbox_indexName_documentId_idx" ON "SearchOutbox"("indexName", "documentId");

