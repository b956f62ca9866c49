-- AlterTable
ALTER TABLE "Application" ADD COLUMN "suitableForOtherRoles" BOOLEAN;
ALTER TABLE "Application" ADD COLUMN "suitableRoles" JSONB;

-- CreateTable
CREATE TABLE "Consent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "wording" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "grantedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnAt" DATETIME,
    CONSTRAINT "Consent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EmployerBlock" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EmployerBlock_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EmployerBlock_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Redirect" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "candidateId" TEXT,
    "fromProviderId" TEXT NOT NULL,
    "roles" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'suggested',
    "matchesReadyAt" DATETIME,
    "viewedAt" DATETIME,
    "appliedAt" DATETIME,
    "appliedApplicationId" TEXT,
    "hiredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Redirect_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Redirect_fromProviderId_fkey" FOREIGN KEY ("fromProviderId") REFERENCES "Provider" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RedirectMatch" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "redirectId" TEXT NOT NULL,
    "vacancyId" INTEGER NOT NULL,
    "rank" INTEGER NOT NULL,
    "reasons" JSONB NOT NULL,
    CONSTRAINT "RedirectMatch_redirectId_fkey" FOREIGN KEY ("redirectId") REFERENCES "Redirect" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RedirectMatch_vacancyId_fkey" FOREIGN KEY ("vacancyId") REFERENCES "Vacancy" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PoolInvitation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "providerId" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "vacancyId" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'sent',
    "applicationId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "respondedAt" DATETIME,
    CONSTRAINT "PoolInvitation_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PoolInvitation_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PoolInvitation_vacancyId_fkey" FOREIGN KEY ("vacancyId") REFERENCES "Vacancy" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TaskOutbox" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "availableAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT
);

-- RedefineTables (hand-edited: existing candidates get a random pool id)
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CandidateProfile" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "postcode" TEXT NOT NULL,
    "outcode" TEXT NOT NULL,
    "rightToWork" TEXT NOT NULL,
    "drivingLicence" BOOLEAN NOT NULL,
    "hasCar" BOOLEAN NOT NULL,
    "availableDays" BOOLEAN NOT NULL DEFAULT false,
    "availableNights" BOOLEAN NOT NULL DEFAULT false,
    "availableWeekends" BOOLEAN NOT NULL DEFAULT false,
    "hoursWanted" TEXT NOT NULL,
    "roles" JSONB NOT NULL,
    "experienceYears" TEXT NOT NULL,
    "experienceSettings" JSONB NOT NULL,
    "qualifications" JSONB NOT NULL,
    "travelMiles" INTEGER NOT NULL DEFAULT 10,
    "poolId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CandidateProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_CandidateProfile" ("availableDays", "availableNights", "availableWeekends", "createdAt", "drivingLicence", "experienceSettings", "experienceYears", "firstName", "hasCar", "hoursWanted", "lastName", "outcode", "phone", "postcode", "qualifications", "rightToWork", "roles", "updatedAt", "userId", "poolId") SELECT "availableDays", "availableNights", "availableWeekends", "createdAt", "drivingLicence", "experienceSettings", "experienceYears", "firstName", "hasCar", "hoursWanted", "lastName", "outcode", "phone", "postcode", "qualifications", "rightToWork", "roles", "updatedAt", "userId", lower(hex(randomblob(12))) FROM "CandidateProfile";
DROP TABLE "CandidateProfile";
ALTER TABLE "new_CandidateProfile" RENAME TO "CandidateProfile";
CREATE UNIQUE INDEX "CandidateProfile_poolId_key" ON "CandidateProfile"("poolId");
CREATE TABLE "new_SearchOutbox" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "availableAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT
);
-- Hand-edited: keep pending index work, as vacancy rows.
INSERT INTO "new_SearchOutbox" ("attempts", "availableAt", "createdAt", "id", "lastError", "entity", "entityId") SELECT "attempts", "availableAt", "createdAt", "id", "lastError", 'vacancy', CAST("vacancyId" AS TEXT) FROM "SearchOutbox";
DROP TABLE "SearchOutbox";
ALTER TABLE "new_SearchOutbox" RENAME TO "SearchOutbox";
CREATE INDEX "SearchOutbox_availableAt_idx" ON "SearchOutbox"("availableAt");
CREATE INDEX "SearchOutbox_entity_entityId_idx" ON "SearchOutbox"("entity", "entityId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Consent_userId_kind_idx" ON "Consent"("userId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "EmployerBlock_userId_providerId_key" ON "EmployerBlock"("userId", "providerId");

-- CreateIndex
CREATE UNIQUE INDEX "Redirect_applicationId_key" ON "Redirect"("applicationId");

-- CreateIndex
CREATE INDEX "Redirect_candidateId_idx" ON "Redirect"("candidateId");

-- CreateIndex
CREATE INDEX "Redirect_fromProviderId_status_idx" ON "Redirect"("fromProviderId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "RedirectMatch_redirectId_vacancyId_key" ON "RedirectMatch"("redirectId", "vacancyId");

-- CreateIndex
CREATE INDEX "PoolInvitation_providerId_createdAt_idx" ON "PoolInvitation"("providerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PoolInvitation_candidateId_vacancyId_key" ON "PoolInvitation"("candidateId", "vacancyId");

-- CreateIndex
CREATE INDEX "TaskOutbox_availableAt_idx" ON "TaskOutbox"("availableAt");
