-- CreateEnum
CREATE TYPE "Province" AS ENUM ('balochistan', 'sindh', 'khyber_pakhtunkhwa', 'punjab', 'islamabad', 'gilgit_baltistan', 'azad_kashmir');

-- CreateEnum
CREATE TYPE "AttackType" AS ENUM ('suicide_bombing', 'bombing', 'complex_attack', 'armed_assault', 'targeted_shooting', 'kidnapping', 'other');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('day', 'month', 'year');

-- CreateEnum
CREATE TYPE "LocationPrecision" AS ENUM ('exact', 'city', 'district', 'province');

-- CreateEnum
CREATE TYPE "PerpetratorKind" AS ENUM ('ethno_separatist', 'jihadist', 'sectarian', 'criminal', 'individual', 'unknown');

-- CreateEnum
CREATE TYPE "AttributionRole" AS ENUM ('claimed', 'attributed_by_authorities', 'alleged', 'suspected', 'denied');

-- CreateEnum
CREATE TYPE "CasualtyOutcome" AS ENUM ('killed', 'injured', 'kidnapped');

-- CreateEnum
CREATE TYPE "VictimGroup" AS ENUM ('chinese', 'pakistani_civilians', 'security_forces', 'other', 'all_victims', 'attackers');

-- CreateEnum
CREATE TYPE "Confidence" AS ENUM ('high', 'medium', 'low');

-- CreateEnum
CREATE TYPE "ChineseLink" AS ENUM ('direct', 'weak');

-- CreateEnum
CREATE TYPE "SourceKind" AS ENUM ('seed_document', 'news', 'official', 'report');

-- CreateEnum
CREATE TYPE "ProjectSector" AS ENUM ('energy', 'hydropower', 'transport', 'port', 'mining', 'industrial_zone', 'diplomatic', 'education', 'commercial', 'other');

-- CreateEnum
CREATE TYPE "FigureMetric" AS ENUM ('incidents', 'killed', 'injured', 'population');

-- CreateEnum
CREATE TYPE "FigureQualifier" AS ENUM ('exact', 'more_than', 'at_least', 'approximately');

-- CreateEnum
CREATE TYPE "FigureScope" AS ENUM ('chinese_targeted', 'all_pakistan');

-- CreateEnum
CREATE TYPE "FigureVictims" AS ENUM ('chinese', 'all');

-- CreateTable
CREATE TABLE "Source" (
    "id" TEXT NOT NULL,
    "kind" "SourceKind" NOT NULL,
    "title" TEXT NOT NULL,
    "author" TEXT,
    "publisher" TEXT,
    "publishedOn" TEXT,
    "url" TEXT,
    "seedFile" TEXT,
    "note" TEXT,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Perpetrator" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "aliases" TEXT[],
    "kind" "PerpetratorKind" NOT NULL,
    "description" TEXT,

    CONSTRAINT "Perpetrator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Project" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sector" "ProjectSector" NOT NULL,
    "province" "Province",
    "location" TEXT,
    "operator" TEXT,
    "isCpec" BOOLEAN,
    "description" TEXT,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Incident" (
    "id" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "datePrecision" "DatePrecision" NOT NULL,
    "dateNote" TEXT,
    "province" "Province" NOT NULL,
    "district" TEXT,
    "city" TEXT,
    "locationDetail" TEXT,
    "locationPrecision" "LocationPrecision" NOT NULL,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "attackType" "AttackType" NOT NULL,
    "target" TEXT NOT NULL,
    "projectId" TEXT,
    "summary" TEXT NOT NULL,
    "confidence" "Confidence" NOT NULL,
    "chineseLink" "ChineseLink" NOT NULL,
    "linkNote" TEXT,
    "notes" TEXT,
    "chineseKilled" INTEGER,
    "chineseInjured" INTEGER,
    "chineseKidnapped" INTEGER,
    "totalKilled" INTEGER,
    "totalInjured" INTEGER,
    "attackersKilled" INTEGER,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentSource" (
    "incidentId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "IncidentSource_pkey" PRIMARY KEY ("incidentId","sourceId")
);

-- CreateTable
CREATE TABLE "Attribution" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "perpetratorId" TEXT NOT NULL,
    "role" "AttributionRole" NOT NULL,
    "statedBy" TEXT,
    "sourceId" TEXT NOT NULL,
    "quote" TEXT,
    "note" TEXT,

    CONSTRAINT "Attribution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Casualty" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "outcome" "CasualtyOutcome" NOT NULL,
    "victimGroup" "VictimGroup" NOT NULL,
    "count" INTEGER,
    "low" INTEGER,
    "high" INTEGER,
    "sourceId" TEXT NOT NULL,
    "quote" TEXT,
    "note" TEXT,

    CONSTRAINT "Casualty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evidence" (
    "id" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "supports" TEXT NOT NULL,
    "quote" TEXT NOT NULL,
    "note" TEXT,
    "incidentId" TEXT,
    "projectId" TEXT,

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportedFigure" (
    "id" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "quote" TEXT NOT NULL,
    "statedBy" TEXT,
    "metric" "FigureMetric" NOT NULL,
    "qualifier" "FigureQualifier" NOT NULL,
    "value" INTEGER NOT NULL,
    "scope" "FigureScope" NOT NULL,
    "victims" "FigureVictims",
    "province" "Province",
    "periodStart" DATE,
    "periodEnd" DATE,
    "description" TEXT NOT NULL,
    "reconciliationNote" TEXT,

    CONSTRAINT "ReportedFigure_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Source_seedFile_key" ON "Source"("seedFile");

-- CreateIndex
CREATE INDEX "Incident_date_idx" ON "Incident"("date");

-- CreateIndex
CREATE INDEX "Incident_province_date_idx" ON "Incident"("province", "date");

-- CreateIndex
CREATE INDEX "Incident_attackType_date_idx" ON "Incident"("attackType", "date");

-- CreateIndex
CREATE INDEX "Incident_projectId_idx" ON "Incident"("projectId");

-- CreateIndex
CREATE INDEX "Incident_chineseKilled_idx" ON "Incident"("chineseKilled");

-- CreateIndex
CREATE INDEX "IncidentSource_sourceId_idx" ON "IncidentSource"("sourceId");

-- CreateIndex
CREATE INDEX "Attribution_incidentId_idx" ON "Attribution"("incidentId");

-- CreateIndex
CREATE INDEX "Attribution_perpetratorId_incidentId_idx" ON "Attribution"("perpetratorId", "incidentId");

-- CreateIndex
CREATE INDEX "Casualty_incidentId_idx" ON "Casualty"("incidentId");

-- CreateIndex
CREATE INDEX "Evidence_incidentId_idx" ON "Evidence"("incidentId");

-- CreateIndex
CREATE INDEX "Evidence_projectId_idx" ON "Evidence"("projectId");

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentSource" ADD CONSTRAINT "IncidentSource_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentSource" ADD CONSTRAINT "IncidentSource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attribution" ADD CONSTRAINT "Attribution_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attribution" ADD CONSTRAINT "Attribution_perpetratorId_fkey" FOREIGN KEY ("perpetratorId") REFERENCES "Perpetrator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attribution" ADD CONSTRAINT "Attribution_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Casualty" ADD CONSTRAINT "Casualty_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Casualty" ADD CONSTRAINT "Casualty_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportedFigure" ADD CONSTRAINT "ReportedFigure_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
