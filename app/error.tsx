"use client";

// Shown when a page fails on the server. It never shows the error's message or stack:
// those can carry connection details; the digest lets an operator find the log entry.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="notice">
      <h1>Something went wrong</h1>
      <p>The data could not be loaded just now. This is usually temporary.</p>
      {error.digest ? <p className="muted">Reference: {error.digest}</p> : null}
      <button type="button" onClick={() => reset()}>Try again</button>
    </div>
  );
}
