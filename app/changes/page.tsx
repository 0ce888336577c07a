import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { CHANGES_PAGE_SIZE, recentChanges } from "@/lib/data/history.ts";
import { RevisionList } from "@/components/editors/revision-list.tsx";

export const metadata: Metadata = { title: "Recent changes", alternates: { types: { "application/atom+xml": "/feed.xml" } } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ChangesPage({ searchParams }: Props) {
  await connection();
  const raw = (await searchParams).page;
  const asked = Number(Array.isArray(raw) ? raw[0] : raw ?? "1");
  const page = Number.isInteger(asked) && asked >= 1 && asked <= 10_000 ? asked : 1;
  const { revisions, hasMore, total } = await recentChanges(page);
  return (
    <>
      <h1>Recent changes</h1>
      <p className="lede">
        Every change to the record, newest first: what changed, who made it (an editor, or the command that loaded data), when and on
        which source. {total.toLocaleString("en-GB")} changes in all. Subscribe in a feed reader with the <a href="/feed.xml">Atom feed</a>,
        which takes the same filters as the other pages (for example <a href="/feed.xml?province=sindh">/feed.xml?province=sindh</a>).
      </p>
      {(raw !== undefined && page !== asked) && <p className="notice">The page number “{String(raw)}” is not valid; showing the first page.</p>}
      {revisions.length === 0
        ? <p className="panel">No changes {page > 1 ? "on this page" : "have been recorded yet"}.</p>
        : <div className="panel"><RevisionList revisions={revisions} showIncident /></div>}
      <nav aria-label="Pages of changes" style={{ display: "flex", gap: "1rem", marginTop: "1rem" }}>
        {page > 1 && <Link href={page === 2 ? "/changes" : `/changes?page=${page - 1}`}>← Newer</Link>}
        {hasMore && <Link href={`/changes?page=${page + 1}`}>Older →</Link>}
        <span className="muted">{CHANGES_PAGE_SIZE} a page</span>
      </nav>
    </>
  );
}
