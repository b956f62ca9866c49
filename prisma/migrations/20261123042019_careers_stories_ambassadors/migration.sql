-- CreateTable
CREATE TABLE "Ambassador" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "roleId" TEXT NOT NULL,
    "employer" TEXT,
    "town" TEXT NOT NULL,
    "outcode" TEXT NOT NULL,
    "lat" REAL NOT NULL,
    "lng" REAL NOT NULL,
    "bio" TEXT NOT NULL DEFAULT '',
    "photoFileId" TEXT,
    "photoAlt" TEXT,
    "willingToVisit" BOOLEAN NOT NULL DEFAULT true,
    "visitRadiusMiles" INTEGER NOT NULL DEFAULT 20,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Ambassador_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AmbassadorPathwayStep" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "ambassadorId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "roleId" TEXT,
    "title" TEXT NOT NULL,
    "fromYear" INTEGER NOT NULL,
    "toYear" INTEGER,
    CONSTRAINT "AmbassadorPathwayStep_ambassadorId_fkey" FOREIGN KEY ("ambassadorId") REFERENCES "Ambassador" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AmbassadorInvitation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "invitedById" TEXT,
    "expiresAt" DATETIME NOT NULL,
    "acceptedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Story" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "authorId" TEXT,
    "authorKind" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "tellerRoleId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "roleIds" JSONB NOT NULL,
    "employerName" TEXT,
    "photoFileId" TEXT,
    "photoAlt" TEXT,
    "status" TEXT NOT NULL DEFAULT 'submitted',
    "reviewNote" TEXT,
    "submittedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" DATETIME,
    CONSTRAINT "Story_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "VisitRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisation" TEXT NOT NULL,
    "organisationType" TEXT NOT NULL,
    "contactName" TEXT NOT NULL,
    "contactEmail" TEXT NOT NULL,
    "postcode" TEXT NOT NULL,
    "outcode" TEXT NOT NULL,
    "town" TEXT NOT NULL,
    "lat" REAL NOT NULL,
    "lng" REAL NOT NULL,
    "preferredDates" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "ageGroup" TEXT NOT NULL,
    "numberOfPeople" INTEGER NOT NULL,
    "topics" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "ambassadorId" TEXT,
    "acceptedAt" DATETIME,
    "visitedOn" DATETIME,
    "peopleReached" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "VisitRequest_ambassadorId_fkey" FOREIGN KEY ("ambassadorId") REFERENCES "Ambassador" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "VisitAccessLink" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "visitRequestId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "VisitAccessLink_visitRequestId_fkey" FOREIGN KEY ("visitRequestId") REFERENCES "VisitRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "VisitOffer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "visitRequestId" TEXT NOT NULL,
    "ambassadorId" TEXT NOT NULL,
    "distanceMiles" REAL NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'offered',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "respondedAt" DATETIME,
    CONSTRAINT "VisitOffer_visitRequestId_fkey" FOREIGN KEY ("visitRequestId") REFERENCES "VisitRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "VisitOffer_ambassadorId_fkey" FOREIGN KEY ("ambassadorId") REFERENCES "Ambassador" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "VisitMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "visitRequestId" TEXT NOT NULL,
    "sender" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "VisitMessage_visitRequestId_fkey" FOREIGN KEY ("visitRequestId") REFERENCES "VisitRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Ambassador_userId_key" ON "Ambassador"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "AmbassadorPathwayStep_ambassadorId_position_key" ON "AmbassadorPathwayStep"("ambassadorId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "AmbassadorInvitation_tokenHash_key" ON "AmbassadorInvitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Story_status_publishedAt_idx" ON "Story"("status", "publishedAt");

-- CreateIndex
CREATE INDEX "VisitRequest_status_idx" ON "VisitRequest"("status");

-- CreateIndex
CREATE UNIQUE INDEX "VisitAccessLink_tokenHash_key" ON "VisitAccessLink"("tokenHash");

-- CreateIndex
CREATE INDEX "VisitOffer_ambassadorId_status_idx" ON "VisitOffer"("ambassadorId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "VisitOffer_visitRequestId_ambassadorId_key" ON "VisitOffer"("visitRequestId", "ambassadorId");

-- CreateIndex
CREATE INDEX "VisitMessage_visitRequestId_createdAt_idx" ON "VisitMessage"("visitRequestId", "createdAt");
