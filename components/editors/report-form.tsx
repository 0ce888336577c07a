"use client";
// Hands a report to POST /api/reports (the same endpoint scripts use): pasted text as JSON, or
// a file as multipart. On success, opens the report's review.
import { useRouter } from "next/navigation";
import { useState } from "react";
import styles from "./editors.module.css";

type Problem = { field: string; message: string };

export function ReportForm({ today }: { today: string }) {
  const [mode, setMode] = useState<"paste" | "upload">("paste");
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const router = useRouter();

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const meta = { published: String(form.get("published") ?? ""), title: String(form.get("title") ?? ""), publisher: String(form.get("publisher") ?? ""), url: String(form.get("url") ?? "") };
    setBusy(true); setProblems(null); setMessage(null);
    try {
      let res: Response;
      if (mode === "paste") {
        const body = Object.fromEntries(Object.entries({ ...meta, text: String(form.get("text") ?? "") }).filter(([, v]) => v.trim() !== ""));
        res = await fetch("/api/reports", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      } else {
        const upload = new FormData();
        const file = form.get("file");
        if (file instanceof File && file.size > 0) upload.set("file", file);
        for (const [k, v] of Object.entries(meta)) if (v.trim()) upload.set(k, v);
        res = await fetch("/api/reports", { method: "POST", body: upload });
      }
      const json = await res.json().catch(() => ({})) as { id?: string; problems?: Problem[]; message?: string };
      if (res.status === 201 && json.id) { router.push(`/review/${json.id}`); return; }
      if (json.problems) setProblems(json.problems);
      else setMessage(json.message ?? `The report was not accepted (HTTP ${res.status}).`);
    } catch {
      setMessage("The server could not be reached.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className={styles.reportForm} onSubmit={submit} noValidate>
      <fieldset className={styles.decision} style={{ border: 0, padding: 0, margin: 0 }}>
        <legend className="muted" style={{ marginBottom: "0.25rem" }}>The report</legend>
        <label><input type="radio" name="mode" checked={mode === "paste"} onChange={() => setMode("paste")} /> Paste its text</label>
        <label><input type="radio" name="mode" checked={mode === "upload"} onChange={() => setMode("upload")} /> Upload a file (.txt, .html or .pdf, up to 5 MB)</label>
      </fieldset>
      {mode === "paste" ? (
        <div className={styles.field}>
          <label htmlFor="report-text">Report text</label>
          <textarea id="report-text" name="text" required />
        </div>
      ) : (
        <div className={styles.field}>
          <label htmlFor="report-file">File</label>
          <input id="report-file" name="file" type="file" accept=".txt,.html,.htm,.pdf,text/plain,text/html,application/pdf" required />
          <p className={styles.hint}>Its type is checked from its content. HTML is read for its text only; it is never shown as a web page.</p>
        </div>
      )}
      <div className={styles.grid2}>
        <div className={styles.field}>
          <label htmlFor="report-published">Published on</label>
          <input id="report-published" name="published" type="date" max={today} required />
        </div>
        <div className={styles.field}>
          <label htmlFor="report-title">Title</label>
          <input id="report-title" name="title" type="text" maxLength={500} />
        </div>
        <div className={styles.field}>
          <label htmlFor="report-publisher">Publisher</label>
          <input id="report-publisher" name="publisher" type="text" maxLength={200} />
        </div>
        <div className={styles.field}>
          <label htmlFor="report-url">URL</label>
          <input id="report-url" name="url" type="url" maxLength={2000} placeholder="https://" />
        </div>
      </div>
      {problems && (
        <div className={styles.error} role="alert">
          <p style={{ margin: 0 }}>The report was not accepted:</p>
          <ul style={{ margin: "0.25rem 0 0" }}>{problems.map((p, n) => <li key={n}><strong>{p.field}</strong> {p.message}</li>)}</ul>
        </div>
      )}
      {message && <p className={styles.error} role="alert">{message}</p>}
      <div className={styles.actions}>
        <button className="primary" type="submit" disabled={busy}>{busy ? "Reading…" : "Read the report"}</button>
        <span className={styles.hint}>Nothing enters the record until you accept facts on the next screen.</span>
      </div>
    </form>
  );
}
