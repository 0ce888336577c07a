-- CreateTable
CREATE TABLE "DataVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 1,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DataVersion_pkey" PRIMARY KEY ("id")
);

-- The one row. Its version only ever grows.
INSERT INTO "DataVersion" ("id") VALUES (1);

-- Statement-level, so a batch insert of 5,000 incidents bumps it once; inside the writer's
-- transaction, so readers see the new version exactly when they can see the new rows.
CREATE FUNCTION "bump_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1, "changedAt" = CURRENT_TIMESTAMP WHERE "id" = 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Source_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Source" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "Perpetrator_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Perpetrator" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "Project_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Project" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "Incident_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Incident" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "IncidentSource_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "IncidentSource" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "Attribution_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Attribution" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "Casualty_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Casualty" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "Evidence_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Evidence" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "ReportedFigure_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ReportedFigure" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
