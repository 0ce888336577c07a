import Link from "next/link";

export default function IncidentNotFound() {
  return (
    <div>
      <h1>Incident not found</h1>
      <p>No incident has this id. Incident ids look like <code>2024-03-26-besham-dasu-convoy</code>: the date, then the place and target.</p>
      <p><Link href="/incidents">Browse all incidents</Link> or go to the <Link href="/">overview</Link>.</p>
    </div>
  );
}
