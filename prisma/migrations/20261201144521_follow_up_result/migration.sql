-- AlterTable
ALTER TABLE "FollowUp" ADD COLUMN "result" TEXT;

