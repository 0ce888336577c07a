-- CreateEnum
CREATE TYPE "GeoPrecision" AS ENUM ('site', 'town', 'district', 'province');

-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "geoPrecision" "GeoPrecision";
