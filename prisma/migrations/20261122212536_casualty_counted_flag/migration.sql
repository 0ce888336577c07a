-- AlterTable
ALTER TABLE "Casualty" ADD COLUMN     "counted" BOOLEAN NOT NULL DEFAULT true;
