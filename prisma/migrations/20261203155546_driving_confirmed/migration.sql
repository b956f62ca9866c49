-- AlterTable
ALTER TABLE "Vacancy" ADD COLUMN "drivingConfirmedAt" DATETIME;
