import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { editorPageUser } from "@/lib/auth/guard.ts";
import { recentReports } from "@/lib/data/review.ts";
import { ReportForm } from "@/components/editors/report-form.tsx";
import { SignOutButton } from "@/components/editors/sign-out-button.tsx";
import styles from "@/components/editors/editors.module.css";

export const metadata: Metadata = { title: "Review a report", robots: { index: false } };

export default async function ReviewPage() {
  await connection();
  const editor = await editorPageUser("/review");
  const reports = await recentReports();
  return (
    <>
      <p className={styles.signedIn}>Signed in as <strong>{editor.name || editor.email}</strong> ({editor.role}) <SignOutButton /></p>
      <h1>Review a report</h1>
      <p className="lede">Hand in a new report: Corridor Watch reads it and proposes the incidents it describes, each fact with the words
        that state it, beside the incident on record. You then accept, correct or reject each fact.</p>
      <div className="panel"><ReportForm today={new Date().toISOString().slice(0, 10)} /></div>
      <h2>Recent reports</h2>
      {reports.length === 0 ? <p className="muted">No reports yet.</p> : (
        <div className="table-wrap">
          <table>
            <thead><tr><th>Report</th><th>Published</th><th>Added</th><th className="num">Candidates</th><th>Status</th></tr></thead>
            <tbody>
              {reports.map((r) => (
                <tr key={r.id}>
                  <td><Link href={`/review/${r.id}`}>{r.title ?? "Untitled report"}</Link>{r.publisher && <span className="muted"> · {r.publisher}</span>}</td>
                  <td>{r.publishedOn}</td>
                  <td>{r.createdAt.toISOString().slice(0, 16).replace("T", " ")} by {r.addedBy ?? "a removed account"}</td>
                  <td className="num">{r.candidates}</td>
                  <td>{r.accepted ? "facts accepted" : "not yet accepted"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
