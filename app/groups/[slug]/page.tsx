import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache, Suspense } from "react";
import { groupDetail, groupHeading, type Links } from "@/lib/data/groups.ts";
import { parseFilters } from "@/lib/filters.ts";
import { formatCount } from "@/lib/format.ts";
import { ATTRIBUTION_ROLES, MAX_SLUG_LENGTH, PERPETRATOR_KINDS, SLUG_PATTERN, type AttributionRole } from "@/lib/vocab.ts";
import { yearSpan } from "@/components/groups/group-card.tsx";
import { groupHref, incidentsHref } from "@/lib/links.ts";
import { GroupSkeleton } from "@/components/groups/group-skeleton.tsx";
import { GroupIncidentsTable } from "@/components/groups/group-incidents-table.tsx";
import { GroupYearChart } from "@/components/groups/group-year-chart.tsx";
import { LinksToggle } from "@/components/groups/links-toggle.tsx";
import { FilterProblems } from "@/components/filters/filter-problems.tsx";
import { OtherGroupsTable } from "@/components/groups/other-groups-table.tsx";
import { SumWithUnknown } from "@/components/groups/sum-with-unknown.tsx";
import { YearTable } from "@/components/groups/year-table.tsx";
import { RoleTag } from "@/components/incident/attribution-panel.tsx";
import styles from "@/components/groups/groups.module.css";

// No loading.tsx here on purpose: a route-level loading boundary starts streaming before the
// page runs, and a notFound() after that is served as HTTP 200. The existence check runs
// first, outside any boundary; the record then streams in behind a skeleton.

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };


// generateMetadata and the page need the same heading: one query per request.
const loadHeading = cache(async (slug: string) => {
  await connection(); // read the database at request time, never at build time
  return SLUG_PATTERN.test(slug) && slug.length <= MAX_SLUG_LENGTH ? groupHeading(slug) : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const heading = await loadHeading((await params).slug);
  return { title: heading ? heading.name : "Group not found" };
}

export default async function GroupPage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const g = await loadHeading(slug);
  if (!g) notFound();
  // Only `links` applies here, but a malformed parameter is named, as on every other page.
  const { filters: { links }, problems } = parseFilters(query);
  return (
    <>
      <p className="muted" style={{ margin: 0, fontSize: "0.9rem" }}><Link href="/groups">Groups</Link> › {g.shortName}</p>
      <h1>{g.name}{g.shortName !== g.name && <span className="muted"> ({g.shortName})</span>}</h1>
      <p className="lede">
        {PERPETRATOR_KINDS[g.kind]}
        {g.aliases.length > 0 && <> · also known as {g.aliases.join(", ")}</>}
        {g.description && <><br />{g.description}</>}
      </p>
      <FilterProblems problems={problems} />
      <LinksToggle links={links} path={`/groups/${slug}`} />
      <Suspense key={links} fallback={<GroupSkeleton />}>
        <GroupRecord id={g.id} links={links} />
      </Suspense>
    </>
  );
}

async function GroupRecord({ id, links }: { id: string; links: Links }) {
  const detail = await groupDetail(id, links);
  if (!detail) notFound(); // deleted between the two reads
  const { group: g, incidents, years, claimsByRole, otherGroups } = detail;
  const roles = Object.keys(ATTRIBUTION_ROLES) as AttributionRole[];
  const slug = g.id;
  const listHref = incidentsHref({ group: [g.id], links });

  return (
    <>
      <dl className={styles.stats} style={{ maxWidth: "36rem" }}>
        <div><dt>Incidents</dt><dd>{formatCount(g.incidents)}</dd></div>
        <div><dt>Chinese killed</dt><dd><SumWithUnknown value={g.chineseKilled} unknown={g.chineseKilledUnknown} /></dd></div>
        <div><dt>All killed</dt><dd><SumWithUnknown value={g.totalKilled} unknown={g.totalKilledUnknown} /></dd></div>
      </dl>
      <p className="muted">
        Years: {yearSpan(g.firstYear, g.lastYear)}.{" "}
        {g.incidents > 0 && <Link href={listHref}>Filter the incident list by {g.shortName}</Link>}
      </p>

      {g.incidents === 0 ? (
        <p className="notice">
          No {links === "direct" ? "directly linked " : ""}incident names this group.
          {links === "direct" && <> <Link href={groupHref(slug, { links: "all" })}>Include weakly linked incidents</Link>.</>}
        </p>
      ) : (
        <>
          <div className={styles.summaryGrid}>
            <section aria-labelledby="roles">
              <h2 id="roles">How sources link {g.shortName} to its incidents</h2>
              <div className="table-wrap" tabIndex={0}>
                <table>
                  <caption className="muted" style={{ textAlign: "left", padding: "0.5rem 0.65rem" }}>
                    Attribution roles: incidents with at least one such claim, and the number of claims
                  </caption>
                  <thead><tr><th scope="col">Role</th><th scope="col" className="num">Incidents</th><th scope="col" className="num">Claims</th></tr></thead>
                  <tbody>
                    {roles.map((r) => (
                      <tr key={r}>
                        <th scope="row" style={{ fontWeight: 400, background: "#fff", whiteSpace: "normal" }}><RoleTag role={r} wrap /></th>
                        <td className="num">{formatCount(g.byRole[r])}</td>
                        <td className="num">{formatCount(claimsByRole[r])}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {g.byRole.denied > 0 && (
                <p className="muted">
                  {g.shortName} denied involvement in {formatCount(g.byRole.denied)} of these incidents; each denial is listed beside the claims
                  {incidents.length < g.incidents ? " in its incident’s record" : " below"}.
                </p>
              )}
            </section>
            <section aria-labelledby="over-time">
              <h2 id="over-time">Casualties over time</h2>
              <div className={styles.chartPanel}>
                <GroupYearChart years={years} />
                <details>
                  <summary>Data table: deaths and incidents per year</summary>
                  <YearTable years={years} caption={`Incidents linked to ${g.shortName} per year, with counted deaths`} />
                </details>
              </div>
            </section>
          </div>

          <h2 id="incidents">Incidents ({formatCount(g.incidents)})</h2>
          <ListExtent shown={incidents.length} total={g.incidents} href={listHref} groupName={g.shortName} />
          <GroupIncidentsTable incidents={incidents} groupName={g.shortName} cut={incidents.length < g.incidents} />

          <h2 id="others">Other groups named for the same incidents</h2>
          {otherGroups.length ? (
            <OtherGroupsTable groups={otherGroups} groupName={g.shortName} />
          ) : (
            <p>No other group is named for any of these incidents.</p>
          )}
        </>
      )}
    </>
  );
}

/** Says in words whether the table below is the whole list or its most recent part, and where the rest is. */
function ListExtent({ shown, total, href, groupName }: { shown: number; total: number; href: string; groupName: string }) {
  return shown < total ? (
    <p className={styles.extent}>
      The {formatCount(shown)} most recent of {formatCount(total)} incidents, newest first.{" "}
      <Link href={href}>See all {formatCount(total)} in the incident list</Link>, where they can be sorted, filtered and exported.
    </p>
  ) : (
    <p className={styles.extent}>
      {total === 1 ? "The only incident." : `All ${formatCount(total)}, newest first.`}{" "}
      <Link href={href}>Open {total === 1 ? "it" : "them"} in the incident list</Link> to sort, filter or export {groupName}’s incidents.
    </p>
  );
}
