import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Suspense } from "react";
import { groupSummaries, type Links } from "@/lib/data/groups.ts";
import { parseFilters } from "@/lib/filters.ts";
import { GroupCard } from "@/components/groups/group-card.tsx";
import { GroupsSkeleton } from "@/components/groups/groups-skeleton.tsx";
import { LinksToggle } from "@/components/groups/links-toggle.tsx";
import { FilterProblems } from "@/components/filters/filter-problems.tsx";
import styles from "@/components/groups/groups.module.css";

export const metadata: Metadata = { title: "Groups" };

// The skeleton is an in-page Suspense, not a loading.tsx: a loading.tsx here would also wrap
// /groups/[slug] and turn its notFound() into an HTTP 200.

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function GroupsPage({ searchParams }: Props) {
  // Only `links` applies here, but a malformed parameter is named, as on every other page.
  const { filters: { links }, problems } = parseFilters(await searchParams);
  return (
    <>
      <h1>Groups named for attacks</h1>
      <p className="lede">
        Every group a source links to an incident, whether the group claimed it, the authorities blamed it, someone alleged or suspected it, or the
        group denied it. A group is counted for an incident once, whatever its role; the role counts say how strong the link is.
        Deaths are the counted figures of those incidents (see <Link href="/methodology#counting">how figures are counted</Link>).
      </p>
      <FilterProblems problems={problems} />
      <LinksToggle links={links} path="/groups" />
      <Suspense key={links} fallback={<GroupsSkeleton />}>
        <GroupList links={links} />
      </Suspense>
    </>
  );
}

async function GroupList({ links }: { links: Links }) {
  await connection(); // read the database at request time, never at build time
  const groups = await groupSummaries(links);
  const active = groups.filter((g) => g.incidents > 0);
  const idle = groups.filter((g) => g.incidents === 0);
  return (
    <>
      <h2>Groups linked to incidents ({active.length})</h2>
      <ul className={styles.cards} aria-label="Groups with incidents">
        {active.map((g) => <GroupCard key={g.id} group={g} links={links} />)}
      </ul>
      {idle.length > 0 && (
        <>
          <h2>Groups without {links === "direct" ? "directly linked " : ""}incidents ({idle.length})</h2>
          <p className="muted">Named in the record{links === "direct" ? " (for instance only for weakly linked incidents)" : ""}, but with no incident counted here.</p>
          <ul className={styles.cards} aria-label="Groups without incidents">
            {idle.map((g) => <GroupCard key={g.id} group={g} links={links} />)}
          </ul>
        </>
      )}
    </>
  );
}
