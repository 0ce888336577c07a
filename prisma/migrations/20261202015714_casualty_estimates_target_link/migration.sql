-- CreateEnum
CREATE TYPE "TargetLink" AS ENUM ('direct', 'indirect', 'disputed');

-- CreateEnum
CREATE TYPE "FigureStatus" AS ENUM ('current', 'preliminary', 'superseded');

-- AlterTable
ALTER TABLE "Casualty" ADD COLUMN     "status" "FigureStatus" NOT NULL DEFAULT 'current',
ADD COLUMN     "statusReason" TEXT;

-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "chineseHarmed" BOOLEAN,
ADD COLUMN     "chineseInjuredHigh" INTEGER,
ADD COLUMN     "chineseInjuredLow" INTEGER,
ADD COLUMN     "chineseKilledHigh" INTEGER,
ADD COLUMN     "chineseKilledLow" INTEGER,
ADD COLUMN     "targetLink" "TargetLink" NOT NULL DEFAULT 'direct',
ADD COLUMN     "totalInjuredHigh" INTEGER,
ADD COLUMN     "totalInjuredLow" INTEGER,
ADD COLUMN     "totalKilledHigh" INTEGER,
ADD COLUMN     "totalKilledLow" INTEGER;

-- Existing rows: "weak" mixed indirect and disputed targets; disputed asserts least until the
-- record is re-seeded (the seed writer sets targetLink, the ranges and chineseHarmed from the claims).
UPDATE "Incident" SET "targetLink" = 'disputed' WHERE "chineseLink" = 'weak';
UPDATE "Incident" SET "chineseHarmed" = CASE
  WHEN COALESCE("chineseKilled", 0) > 0 OR COALESCE("chineseInjured", 0) > 0 OR COALESCE("chineseKidnapped", 0) > 0 THEN TRUE
  WHEN "chineseKilled" = 0 AND "chineseInjured" = 0 THEN FALSE
END;
