-- AlterTable
ALTER TABLE "EmailOutbox" ADD COLUMN "headers" JSONB;
ALTER TABLE "EmailOutbox" ADD COLUMN "props" JSONB;
ALTER TABLE "EmailOutbox" ADD COLUMN "template" TEXT;

-- AlterTable
ALTER TABLE "Redirect" ADD COLUMN "checkedUpTo" DATETIME;
ALTER TABLE "Redirect" ADD COLUMN "followUntil" DATETIME;
ALTER TABLE "Redirect" ADD COLUMN "stoppedAt" DATETIME;

-- CreateTable
CREATE TABLE "JobAlert" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT,
    "email" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "frequency" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "confirmedAt" DATETIME,
    "pausedAt" DATETIME,
    "pauseReason" TEXT,
    "checkedUpTo" DATETIME,
    "lastSentAt" DATETIME,
    "lastEngagedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "JobAlert_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AlertDelivery" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "email" TEXT NOT NULL,
    "vacancyId" INTEGER NOT NULL,
    "sentAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AlertDelivery_vacancyId_fkey" FOREIGN KEY ("vacancyId") REFERENCES "Vacancy" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AlertUnsubscribe" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "foundJob" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "SavedJob" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" TEXT NOT NULL,
    "vacancyId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reminderSentAt" DATETIME,
    CONSTRAINT "SavedJob_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SavedJob_vacancyId_fkey" FOREIGN KEY ("vacancyId") REFERENCES "Vacancy" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PoolSearchAlert" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "providerId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "lastSentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PoolSearchAlert_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PoolSearchAlert_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PoolAlertSeen" (
    "alertId" TEXT NOT NULL,
    "poolId" TEXT NOT NULL,
    "seenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("alertId", "poolId"),
    CONSTRAINT "PoolAlertSeen_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "PoolSearchAlert" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_RedirectMatch" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "foundAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "emailedAt" DATETIME,
    "redirectId" TEXT NOT NULL,
    "vacancyId" INTEGER NOT NULL,
    "rank" INTEGER NOT NULL,
    "reasons" JSONB NOT NULL,
    CONSTRAINT "RedirectMatch_redirectId_fkey" FOREIGN KEY ("redirectId") REFERENCES "Redirect" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RedirectMatch_vacancyId_fkey" FOREIGN KEY ("vacancyId") REFERENCES "Vacancy" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Matches found before this were in the one email each redirect sent: they count as emailed.
-- Times are written the way Prisma writes them, so they compare correctly with its own.
INSERT INTO "new_RedirectMatch" ("id", "rank", "reasons", "redirectId", "vacancyId", "foundAt", "emailedAt") SELECT "id", "rank", "reasons", "redirectId", "vacancyId", strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00', strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' FROM "RedirectMatch";
DROP TABLE "RedirectMatch";
ALTER TABLE "new_RedirectMatch" RENAME TO "RedirectMatch";
CREATE UNIQUE INDEX "RedirectMatch_redirectId_vacancyId_key" ON "RedirectMatch"("redirectId", "vacancyId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "JobAlert_status_frequency_idx" ON "JobAlert"("status", "frequency");

-- CreateIndex
CREATE INDEX "JobAlert_email_idx" ON "JobAlert"("email");

-- CreateIndex
CREATE UNIQUE INDEX "AlertDelivery_email_vacancyId_key" ON "AlertDelivery"("email", "vacancyId");

-- CreateIndex
CREATE UNIQUE INDEX "SavedJob_userId_vacancyId_key" ON "SavedJob"("userId", "vacancyId");

-- CreateIndex
CREATE INDEX "PoolSearchAlert_providerId_idx" ON "PoolSearchAlert"("providerId");

-- CreateIndex
CREATE INDEX "AlertDelivery_vacancyId_idx" ON "AlertDelivery"("vacancyId");

-- CreateIndex
CREATE INDEX "SavedJob_vacancyId_idx" ON "SavedJob"("vacancyId");

-- CreateIndex
CREATE INDEX "RedirectMatch_vacancyId_idx" ON "RedirectMatch"("vacancyId");
