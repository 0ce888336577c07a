import Link from "next/link";

export default function GroupNotFound() {
  return (
    <div>
      <h1>Group not found</h1>
      <p>No group in the record has this name. Group pages use short slugs such as <code>bla</code> or <code>ttp</code>.</p>
      <p><Link href="/groups">See every group</Link> or go to the <Link href="/">overview</Link>.</p>
    </div>
  );
}
