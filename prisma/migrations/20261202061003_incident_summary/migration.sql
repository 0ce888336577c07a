-- AlterTable
ALTER TABLE "DataVersion" ADD COLUMN     "summaryDeferred" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "IncidentSummary" (
    "cell" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "province" "Province" NOT NULL,
    "attackType" "AttackType" NOT NULL,
    "projectId" TEXT NOT NULL,
    "targetLink" "TargetLink" NOT NULL,
    "chineseHarmed" BOOLEAN NOT NULL,
    "chineseVictims" BOOLEAN NOT NULL,
    "groupIds" TEXT[],
    "incidents" INTEGER NOT NULL,
    "chineseKilledSum" INTEGER NOT NULL,
    "chineseKilledKnown" INTEGER NOT NULL,
    "chineseInjuredSum" INTEGER NOT NULL,
    "chineseInjuredKnown" INTEGER NOT NULL,
    "totalKilledSum" INTEGER NOT NULL,
    "totalKilledKnown" INTEGER NOT NULL,
    "totalInjuredSum" INTEGER NOT NULL,
    "totalInjuredKnown" INTEGER NOT NULL,
    "attackersKilledSum" INTEGER NOT NULL,
    "attackersKilledKnown" INTEGER NOT NULL,

    CONSTRAINT "IncidentSummary_pkey" PRIMARY KEY ("cell")
);

-- CreateTable
CREATE TABLE "IncidentSummaryEntry" (
    "incidentId" TEXT NOT NULL,
    "cell" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "province" "Province" NOT NULL,
    "attackType" "AttackType" NOT NULL,
    "projectId" TEXT NOT NULL,
    "targetLink" "TargetLink" NOT NULL,
    "chineseHarmed" BOOLEAN NOT NULL,
    "chineseVictims" BOOLEAN NOT NULL,
    "groupIds" TEXT[],
    "chineseKilled" INTEGER,
    "chineseInjured" INTEGER,
    "chineseKidnapped" INTEGER,
    "totalKilled" INTEGER,
    "totalInjured" INTEGER,
    "attackersKilled" INTEGER,
    "date" DATE NOT NULL,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "place" TEXT,
    "geoPrecision" "GeoPrecision",
    "mapCell" TEXT NOT NULL,

    CONSTRAINT "IncidentSummaryEntry_pkey" PRIMARY KEY ("incidentId")
);

-- CreateTable
CREATE TABLE "IncidentMapSummary" (
    "cell" TEXT NOT NULL,
    "groupKey" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "province" "Province" NOT NULL,
    "targetLink" "TargetLink" NOT NULL,
    "chineseHarmed" BOOLEAN NOT NULL,
    "chineseVictims" BOOLEAN NOT NULL,
    "cy" INTEGER,
    "cx" INTEGER,
    "place" TEXT,
    "geoPrecision" "GeoPrecision",
    "incidents" INTEGER NOT NULL,
    "latSum" DOUBLE PRECISION NOT NULL,
    "lonSum" DOUBLE PRECISION NOT NULL,
    "killedSum" INTEGER NOT NULL,
    "killedKnown" INTEGER NOT NULL,
    "injuredSum" INTEGER NOT NULL,
    "injuredKnown" INTEGER NOT NULL,
    "chineseKilledSum" INTEGER NOT NULL,
    "chineseKilledKnown" INTEGER NOT NULL,
    "chineseInjuredSum" INTEGER NOT NULL,
    "chineseInjuredKnown" INTEGER NOT NULL,
    "chineseSum" INTEGER NOT NULL,
    "chineseIncidents" INTEGER NOT NULL,
    "latest" DATE NOT NULL,
    "oneId" TEXT,

    CONSTRAINT "IncidentMapSummary_pkey" PRIMARY KEY ("cell")
);

-- CreateIndex
CREATE INDEX "IncidentSummary_year_idx" ON "IncidentSummary"("year");

-- CreateIndex
CREATE INDEX "IncidentSummaryEntry_mapCell_idx" ON "IncidentSummaryEntry"("mapCell");

-- CreateIndex
CREATE INDEX "IncidentMapSummary_groupKey_year_idx" ON "IncidentMapSummary"("groupKey", "year");

