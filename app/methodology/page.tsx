import type { Metadata } from "next";
import { connection } from "next/server";
import { reconcileReportedFigures } from "@/lib/data/reconciliation.ts";
import {
  ATTACK_TYPES, ATTRIBUTION_ROLES, CHINESE_LINKS, CONFIDENCES, DATE_PRECISIONS, LOCATION_PRECISIONS, SOURCE_KINDS, VICTIM_GROUPS,
} from "@/lib/vocab.ts";
import { ReconciliationTable } from "@/components/sources/reconciliation-table.tsx";
import { VocabTable } from "@/components/sources/vocab-table.tsx";

export const metadata: Metadata = { title: "Methodology" };

// The labels come from lib/vocab.ts; these say what each value means. Typing them as
// Record<value, string> makes a value added to the vocabulary a compile error here until
// it is explained, so this page cannot drift from the data.
const DATE_MEANING: Record<keyof typeof DATE_PRECISIONS, string> = {
  day: "The sources give the calendar day.",
  month: "Only the month is known; the record is dated to the 1st and shown as “March 2021”.",
  year: "Only the year is known; the record is dated to 1 January and shown as “2021”.",
};
const LOCATION_MEANING: Record<keyof typeof LOCATION_PRECISIONS, string> = {
  exact: "A named site: a road, building, camp or landmark.",
  city: "The city or town is known, not the site within it.",
  district: "Only the district is known.",
  province: "Only the province is known.",
};
const ATTACK_MEANING: Record<keyof typeof ATTACK_TYPES, string> = {
  suicide_bombing: "An attacker detonates explosives on their body or in a vehicle they drive.",
  bombing: "Explosives planted, thrown or set off remotely, with no suicide attacker.",
  complex_attack: "Armed attackers storm a target together with explosives (often suicide bombers).",
  armed_assault: "Gunmen attack a site or convoy, without explosives.",
  targeted_shooting: "One or a few people are shot, usually at close range.",
  kidnapping: "People are abducted; killings during or after the abduction are recorded as casualties.",
  other: "Anything else, such as arson or a stabbing; the summary says what happened.",
};
const ROLE_MEANING: Record<keyof typeof ATTRIBUTION_ROLES, string> = {
  claimed: "The group itself said it carried out the attack (a spokesman, a statement, a claim on its channels).",
  attributed_by_authorities: "Pakistani police, counter-terrorism departments, ministers or the military named the group.",
  alleged: "A named source other than the authorities (a researcher, a rival, a report) says the group did it.",
  suspected: "Sources say the group is suspected, without a claim or a formal attribution.",
  denied: "The group said it was not responsible. A denial is kept beside the claims it answers.",
};
const VICTIM_MEANING: Record<keyof typeof VICTIM_GROUPS, string> = {
  chinese: "Chinese citizens, whatever their job.",
  pakistani_civilians: "Pakistani civilians: drivers, workers, bystanders.",
  security_forces: "Police, soldiers, Frontier Corps and private guards on duty.",
  other: "Victims of another nationality, or victims a source does not identify.",
  all_victims: "A source’s total with no breakdown (“ten people were killed”). It is never added to the per-group figures.",
  attackers: "The attackers themselves. They are never counted among victims.",
};
const CONFIDENCE_MEANING: Record<keyof typeof CONFIDENCES, string> = {
  high: "Several independent sources agree on what happened, when and where.",
  medium: "The core facts are sourced, but details rest on one source or sources differ.",
  low: "Thinly sourced, or the sources conflict on basic facts.",
};
const LINK_MEANING: Record<keyof typeof CHINESE_LINKS, string> = {
  direct: "Chinese nationals were the target or among the victims, or the target was a Chinese project, company or facility.",
  weak: "The link is indirect or disputed: Pakistani workers on a Chinese-built road, or a Chinese target only suspected. Left out by default.",
};
const SOURCE_MEANING: Record<keyof typeof SOURCE_KINDS, string> = {
  seed_document: "One of the five research documents this dataset started from.",
  news: "A news report.",
  official: "A statement or record from a government body.",
  report: "A research or think-tank report.",
};

