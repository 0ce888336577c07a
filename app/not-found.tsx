import Link from "next/link";
import { connection } from "next/server";

export default async function NotFound() {
  // Rendered per request, not prerendered at build: a static page carries no CSP nonce, so
  // the policy (proxy.ts) would block every one of its scripts.
  await connection();
  return (
    <div>
      <h1>Not found</h1>
      <p>There is no page here. It may have been renamed, or the link may be mistyped.</p>
      <p><Link href="/incidents">Browse all incidents</Link> or go to the <Link href="/">overview</Link>.</p>
    </div>
  );
}
