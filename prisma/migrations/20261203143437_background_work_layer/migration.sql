-- AlterTable
ALTER TABLE "EmailOutbox" ADD COLUMN "leaseToken" TEXT;

-- AlterTable
ALTER TABLE "SearchOutbox" ADD COLUMN "leaseToken" TEXT;

-- AlterTable
ALTER TABLE "TaskOutbox" ADD COLUMN "leaseToken" TEXT;

-- CreateTable
CREATE TABLE "RecurringJob" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "nextRunAt" DATETIME NOT NULL,
    "lastStartedAt" DATETIME,
    "lastFinishedAt" DATETIME,
    "lastError" TEXT
);
