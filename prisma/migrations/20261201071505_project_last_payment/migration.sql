-- AlterTable
ALTER TABLE "Project" ADD COLUMN "lastPaymentOn" DATETIME;

