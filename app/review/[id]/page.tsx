import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { editorPageUser } from "@/lib/auth/guard.ts";
import { reportForReview } from "@/lib/data/review.ts";
import { ReviewWorkspace } from "@/components/editors/review-workspace.tsx";
import styles from "@/components/editors/editors.module.css";

export const metadata: Metadata = { title: "Review", robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

export default async function ReviewReportPage({ params }: Props) {
  await connection();
  const { id } = await params;
  const editor = await editorPageUser(`/review/${encodeURIComponent(id)}`);
  const found = await reportForReview(id);
  if (!found) notFound();
  const { report, matched, groups } = found;
  return (
    <>
      <p className={styles.signedIn}><Link href="/review">← All reports</Link> Signed in as <strong>{editor.name || editor.email}</strong></p>
      <h1>{report.title ?? "Untitled report"}</h1>
      <p className="lede">
        {report.publisher ?? "Publisher not given"}, published {report.publishedOn}
        {report.url && <> · <a href={report.url} rel="noopener noreferrer">original</a></>} · added {report.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC
        by {report.addedBy ?? "a removed account"} · {report.text.length.toLocaleString("en-GB")} characters, sha256 <code>{report.sha256.slice(0, 12)}…</code>
      </p>
      {!report.candidatesValid && <p className="notice">The stored candidates are not in the reading library&apos;s shape; they cannot be reviewed.</p>}
      <ReviewWorkspace reportId={report.id} text={report.text} candidates={report.candidates} matched={matched} groups={groups} />
    </>
  );
}