-- ---------------------------------------------------------------------------------------
-- Kept by triggers in the writer's own transaction: a reader sees the summaries change
-- exactly when it sees the incidents (and the data version) change. Statement-level, with
-- transition tables, so a batch of 5,000 incidents costs a few grouped merges, not 5,000.
-- Each change takes back what the incident last added (its IncidentSummaryEntry) and adds
-- what it adds now, so the order in which a writer touches incidents and attributions does
-- not matter.

-- An incident's entry: its keys (every dimension as one text each) and what it adds.
-- The map's grid (20 cells per degree) is lib/data/map.ts's CELLS_PER_DEGREE; a test
-- compares this summary with that scan.
CREATE FUNCTION "incident_summary_entry"(
  "id" text, "date" date, "province" "Province", "attackType" "AttackType", "projectId" text, "targetLink" "TargetLink",
  "chineseHarmed" boolean, "chineseKilled" integer, "chineseInjured" integer, "chineseKidnapped" integer,
  "totalKilled" integer, "totalInjured" integer, "attackersKilled" integer,
  "latitude" double precision, "longitude" double precision, "city" text, "district" text, "geoPrecision" "GeoPrecision", "groupIds" text[]
) RETURNS "IncidentSummaryEntry" LANGUAGE sql IMMUTABLE AS $$
  SELECT ROW("id",
    concat_ws('|', k.year, "province", "attackType", COALESCE("projectId", ''), "targetLink", k.harmed, k.victims, array_to_string("groupIds", ',')),
    k.year, "province", "attackType", COALESCE("projectId", ''), "targetLink", k.harmed, k.victims, "groupIds",
    "chineseKilled", "chineseInjured", "chineseKidnapped", "totalKilled", "totalInjured", "attackersKilled",
    "date", "latitude", "longitude", COALESCE("city", "district"), "geoPrecision",
    -- The place goes last: it is free text, the parts before it are not.
    concat_ws('|', k.year, "province", "targetLink", k.harmed, k.victims, COALESCE(CAST(k.cy AS text), '-'), COALESCE(CAST(k.cx AS text), '-'),
      COALESCE(CAST("geoPrecision" AS text), '-'), COALESCE('=' || COALESCE("city", "district"), '-'))
  )::"IncidentSummaryEntry"
  FROM (SELECT CAST(EXTRACT(YEAR FROM "date") AS integer) AS year, COALESCE("chineseHarmed", false) AS harmed,
      COALESCE("chineseKilled" > 0 OR "chineseInjured" > 0 OR "chineseKidnapped" > 0, false) AS victims,
      CASE WHEN k0.drawn THEN CAST(round("latitude" * 20) AS integer) END AS cy, CASE WHEN k0.drawn THEN CAST(round("longitude" * 20) AS integer) END AS cx
    FROM (SELECT "latitude" IS NOT NULL AND "longitude" IS NOT NULL AND "geoPrecision" IS DISTINCT FROM 'province' AS drawn) k0) k
$$;

