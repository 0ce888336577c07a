/** A fixed vocabulary as the app uses it: the label from lib/vocab.ts beside what it means. */
export function VocabTable<K extends string>({ caption, vocab, meaning }: { caption: string; vocab: Record<K, string>; meaning: Record<K, string> }) {
  return (
    <div className="table-wrap" tabIndex={0} style={{ marginBottom: "1rem", maxWidth: "60rem" }}>
      <table>
        <caption className="muted" style={{ textAlign: "left", padding: "0.5rem 0.65rem" }}>{caption}</caption>
        <thead><tr><th scope="col">Value</th><th scope="col">Meaning</th></tr></thead>
        <tbody>
          {(Object.keys(vocab) as K[]).map((k) => (
            <tr key={k}>
              <th scope="row" style={{ whiteSpace: "normal", fontWeight: 600 }}>{vocab[k]}</th>
              <td>{meaning[k]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
