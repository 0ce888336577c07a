import Link from "next/link";

export default function NotFound() {
  return (
    <div>
      <h1>Not found</h1>
      <p>There is no page here. It may have been renamed, or the link may be mistyped.</p>
      <p><Link href="/incidents">Browse all incidents</Link> or go to the <Link href="/">overview</Link>.</p>
    </div>
  );
}
