import { describe, expect, it } from "vitest";
import * as enums from "./generated/prisma/enums.ts";
import * as vocab from "./vocab.ts";

// The labels in vocab.ts and the enums in schema.prisma must list the same values, or a
// filter could offer a value the database rejects (or hide one it holds).
const pairs = {
  Province: vocab.PROVINCES, AttackType: vocab.ATTACK_TYPES, DatePrecision: vocab.DATE_PRECISIONS,
  LocationPrecision: vocab.LOCATION_PRECISIONS, GeoPrecision: vocab.GEO_PRECISIONS, PerpetratorKind: vocab.PERPETRATOR_KINDS, AttributionRole: vocab.ATTRIBUTION_ROLES,
  CasualtyOutcome: vocab.CASUALTY_OUTCOMES, VictimGroup: vocab.VICTIM_GROUPS, Confidence: vocab.CONFIDENCES,
  ChineseLink: vocab.CHINESE_LINKS, TargetLink: vocab.TARGET_LINKS, FigureStatus: vocab.FIGURE_STATUSES, SourceKind: vocab.SOURCE_KINDS, ProjectSector: vocab.PROJECT_SECTORS,
  FigureMetric: vocab.FIGURE_METRICS, FigureQualifier: vocab.FIGURE_QUALIFIERS, FigureScope: vocab.FIGURE_SCOPES, FigureVictims: vocab.FIGURE_VICTIMS,
} as const;

describe("vocabularies", () => {
  it.each(Object.entries(pairs))("%s matches the Prisma enum", (name, labels) => {
    expect(Object.keys(labels).sort()).toEqual(Object.values((enums as Record<string, Record<string, string>>)[name]).sort());
  });
});
