import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE } from "../testing/fixture.ts";
import { backends, freshDatabase, type TestDatabase } from "../testing/test-db.ts";
import { writeDataset } from "../write/write-dataset.ts";
import { ingestReference } from "./ingest-reference.ts";
import { readReport } from "../ingest/read.ts";

describe.each(backends())("the report reader's reference on %s", (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase(backend);
    await writeDataset(database.prisma, FIXTURE);
  });
  afterAll(async () => { await database?.close(); });

  it("reads groups with aliases, projects and incidents with counted casualties, dates cut to their precision", async () => {
    const ref = await ingestReference(database.prisma);
    expect(ref.perpetrators.find((p) => p.id === "fx-beta")).toEqual({ id: "fx-beta", name: "Beta Movement", shortName: "BM", aliases: ["B-Move"] });
    expect(ref.projects.map((p) => p.id)).toContain("fx-dam");
    const convoy = ref.incidents.find((i) => i.id === "2021-07-10-fixture-dam-convoy")!;
    expect(convoy).toMatchObject({ date: "2021-07-10", datePrecision: "day", province: "khyber_pakhtunkhwa", city: "Dasu", attackType: "suicide_bombing", project: "fx-dam" });
    expect(convoy.casualties).toEqual(expect.arrayContaining([{ outcome: "killed", victimGroup: "chinese", count: 2 }]));
    expect(ref.incidents.find((i) => i.id === "2021-03-fixture-karachi-kidnapping")?.date).toBe("2021-03");
    expect(ref.incidents.find((i) => i.id === "2023-fixture-gwadar-attack")?.date).toBe("2023");
  });

  it("lets the reader match a report to an incident in the database", async () => {
    const ref = await ingestReference(database.prisma);
    const text = "A suicide bomber hit a convoy carrying Chinese engineers near Dasu on Saturday, killing two Chinese engineers. The Beta Movement denied involvement.";
    const c = readReport(text, { published: "2021-07-11" }, ref).candidates[0];
    expect(c.match?.incidentId).toBe("2021-07-10-fixture-dam-convoy");
    expect(c.attributions).toEqual([expect.objectContaining({ group: "fx-beta", role: "denied" })]);
  });
});
