"use client";

import { useRouter } from "next/navigation";
import { startTransition } from "react";
import { DATABASE_UNAVAILABLE_DIGEST } from "@/lib/error-digests.ts";

// Shown when a page fails on the server. It never shows the error's message or stack (they
// can carry connection details); the digest says whether the database was unreachable, and
// otherwise lets an operator find the log entry.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  const outage = error.digest === DATABASE_UNAVAILABLE_DIGEST;
  // The failure happened on the server, so retrying means fetching the page again, not only re-rendering it.
  const retry = () => startTransition(() => { router.refresh(); reset(); });
  return (
    <div role="alert" className="notice">
      <h1>{outage ? "Data temporarily unavailable" : "Something went wrong"}</h1>
      <p>
        {outage
          ? "The incident database cannot be reached just now. Nothing is lost: try again in a moment."
          : "This page could not be shown. Try again; if it keeps failing, please report it with the reference below."}
      </p>
      {!outage && error.digest ? <p className="muted">Reference: {error.digest}</p> : null}
      <button type="button" onClick={retry}>Try again</button>
    </div>
  );
}
