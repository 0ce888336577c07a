// The heading and introduction sit above the route's loading boundary, so they are in the
// very first bytes of the response and paint at once; only what needs the database waits.
export default function IncidentsLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <h1>Incidents</h1>
      <p className="lede">
        Each attack on record, one row each. Open a row for its sources, every casualty claim and
        who claimed or was blamed for it. Sort by a column heading; export the whole filtered list as CSV.
      </p>
      {children}
    </>
  );
}
