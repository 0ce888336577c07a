import type { Metadata } from "next";
import { connection } from "next/server";
import { reconcileReportedFigures } from "@/lib/data/reconciliation.ts";
import {
  ATTACK_TYPES, ATTRIBUTION_ROLES, CONFIDENCES, DATE_PRECISIONS, FIGURE_STATUSES, LOCATION_PRECISIONS, SOURCE_KINDS, TARGET_LINKS, VICTIM_GROUPS,
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
const LINK_MEANING: Record<keyof typeof TARGET_LINKS, string> = {
  direct: "The attackers went for Chinese nationals, or for a Chinese project, company, convoy, facility or diplomatic post.",
  indirect: "The target was linked to Chinese interests only through others: Pakistani workers or guards of a Chinese-funded project, a Chinese-developed facility attacked for another stated aim, or foreigners in general.",
  disputed: "Whether anything Chinese was the target is contested or only inferred: officials suspected a Chinese target, or a group claimed one that the facts do not bear out.",
};
const STATUS_MEANING: Record<keyof typeof FIGURE_STATUSES, string> = {
  current: "An account the best figure and its range are taken from.",
  preliminary: "An early toll that later reports revised (the first wire report of a bombing). Kept with its source and the reason, left out of the best figure and the range; it stands in only when no later account exists.",
  superseded: "A figure corrected or replaced (the same outlet's correction, or a nationality later established otherwise). Kept with the reason, never counted.",
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
          Two questions are kept apart. <strong>Were Chinese nationals or interests the target?</strong> Each incident’s target link is
          direct, indirect (Pakistani workers on a Chinese-funded road, a Chinese-developed port attacked for another aim, foreigners in
          general) or disputed (a Chinese target only suspected), with a note saying why. <strong>Were Chinese nationals among the victims?</strong>{" "}
          That is not a judgement but a reading of the casualty figures: yes when a best Chinese figure is above 0, no when sources settle
          that no Chinese national was killed or injured, unknown otherwise. The 2013 Nanga Parbat attack, for example, targeted foreign
          climbers in general (indirect) and killed Chinese nationals (harmed).
        </p>
        <p>
          The default view counts incidents that <strong>harmed Chinese nationals or directly targeted Chinese interests</strong>: the
          Nanga Parbat attack is in it (Chinese climbers were killed), an attack on Pakistani workers of a Chinese-funded road that
          hurt no Chinese national is not. Those are kept and marked, and <strong>left out of charts, totals and lists by default</strong>.
          To include them, tick “Include weakly-linked incidents” in the filters (or add <code>links=all</code> to the address); the groups
          pages have a link that does the same. Each question can also be asked alone: the Target filter (<code>target=direct</code>,
          <code>indirect</code>, <code>disputed</code>) and “Chinese victims only” (<code>victims=chinese</code>). Incidents no source attributes to a group are shown as “No group named”: a group
          that nobody names is not a group.
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
        <h3>Chinese target</h3>
        <VocabTable caption="Were Chinese nationals or interests the target" vocab={TARGET_LINKS} meaning={LINK_MEANING} />
        <h3>Status of a casualty figure</h3>
        <VocabTable caption="Status of a casualty figure" vocab={FIGURE_STATUSES} meaning={STATUS_MEANING} />
        <h3>Confidence</h3>
        <VocabTable caption="Confidence in the record as a whole" vocab={CONFIDENCES} meaning={CONFIDENCE_MEANING} />
      </section>

      <section aria-labelledby="counting" style={{ maxWidth: "75ch" }}>
        <h2 id="counting">How conflicting figures are counted</h2>
        <p>
          Sources often disagree on how many people died, and the first reports are often wrong. Following the practice of the Uppsala
          Conflict Data Program (UCDP), each figure has a <strong>best</strong> estimate, shown in charts, cards and the table, and a{" "}
          <strong>low</strong> and <strong>high</strong> estimate, shown on the incident page. One rule derives them from the sourced figures
          (<code>lib/casualty-totals.ts</code>), whenever an incident is written:
        </p>
        <ol>
          <li>
            <strong>Zero is a fact.</strong> Where a source says no Chinese national (or no one of a group) was hurt, or names every victim and
            none is in that group, the figure is 0, with that quote (and a note when it comes from the list of names). Where no source
            says, the figure is <strong>unknown</strong>, shown as “unknown”, never as 0; sums say how many incidents’ figures are unknown.
          </li>
          <li>
            <strong>Best is the latest current account’s figure.</strong> A figure can be marked <em>preliminary</em> (an early toll later
            reports revised) or <em>superseded</em> (corrected, or a nationality later established otherwise), always with the reason; it
            stays on the incident page but is left out. Of the rest, the account published last gives the best figure (accounts equally
            late: their lowest figure). The 2007 Hub convoy bombing counts the 29–30 killed of later reports, not the 13 of the first wire.
          </li>
          <li>
            <strong>Low and high</strong> are the lowest and highest figures the current accounts give; a range counts by its low end and reaches
            its high end.
          </li>
          <li>
            <strong>Each victim is counted once.</strong> A total of victims comes from one account: a source’s undivided total (“six people
            were killed”) or the sum of its own per-group figures, never parts taken from different sources, which may describe the same
            people differently (at the 2022 Saddar clinic one outlet called the victims Chinese and another did not). Accounts that break the
            victims down, or give an undivided total, are preferred; a total is never below the Chinese figure it contains. Attackers are
            never counted among victims.
          </li>
          <li>
            A figure marked <strong>not counted</strong> is shown with its source but left out of best, low and high: a group’s own boast of how
            many it killed, or a report contradicted by better sources. The incident page says why.
          </li>
          <li>
            <strong>Nationality as sources state it.</strong> Victims are counted as Chinese nationals only where a source says so and later
            reporting does not correct it: the Saddar clinic victims, Pakistani-Canadian dual nationals of Chinese origin, are not.
          </li>
        </ol>
        <p>
          <strong>Why not the lowest figure?</strong> Counting the lowest any source gives (as this dashboard did until December 2026) kept
          the first, incomplete tolls: the lowest is often the earliest. Where no later account exists, the best figure is the one there
          is, and every figure and its source stay on the incident page.
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
          here beside what our incident records add up to for the same scope and period, by the best figures, counting incidents where Chinese
          interests were directly targeted (“direct links”; and, where it differs, with indirectly or disputedly targeted incidents too).
          In the periods these figures cover, every incident that harmed Chinese nationals was also directly targeted, so the two
          questions give the same counts. {comparable.length} of the {rows.length} figures can be compared; the rest cover all militant
          violence in Pakistan or count people present, and are kept as context. Differences are shown, not adjusted away.
        </p>
        <ReconciliationTable rows={rows} />
      </section>
    </article>
  );
}
