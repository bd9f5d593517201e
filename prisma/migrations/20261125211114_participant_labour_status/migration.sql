-- AlterTable
ALTER TABLE "Participant" ADD COLUMN "labourStatus" TEXT;

