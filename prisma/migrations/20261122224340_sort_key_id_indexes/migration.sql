-- DropIndex
DROP INDEX "Incident_chineseKilled_idx";

-- DropIndex
DROP INDEX "Incident_date_idx";

-- CreateIndex
CREATE INDEX "Incident_date_id_idx" ON "Incident"("date", "id");

-- CreateIndex
CREATE INDEX "Incident_province_id_idx" ON "Incident"("province", "id");

-- CreateIndex
CREATE INDEX "Incident_attackType_id_idx" ON "Incident"("attackType", "id");

-- CreateIndex
CREATE INDEX "Incident_chineseKilled_id_idx" ON "Incident"("chineseKilled", "id");

-- CreateIndex
CREATE INDEX "Incident_chineseInjured_id_idx" ON "Incident"("chineseInjured", "id");

-- CreateIndex
CREATE INDEX "Incident_totalKilled_id_idx" ON "Incident"("totalKilled", "id");

-- CreateIndex
CREATE INDEX "Incident_totalInjured_id_idx" ON "Incident"("totalInjured", "id");