export default async function MethodologyPage() {
  await connection(); // read the database at request time, never at build time
  const rows = await reconcileReportedFigures();
  const comparable = rows.filter((r) => r.comparable);
  return (
    <article style={{ maxWidth: "80rem" }}>
      <h1>Methodology</h1>
      <p className="lede">What Corridor Watch counts, how each field is defined, how conflicting sources are handled, and how our records compare with the figures officials and researchers publish.</p>
      <nav aria-label="On this page">
        <ul>
          <li><a href="#scope">What counts as an incident</a></li>
          <li><a href="#fields">Field definitions</a></li>
          <li><a href="#counting">How conflicting figures are counted</a></li>
          <li><a href="#sources">Sources and quotes</a></li>
          <li><a href="#reconciliation">Reported figures beside our records</a></li>
        </ul>
      </nav>

      <section aria-labelledby="scope" style={{ maxWidth: "75ch" }}>
        <h2 id="scope">What counts as an incident</h2>
        <p>
          An incident is one attack in Pakistan, from 2004 onward, on Chinese nationals or on Chinese-linked interests: a project,
          company, convoy, facility or diplomatic post tied to China. Bombings, armed assaults, shootings and kidnappings count.
          Each incident is one row, however many sources report it.
        </p>
        <p>
          Some incidents are only <strong>weakly linked</strong>: Pakistani workers killed on a Chinese-built road, or an attack in which a
          Chinese target is suspected but not confirmed. They are kept, marked “weak or disputed” with a note saying why, and
          <strong> left out of every chart, total and list by default</strong>. To include them, tick “Include weakly-linked incidents”
          in the filters (or add <code>links=all</code> to the address); the groups pages have a link that does the same.
        </p>
      </section>

      <section aria-labelledby="fields">
        <h2 id="fields">Field definitions</h2>
        <p style={{ maxWidth: "75ch" }}>These are the labels the dashboard uses, taken from the same list that checks the data, so they always match.</p>
        <h3>Date precision</h3>
        <VocabTable caption="How precisely an incident’s date is known" vocab={DATE_PRECISIONS} meaning={DATE_MEANING} />
        <h3>Location precision</h3>
        <VocabTable caption="How precisely an incident’s place is known" vocab={LOCATION_PRECISIONS} meaning={LOCATION_MEANING} />
        <h3>Attack types</h3>
        <VocabTable caption="Attack types" vocab={ATTACK_TYPES} meaning={ATTACK_MEANING} />
        <h3>Attribution roles</h3>
        <p style={{ maxWidth: "75ch" }}>
          Every statement about who carried out an attack is kept as a separate claim, with who made it and the source that reports it.
          Claims may contradict each other, and all of them are shown side by side on the incident page.
        </p>
        <VocabTable caption="Attribution roles" vocab={ATTRIBUTION_ROLES} meaning={ROLE_MEANING} />
        <h3>Victim groups</h3>
        <VocabTable caption="Victim groups used in casualty figures" vocab={VICTIM_GROUPS} meaning={VICTIM_MEANING} />
        <h3>Chinese link</h3>
        <VocabTable caption="Strength of the link to Chinese nationals or interests" vocab={CHINESE_LINKS} meaning={LINK_MEANING} />
        <h3>Confidence</h3>
        <VocabTable caption="Confidence in the record as a whole" vocab={CONFIDENCES} meaning={CONFIDENCE_MEANING} />
      </section>

      <section aria-labelledby="counting" style={{ maxWidth: "75ch" }}>
        <h2 id="counting">How conflicting figures are counted</h2>
        <p>
          Sources often disagree on how many people died. Charts need one number per incident, so each incident carries counted
          figures, derived from its sourced figures by one rule:
        </p>
        <ol>
          <li>
            For each outcome (killed, injured, kidnapped) and victim group, the <strong>lowest figure any source gives</strong> is counted; a
            range counts by its low end. If one source says 9 Chinese were killed and another says 10, the charts count 9 and the incident
            page says “Sources disagree: 9–10 (counted: 9)”.
          </li>
          <li>
            A total of victims is the larger of a source’s undivided total (“six people were killed”) and the sum of the per-group figures,
            so a total is never smaller than its known parts. Attackers are never counted among victims.
          </li>
          <li>
            A figure marked <strong>not counted</strong> is shown with its source but left out: a group’s own boast of how many it killed, or a
            report contradicted by better sources. The incident page says why.
          </li>
          <li>
            No figure at all means <strong>unknown</strong>. Unknown is shown as “unknown”, never as 0, and sums say how many incidents’ figures
            are unknown.
          </li>
        </ol>
        <p>
          <strong>Why the lowest figure?</strong> It is the conservative reading, as ACLED does: a total built from the lowest sourced figures
          is one every source supports as a minimum. Early reports tend to be revised, and higher figures often come from claims that
          cannot be checked. Nothing is hidden: every figure and its source stay on the incident page, and the range is shown wherever
          sources disagree.
        </p>
      </section>

      <section aria-labelledby="sources" style={{ maxWidth: "75ch" }}>
        <h2 id="sources">Sources and quotes</h2>
        <p>
          The dataset started from five research documents (marked “source document”), which mention many of these attacks, often briefly.
          Each incident was then checked against news reports, official statements and research, which give dates, places and figures the
          documents lack.
        </p>
        <p>
          Every casualty figure, every attribution and every key fact carries a short <strong>verbatim quote</strong> from its source, so any
          number on screen can be followed to the words behind it. Source kinds:
        </p>
        <VocabTable caption="Kinds of source" vocab={SOURCE_KINDS} meaning={SOURCE_MEANING} />
      </section>

      <section aria-labelledby="reconciliation">
        <h2 id="reconciliation">Reported figures beside our records</h2>
        <p style={{ maxWidth: "75ch" }}>
          Officials and researchers publish aggregates, such as NACTA’s “14 terrorist attacks” on Chinese nationals since 2021. Each is set
          here beside what our incident records add up to for the same scope and period, counting direct links only (and, where it differs,
          with weakly linked incidents too). {comparable.length} of the {rows.length} figures can be compared; the rest cover all militant
          violence in Pakistan or count people present, and are kept as context. Differences are shown, not adjusted away.
        </p>
        <ReconciliationTable rows={rows} />
      </section>
    </article>
  );
}