-- Takes the stale entries out of the overview's cells and puts the fresh ones in; a cell left
-- with no incident is removed.
CREATE FUNCTION "incident_summary_apply"(stale "IncidentSummaryEntry"[], fresh "IncidentSummaryEntry"[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE emptied text[];
BEGIN
  WITH x AS (
    SELECT -1 AS sign, s.* FROM unnest(stale) s
    UNION ALL
    SELECT 1 AS sign, f.* FROM unnest(fresh) f
  ), d AS (
    SELECT x."cell", MIN(x."year") AS "year", MIN(x."province") AS "province", MIN(x."attackType") AS "attackType",
      MIN(x."projectId") AS "projectId", MIN(x."targetLink") AS "targetLink", bool_or(x."chineseHarmed") AS "chineseHarmed",
      bool_or(x."chineseVictims") AS "chineseVictims", MIN(x."groupIds") AS "groupIds", SUM(x.sign) AS "incidents",
      SUM(x.sign * COALESCE(x."chineseKilled", 0)) AS a1, SUM(x.sign * CAST(x."chineseKilled" IS NOT NULL AS integer)) AS a2,
      SUM(x.sign * COALESCE(x."chineseInjured", 0)) AS a3, SUM(x.sign * CAST(x."chineseInjured" IS NOT NULL AS integer)) AS a4,
      SUM(x.sign * COALESCE(x."totalKilled", 0)) AS a5, SUM(x.sign * CAST(x."totalKilled" IS NOT NULL AS integer)) AS a6,
      SUM(x.sign * COALESCE(x."totalInjured", 0)) AS a7, SUM(x.sign * CAST(x."totalInjured" IS NOT NULL AS integer)) AS a8,
      SUM(x.sign * COALESCE(x."attackersKilled", 0)) AS a9, SUM(x.sign * CAST(x."attackersKilled" IS NOT NULL AS integer)) AS a10
    FROM x
    GROUP BY x."cell"
  ), merged AS (
    INSERT INTO "IncidentSummary" AS s
    SELECT * FROM d
    -- A change that moves nothing (a summary's wording, a note) nets to zero everywhere.
    WHERE NOT (d."incidents" = 0 AND d.a1 = 0 AND d.a2 = 0 AND d.a3 = 0 AND d.a4 = 0 AND d.a5 = 0 AND d.a6 = 0 AND d.a7 = 0 AND d.a8 = 0 AND d.a9 = 0 AND d.a10 = 0)
    ON CONFLICT ("cell") DO UPDATE SET
      "incidents" = s."incidents" + EXCLUDED."incidents",
      "chineseKilledSum" = s."chineseKilledSum" + EXCLUDED."chineseKilledSum", "chineseKilledKnown" = s."chineseKilledKnown" + EXCLUDED."chineseKilledKnown",
      "chineseInjuredSum" = s."chineseInjuredSum" + EXCLUDED."chineseInjuredSum", "chineseInjuredKnown" = s."chineseInjuredKnown" + EXCLUDED."chineseInjuredKnown",
      "totalKilledSum" = s."totalKilledSum" + EXCLUDED."totalKilledSum", "totalKilledKnown" = s."totalKilledKnown" + EXCLUDED."totalKilledKnown",
      "totalInjuredSum" = s."totalInjuredSum" + EXCLUDED."totalInjuredSum", "totalInjuredKnown" = s."totalInjuredKnown" + EXCLUDED."totalInjuredKnown",
      "attackersKilledSum" = s."attackersKilledSum" + EXCLUDED."attackersKilledSum", "attackersKilledKnown" = s."attackersKilledKnown" + EXCLUDED."attackersKilledKnown"
    RETURNING s."cell", s."incidents"
  )
  SELECT array_agg(m."cell") INTO emptied FROM merged m WHERE m."incidents" = 0;
  IF emptied IS NOT NULL THEN DELETE FROM "IncidentSummary" WHERE "cell" = ANY (emptied); END IF;
END
$$;

-- The same for the map's rows: each entry counts under "*" and under each of its groups.
-- `latest` and `oneId` cannot be taken back by arithmetic: rows an incident left are
-- recomputed from the entries (after they are replaced: see incident_summary_refresh).
CREATE FUNCTION "incident_map_summary_apply"(stale "IncidentSummaryEntry"[], fresh "IncidentSummaryEntry"[]) RETURNS text[] LANGUAGE plpgsql AS $$
DECLARE emptied text[]; left_rows text[];
BEGIN
  WITH x AS (
    SELECT -1 AS sign, s.* FROM unnest(stale) s
    UNION ALL
    SELECT 1 AS sign, f.* FROM unnest(fresh) f
  ), g AS (
    SELECT gk.key AS "groupKey", x.* FROM x CROSS JOIN LATERAL unnest(ARRAY['*'] || COALESCE(x."groupIds", '{}')) AS gk(key)
  ), d AS (
    SELECT g."groupKey" || '|' || g."mapCell" AS "cell", g."groupKey", MIN(g."year") AS "year", MIN(g."province") AS "province",
      MIN(g."targetLink") AS "targetLink", bool_or(g."chineseHarmed") AS "chineseHarmed", bool_or(g."chineseVictims") AS "chineseVictims",
      MIN(CASE WHEN g."geoPrecision" IS DISTINCT FROM 'province' AND g."latitude" IS NOT NULL AND g."longitude" IS NOT NULL THEN CAST(round(g."latitude" * 20) AS integer) END) AS "cy",
      MIN(CASE WHEN g."geoPrecision" IS DISTINCT FROM 'province' AND g."latitude" IS NOT NULL AND g."longitude" IS NOT NULL THEN CAST(round(g."longitude" * 20) AS integer) END) AS "cx",
      MIN(g."place") AS "place", MIN(g."geoPrecision") AS "geoPrecision", SUM(g.sign) AS "incidents",
      SUM(g.sign * CASE WHEN g."geoPrecision" IS DISTINCT FROM 'province' AND g."longitude" IS NOT NULL THEN COALESCE(g."latitude", 0) ELSE 0 END) AS "latSum",
      SUM(g.sign * CASE WHEN g."geoPrecision" IS DISTINCT FROM 'province' AND g."latitude" IS NOT NULL THEN COALESCE(g."longitude", 0) ELSE 0 END) AS "lonSum",
      SUM(g.sign * COALESCE(g."totalKilled", 0)) AS "killedSum", SUM(g.sign * CAST(g."totalKilled" IS NOT NULL AS integer)) AS "killedKnown",
      SUM(g.sign * COALESCE(g."totalInjured", 0)) AS "injuredSum", SUM(g.sign * CAST(g."totalInjured" IS NOT NULL AS integer)) AS "injuredKnown",
      SUM(g.sign * COALESCE(g."chineseKilled", 0)) AS "chineseKilledSum", SUM(g.sign * CAST(g."chineseKilled" IS NOT NULL AS integer)) AS "chineseKilledKnown",
      SUM(g.sign * COALESCE(g."chineseInjured", 0)) AS "chineseInjuredSum", SUM(g.sign * CAST(g."chineseInjured" IS NOT NULL AS integer)) AS "chineseInjuredKnown",
      SUM(g.sign * (COALESCE(g."chineseKilled", 0) + COALESCE(g."chineseInjured", 0) + COALESCE(g."chineseKidnapped", 0))) AS "chineseSum",
      SUM(g.sign * CAST(g."chineseVictims" AS integer)) AS "chineseIncidents",
      -- Never null (the column is NOT NULL even on the conflict path); a stale date is never above the row's latest.
      COALESCE(MAX(g."date") FILTER (WHERE g.sign = 1), MIN(g."date")) AS "latest",
      CASE WHEN SUM(g.sign) = 1 THEN MIN(g."incidentId") FILTER (WHERE g.sign = 1) END AS "oneId"
    FROM g
    GROUP BY g."groupKey", g."mapCell"
  ), merged AS (
    INSERT INTO "IncidentMapSummary" AS m
    SELECT * FROM d
    ON CONFLICT ("cell") DO UPDATE SET
      "incidents" = m."incidents" + EXCLUDED."incidents", "latSum" = m."latSum" + EXCLUDED."latSum", "lonSum" = m."lonSum" + EXCLUDED."lonSum",
      "killedSum" = m."killedSum" + EXCLUDED."killedSum", "killedKnown" = m."killedKnown" + EXCLUDED."killedKnown",
      "injuredSum" = m."injuredSum" + EXCLUDED."injuredSum", "injuredKnown" = m."injuredKnown" + EXCLUDED."injuredKnown",
      "chineseKilledSum" = m."chineseKilledSum" + EXCLUDED."chineseKilledSum", "chineseKilledKnown" = m."chineseKilledKnown" + EXCLUDED."chineseKilledKnown",
      "chineseInjuredSum" = m."chineseInjuredSum" + EXCLUDED."chineseInjuredSum", "chineseInjuredKnown" = m."chineseInjuredKnown" + EXCLUDED."chineseInjuredKnown",
      "chineseSum" = m."chineseSum" + EXCLUDED."chineseSum", "chineseIncidents" = m."chineseIncidents" + EXCLUDED."chineseIncidents",
      "latest" = GREATEST(m."latest", EXCLUDED."latest"),
      "oneId" = CASE WHEN m."incidents" + EXCLUDED."incidents" = 1 THEN COALESCE(EXCLUDED."oneId", m."oneId") END
    RETURNING m."cell", m."incidents"
  )
  SELECT array_agg(r."cell") INTO emptied FROM merged r WHERE r."incidents" = 0;
  IF emptied IS NOT NULL THEN DELETE FROM "IncidentMapSummary" WHERE "cell" = ANY (emptied); END IF;
  -- The rows a stale entry was taken from.
  SELECT array_agg(DISTINCT gk.key || '|' || s."mapCell") INTO left_rows
  FROM unnest(stale) s CROSS JOIN LATERAL unnest(ARRAY['*'] || COALESCE(s."groupIds", '{}')) AS gk(key);
  RETURN left_rows;
END
$$;

-- The latest date and the single incident of map rows, from the entries.
CREATE FUNCTION "incident_map_summary_recompute"(cells text[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "IncidentMapSummary" m SET "latest" = r.latest, "oneId" = r.one
  FROM (
    SELECT t."cell", MAX(e."date") AS latest, CASE WHEN COUNT(*) = 1 THEN MIN(e."incidentId") END AS one
    FROM "IncidentMapSummary" t
    JOIN "IncidentSummaryEntry" e ON e."mapCell" = substr(t."cell", length(t."groupKey") + 2) AND (t."groupKey" = '*' OR t."groupKey" = ANY (e."groupIds"))
    WHERE t."cell" = ANY (cells)
    GROUP BY t."cell"
  ) r
  WHERE m."cell" = r."cell" AND (m."latest" IS DISTINCT FROM r.latest OR m."oneId" IS DISTINCT FROM r.one)
$$;

-- Brings the incidents' entries (and so both summaries) up to date with their current rows and
-- attributions. An id whose incident is gone only has its entry taken out.
CREATE FUNCTION "incident_summary_refresh"(ids text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE stale "IncidentSummaryEntry"[]; fresh "IncidentSummaryEntry"[]; left_rows text[];
BEGIN
  IF (SELECT "summaryDeferred" FROM "DataVersion" WHERE "id" = 1) OR cardinality(ids) = 0 THEN RETURN; END IF;
  -- Locked, and rewritten in place below rather than deleted and re-inserted: a concurrent
  -- writer of the same incident waits here and then reads this one's entry, never the one
  -- before it (which would take the same contribution back twice).
  stale := ARRAY(SELECT e FROM "IncidentSummaryEntry" e WHERE e."incidentId" = ANY (ids) ORDER BY e."incidentId" FOR UPDATE);
  fresh := ARRAY(
    SELECT "incident_summary_entry"(i."id", i."date", i."province", i."attackType", i."projectId", i."targetLink", i."chineseHarmed",
      i."chineseKilled", i."chineseInjured", i."chineseKidnapped", i."totalKilled", i."totalInjured", i."attackersKilled",
      i."latitude", i."longitude", i."city", i."district", i."geoPrecision",
      COALESCE((SELECT array_agg(DISTINCT a."perpetratorId" ORDER BY a."perpetratorId") FROM "Attribution" a WHERE a."incidentId" = i."id"), '{}'))
    FROM "Incident" i WHERE i."id" = ANY (ids));
  PERFORM "incident_summary_apply"(stale, fresh);
  left_rows := "incident_map_summary_apply"(stale, fresh);
  DELETE FROM "IncidentSummaryEntry" WHERE "incidentId" = ANY (ids) AND NOT ("incidentId" = ANY (ARRAY(SELECT f."incidentId" FROM unnest(fresh) f)));
  INSERT INTO "IncidentSummaryEntry" AS e SELECT * FROM unnest(fresh)
  ON CONFLICT ("incidentId") DO UPDATE SET
    "cell" = EXCLUDED."cell", "year" = EXCLUDED."year", "province" = EXCLUDED."province", "attackType" = EXCLUDED."attackType",
    "projectId" = EXCLUDED."projectId", "targetLink" = EXCLUDED."targetLink", "chineseHarmed" = EXCLUDED."chineseHarmed",
    "chineseVictims" = EXCLUDED."chineseVictims", "groupIds" = EXCLUDED."groupIds", "chineseKilled" = EXCLUDED."chineseKilled",
    "chineseInjured" = EXCLUDED."chineseInjured", "chineseKidnapped" = EXCLUDED."chineseKidnapped", "totalKilled" = EXCLUDED."totalKilled",
    "totalInjured" = EXCLUDED."totalInjured", "attackersKilled" = EXCLUDED."attackersKilled", "date" = EXCLUDED."date",
    "latitude" = EXCLUDED."latitude", "longitude" = EXCLUDED."longitude", "place" = EXCLUDED."place",
    "geoPrecision" = EXCLUDED."geoPrecision", "mapCell" = EXCLUDED."mapCell";
  IF left_rows IS NOT NULL THEN PERFORM "incident_map_summary_recompute"(left_rows); END IF;
END
$$;

-- One function for both tables' triggers: each names the incidents its statement touched.
CREATE FUNCTION "incident_summary_on_change"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE key text := CASE WHEN TG_TABLE_NAME = 'Incident' THEN 'id' ELSE 'incidentId' END;
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    IF TG_TABLE_NAME = 'Incident' THEN DELETE FROM "IncidentSummaryEntry"; DELETE FROM "IncidentSummary"; DELETE FROM "IncidentMapSummary";
    ELSE PERFORM "incident_summary_refresh"(ARRAY(SELECT e."incidentId" FROM "IncidentSummaryEntry" e));
    END IF;
  ELSIF TG_OP = 'INSERT' THEN
    PERFORM "incident_summary_refresh"(ARRAY(SELECT DISTINCT to_jsonb(n) ->> key FROM new_rows n));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "incident_summary_refresh"(ARRAY(SELECT DISTINCT to_jsonb(o) ->> key FROM old_rows o));
  ELSE
    PERFORM "incident_summary_refresh"(ARRAY(SELECT to_jsonb(n) ->> key FROM new_rows n UNION SELECT to_jsonb(o) ->> key FROM old_rows o));
  END IF;
  RETURN NULL;
END
$$;

-- PostgreSQL allows transition tables only on single-event triggers: one trigger per event.
CREATE TRIGGER "Incident_summary_insert" AFTER INSERT ON "Incident" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "incident_summary_on_change"();
CREATE TRIGGER "Incident_summary_update" AFTER UPDATE ON "Incident" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "incident_summary_on_change"();
CREATE TRIGGER "Incident_summary_delete" AFTER DELETE ON "Incident" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "incident_summary_on_change"();
CREATE TRIGGER "Incident_summary_truncate" AFTER TRUNCATE ON "Incident" FOR EACH STATEMENT EXECUTE FUNCTION "incident_summary_on_change"();
CREATE TRIGGER "Attribution_summary_insert" AFTER INSERT ON "Attribution" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "incident_summary_on_change"();
CREATE TRIGGER "Attribution_summary_update" AFTER UPDATE ON "Attribution" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "incident_summary_on_change"();
CREATE TRIGGER "Attribution_summary_delete" AFTER DELETE ON "Attribution" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "incident_summary_on_change"();
CREATE TRIGGER "Attribution_summary_truncate" AFTER TRUNCATE ON "Attribution" FOR EACH STATEMENT EXECUTE FUNCTION "incident_summary_on_change"();

-- Both summaries from scratch: after a bulk load that deferred the triggers (db:synth), and
-- below, for the incidents already recorded.
CREATE FUNCTION "incident_summary_rebuild"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "IncidentSummaryEntry";
  DELETE FROM "IncidentSummary";
  DELETE FROM "IncidentMapSummary";
  INSERT INTO "IncidentSummaryEntry"
  SELECT e.* FROM "Incident" i
  LEFT JOIN (SELECT a."incidentId", array_agg(DISTINCT a."perpetratorId" ORDER BY a."perpetratorId") AS ids FROM "Attribution" a GROUP BY 1) g ON g."incidentId" = i."id",
  LATERAL "incident_summary_entry"(i."id", i."date", i."province", i."attackType", i."projectId", i."targetLink", i."chineseHarmed",
    i."chineseKilled", i."chineseInjured", i."chineseKidnapped", i."totalKilled", i."totalInjured", i."attackersKilled",
    i."latitude", i."longitude", i."city", i."district", i."geoPrecision", COALESCE(g.ids, '{}')) e;
  INSERT INTO "IncidentSummary"
  SELECT x."cell", MIN(x."year"), MIN(x."province"), MIN(x."attackType"), MIN(x."projectId"), MIN(x."targetLink"),
    bool_or(x."chineseHarmed"), bool_or(x."chineseVictims"), MIN(x."groupIds"), COUNT(*),
    COALESCE(SUM(x."chineseKilled"), 0), COUNT(x."chineseKilled"), COALESCE(SUM(x."chineseInjured"), 0), COUNT(x."chineseInjured"),
    COALESCE(SUM(x."totalKilled"), 0), COUNT(x."totalKilled"), COALESCE(SUM(x."totalInjured"), 0), COUNT(x."totalInjured"),
    COALESCE(SUM(x."attackersKilled"), 0), COUNT(x."attackersKilled")
  FROM "IncidentSummaryEntry" x
  GROUP BY x."cell";
  -- As incident_map_summary_apply with every entry fresh.
  PERFORM "incident_map_summary_apply"('{}', ARRAY(SELECT e FROM "IncidentSummaryEntry" e));
  UPDATE "DataVersion" SET "summaryDeferred" = false WHERE "id" = 1;
END
$$;

SELECT "incident_summary_rebuild"();
