"use client";
// Posts to better-auth's own JSON endpoint (the one scripts use), then goes where it was sent from.
import { useState } from "react";
import styles from "./editors.module.css";

export function SignInForm({ next }: { next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const res = await fetch("/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: form.get("email"), password: form.get("password") }),
      });
      if (res.ok) { window.location.assign(next); return; }
      setError(res.status === 429
        ? "Too many attempts. Wait a minute, then try again."
        : res.status === 401 ? "The email or password is not right." : `Sign-in failed (HTTP ${res.status}).`);
    } catch {
      setError("The server could not be reached.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className={styles.form} onSubmit={submit} method="post" noValidate>
      <div className={styles.field}>
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required />
      </div>
      <div className={styles.field}>
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      {error && <p className={styles.error} role="alert">{error}</p>}
      <div className={styles.actions}><button className="primary" type="submit" disabled={busy}>{busy ? "Signing in…" : "Sign in"}</button></div>
    </form>
  );
}
