"use client";
// Reviewing one report: its text with the evidence marked on one side; on the other, each
// candidate's facts beside the matched incident's current facts, differences marked, with a
// decision per fact (accept, correct, reject) and where to attach them. Accepting posts to
// POST /api/reports/<id>/accept, the same endpoint scripts use.
import Link from "next/link";
import { useMemo, useState } from "react";
import type { Candidate } from "@/lib/write/candidate.ts";
import type { RecordFacts } from "@/lib/data/review.ts";
import { ATTACK_TYPES, ATTRIBUTION_ROLES, CASUALTY_OUTCOMES, PROVINCES, VICTIM_GROUPS } from "@/lib/vocab.ts";
import { HighlightedText, type Span } from "./highlighted-text.tsx";
import styles from "./editors.module.css";

type Decision = "accept" | "correct" | "reject";
type FigureChoice = { decision: Decision; count: number };
type AttributionChoice = { decision: Decision; group: string; role: string };
type Problem = { field: string; message: string };
type Found = { id: string; date: string; city: string | null; province: string; target: string };

const DECISIONS = ["accept", "correct", "reject"] as const;

/** One fact's decision: accept, correct or reject. */
function DecisionRadios({ name, value, onChange }: { name: string; value: Decision; onChange: (d: Decision) => void }) {
  return DECISIONS.map((d) => (
    <label key={d}><input type="radio" name={name} checked={value === d} onChange={() => onChange(d)} /> {d}</label>
  ));
}

/** A state updater that changes row `n` of a list of choices and keeps the others. */
const withRow = <T,>(n: number, change: Partial<T>) => (rows: T[]): T[] => rows.map((x, k) => (k === n ? { ...x, ...change } : x));

const victimLabel = (v: string) => VICTIM_GROUPS[(v === "all" ? "all_victims" : v) as keyof typeof VICTIM_GROUPS] ?? v;
const figureText = (c: { count: number | null; low: number | null; high: number | null }) =>
  c.count !== null ? String(c.count) : c.low !== null ? (c.high !== null ? `${c.low}-${c.high}` : `${c.low}+`) : "unknown";

export function ReviewWorkspace({ reportId, text, candidates, matched, groups }: {
  reportId: string; text: string; candidates: Candidate[]; matched: Record<string, RecordFacts>; groups: { id: string; name: string }[];
}) {
  const [active, setActive] = useState(0);
  const [span, setSpan] = useState<string | null>(null);
  const c = candidates[active];
  const spans: Span[] = useMemo(() => c ? [
    ...c.figures.map((f, n) => ({ key: `f${n}`, start: f.evidence.start, end: f.evidence.end })),
    ...c.attributions.map((a, n) => ({ key: `a${n}`, start: a.evidence.start, end: a.evidence.end })),
    ...c.evidence.map((e, n) => ({ key: `e${n}`, start: e.start, end: e.end })),
  ] : [], [c]);

  function show(key: string) {
    setSpan(key);
    document.getElementById(`span-${key}`)?.scrollIntoView({ block: "center", behavior: "smooth" });
  }

  if (candidates.length === 0) {
    return <p className="panel">The reader found no incident in this report (no attack on Chinese nationals or Chinese-linked interests in Pakistan). Nothing to review.</p>;
  }
  return (
    <div className={styles.review}>
      <HighlightedText text={text} spans={spans} active={span} />
      <div>
        {candidates.length > 1 && (
          <div className={styles.decision} role="group" aria-label="Candidates in this report" style={{ marginBottom: "0.75rem" }}>
            {candidates.map((k, n) => (
              <button key={n} type="button" className={n === active ? "primary" : undefined} aria-pressed={n === active} onClick={() => { setActive(n); setSpan(null); }}>
                Candidate {n + 1}{k.kind === "mentioned" ? " (mentioned)" : ""}
              </button>
            ))}
          </div>
        )}
        <CandidateReview key={active} reportId={reportId} index={active} candidate={c} record={c.match ? matched[c.match.incidentId] ?? null : null} groups={groups} onShow={show} />
      </div>
    </div>
  );
}

function CandidateReview({ reportId, index, candidate: c, record, groups, onShow }: {
  reportId: string; index: number; candidate: Candidate; record: RecordFacts | null; groups: { id: string; name: string }[]; onShow: (key: string) => void;
}) {
  const [figures, setFigures] = useState<FigureChoice[]>(() => c.figures.map((f) => ({ decision: "reject", count: f.count })));
  const [attributions, setAttributions] = useState<AttributionChoice[]>(() => c.attributions.map((a) => ({ decision: "reject", group: a.group ?? "", role: a.role })));
  const [attach, setAttach] = useState<"matched" | "other" | "new">(record ? "matched" : "new");
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<Found[] | null>(null);
  const [other, setOther] = useState<string>("");
  const [summary, setSummary] = useState("");
  const [target, setTarget] = useState("");
  const [date, setDate] = useState(c.date ?? "");
  const [province, setProvince] = useState<string>(c.province ?? "");
  const [attackType, setAttackType] = useState<string>(c.attackType ?? "");
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const [done, setDone] = useState<{ incidentId: string; revision: number } | null>(null);
  const [busy, setBusy] = useState(false);

  const recordFigures = (outcome: string, victims: string) => record?.casualties.filter((r) => r.outcome === outcome && r.victimGroup === (victims === "all" ? "all_victims" : victims)) ?? [];
  const recordRoles = (group: string | null) => record?.attributions.filter((r) => r.group === group) ?? [];

  async function search() {
    const res = await fetch(`/api/incidents?links=all&pageSize=25&q=${encodeURIComponent(query)}`);
    const json = await res.json().catch(() => ({})) as { incidents?: Found[] };
    setFound(json.incidents ?? []);
  }

  async function submit() {
    setBusy(true); setProblems(null);
    const chosenF = figures.flatMap((f, n) => (f.decision === "reject" ? [] : [n]));
    const chosenA = attributions.flatMap((a, n) => (a.decision === "reject" ? [] : [n]));
    const corrections = {
      figures: Object.fromEntries(figures.flatMap((f, n) => (f.decision === "correct" ? [[String(n), { count: f.count }]] : []))),
      attributions: Object.fromEntries(attributions.flatMap((a, n) => (a.decision === "correct" ? [[String(n), { group: a.group, role: a.role }]] : []))),
    };
    const incidentId = attach === "matched" ? record!.id : attach === "other" ? other : null;
    const body: Record<string, unknown> = { candidate: index, incidentId, facts: { figures: chosenF, attributions: chosenA }, corrections };
    if (attach === "matched") body.revision = record!.revision;
    if (attach === "new") {
      body.incident = Object.fromEntries(Object.entries({ summary, target, date, province, attackType }).filter(([, v]) => v !== ""));
    }
    if (attach === "other" && !other) { setProblems([{ field: "incident", message: "search for the incident to attach these facts to, and choose it" }]); setBusy(false); return; }
    try {
      const res = await fetch(`/api/reports/${reportId}/accept`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      const json = await res.json().catch(() => ({})) as { incidentId?: string; revision?: number; problems?: Problem[]; message?: string };
      if (res.ok && json.incidentId) setDone({ incidentId: json.incidentId, revision: json.revision ?? 0 });
      else setProblems(json.problems ?? [{ field: `HTTP ${res.status}`, message: json.message ?? "the accept failed" }]);
    } catch {
      setProblems([{ field: "network", message: "the server could not be reached" }]);
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <div className={`panel ${styles.candidate}`}>
        <p className={styles.ok} role="status">Accepted into the record as revision {done.revision}.</p>
        <p><Link href={`/incidents/${done.incidentId}`}>Open the incident {done.incidentId}</Link> · <Link href="/changes">Recent changes</Link> · <Link href="/review">Review another report</Link></p>
      </div>
    );
  }

  const place = [c.city, c.province ? PROVINCES[c.province] : null].filter(Boolean).join(", ") || "place not found";
  return (
    <section className={`panel ${styles.candidate}`} aria-label={`Candidate ${index + 1}`}>
      <h3>{c.attackType ? ATTACK_TYPES[c.attackType] : "Attack type not found"}, {place}, {c.date ?? "date not found"}
        <span className="tag" style={{ marginLeft: "0.5rem" }}>{c.kind === "mentioned" ? "mentioned in passing" : "the report's main incident"}</span></h3>
      <p className="muted" style={{ margin: 0 }}>
        {record ? <>Matches <a href={`/incidents/${record.id}`}>{record.id}</a> on record (score {c.match!.score.toFixed(2)}; revision {record.revision}): {record.summary}</>
          : c.match ? <>Matched {c.match.incidentId}, which is no longer on record.</> : "No incident on record matches: it may be new."}
      </p>

      <h4 style={{ margin: "0.5rem 0 0" }}>Casualty figures</h4>
      {c.figures.length === 0 ? <p className="muted">None found.</p> : (
        <div className="table-wrap">
          <table className={styles.facts}>
            <thead><tr><th>Report says</th><th>On record</th><th>Decision</th></tr></thead>
            <tbody>
              {c.figures.map((f, n) => {
                const onRecord = recordFigures(f.outcome, f.victims);
                const differs = !!record && !onRecord.some((r) => r.count === f.count || r.low === f.count);
                return (
                  <tr key={n} className={differs ? styles.differs : undefined}>
                    <td>
                      <strong>{f.qualifier !== "exact" ? `${f.qualifier.replace("_", " ")} ` : ""}{f.count}</strong> {victimLabel(f.victims)} {CASUALTY_OUTCOMES[f.outcome].toLowerCase()}
                      {differs && <span className={styles.differsTag}>differs</span>}
                      <br /><button type="button" className={styles.quote} style={{ border: 0, background: "none", padding: 0, textAlign: "left" }} onClick={() => onShow(`f${n}`)}>“{f.evidence.quote}”</button>
                    </td>
                    <td>{!record ? "—" : onRecord.length === 0 ? <span className="muted">not on record</span> : onRecord.map((r, k) => <div key={k}>{figureText(r)}{r.counted ? "" : " (not counted)"} <span className="muted">· {r.source}</span></div>)}</td>
                    <td>
                      <div className={styles.decision}>
                        <DecisionRadios name={`f${index}-${n}`} value={figures[n].decision} onChange={(decision) => setFigures(withRow<FigureChoice>(n, { decision }))} />
                        {figures[n].decision === "correct" && (
                          <label>count <input type="number" min={0} max={100000} value={figures[n].count} aria-label={`Corrected count for figure ${n + 1}`}
                            onChange={(e) => setFigures(withRow<FigureChoice>(n, { count: Number(e.target.value) }))} /></label>
                        )}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <h4 style={{ margin: "0.5rem 0 0" }}>Who is held responsible</h4>
      {c.attributions.length === 0 ? <p className="muted">None found.</p> : (
        <div className="table-wrap">
          <table className={styles.facts}>
            <thead><tr><th>Report says</th><th>On record</th><th>Decision</th></tr></thead>
            <tbody>
              {c.attributions.map((a, n) => {
                const onRecord = recordRoles(a.group);
                const differs = !!record && !onRecord.some((r) => r.role === a.role);
                return (
                  <tr key={n} className={differs ? styles.differs : undefined}>
                    <td>
                      <strong>{a.name}</strong>{a.group ? "" : " (not a group on record)"}: {ATTRIBUTION_ROLES[a.role].toLowerCase()}
                      {differs && <span className={styles.differsTag}>differs</span>}
                      <br /><button type="button" className={styles.quote} style={{ border: 0, background: "none", padding: 0, textAlign: "left" }} onClick={() => onShow(`a${n}`)}>“{a.evidence.quote}”</button>
                    </td>
                    <td>{!record ? "—" : onRecord.length === 0 ? <span className="muted">not on record</span> : onRecord.map((r, k) => <div key={k}>{ATTRIBUTION_ROLES[r.role]} <span className="muted">· {r.source}</span></div>)}</td>
                    <td>
                      <div className={styles.decision}>
                        <DecisionRadios name={`a${index}-${n}`} value={attributions[n].decision} onChange={(decision) => setAttributions(withRow<AttributionChoice>(n, { decision }))} />
                      </div>
                      {attributions[n].decision === "correct" && (
                        <div className={styles.decision} style={{ marginTop: "0.25rem" }}>
                          <label>group <select value={attributions[n].group} aria-label={`Corrected group for attribution ${n + 1}`} onChange={(e) => setAttributions(withRow<AttributionChoice>(n, { group: e.target.value }))}>
                            <option value="">choose…</option>
                            {groups.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
                          </select></label>
                          <label>role <select value={attributions[n].role} aria-label={`Corrected role for attribution ${n + 1}`} onChange={(e) => setAttributions(withRow<AttributionChoice>(n, { role: e.target.value }))}>
                            {Object.entries(ATTRIBUTION_ROLES).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
                          </select></label>
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <fieldset className={styles.attach} style={{ border: "1px solid var(--line)", borderRadius: 6 }}>
        <legend>Attach the accepted facts to</legend>
        {record && <label><input type="radio" name={`attach-${index}`} checked={attach === "matched"} onChange={() => setAttach("matched")} /> the matched incident, {record.id}</label>}
        <label><input type="radio" name={`attach-${index}`} checked={attach === "other"} onChange={() => setAttach("other")} /> another incident on record</label>
        {attach === "other" && (
          <div className={styles.attach} style={{ paddingLeft: "1.5rem" }}>
            <div className={styles.actions}>
              <input type="text" value={query} onChange={(e) => setQuery(e.target.value)} aria-label="Search incidents" placeholder="city, target or id" style={{ maxWidth: "20rem" }} />
              <button type="button" onClick={search}>Search</button>
            </div>
            {found && (found.length === 0 ? <p className="muted">No incident matches.</p> : found.map((i) => (
              <label key={i.id}><input type="radio" name={`other-${index}`} checked={other === i.id} onChange={() => setOther(i.id)} /> {i.id}: {i.target}</label>
            )))}
          </div>
        )}
        <label><input type="radio" name={`attach-${index}`} checked={attach === "new"} onChange={() => setAttach("new")} /> a new incident</label>
        {attach === "new" && (
          <div className={styles.attach} style={{ paddingLeft: "1.5rem" }}>
            <label htmlFor={`summary-${index}`}>Summary, in your own words</label>
            <textarea id={`summary-${index}`} rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} />
            <label htmlFor={`target-${index}`}>Target</label>
            <input id={`target-${index}`} type="text" value={target} onChange={(e) => setTarget(e.target.value)} />
            <div className={styles.grid2}>
              <label>Date <input type="text" value={date} onChange={(e) => setDate(e.target.value)} placeholder="YYYY-MM-DD" aria-label="Date of the new incident" /></label>
              <label>Province <select value={province} onChange={(e) => setProvince(e.target.value)} aria-label="Province of the new incident">
                <option value="">choose…</option>{Object.entries(PROVINCES).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
              </select></label>
              <label>Attack type <select value={attackType} onChange={(e) => setAttackType(e.target.value)} aria-label="Attack type of the new incident">
                <option value="">choose…</option>{Object.entries(ATTACK_TYPES).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
              </select></label>
            </div>
          </div>
        )}
      </fieldset>

      {problems && (
        <div className={styles.error} role="alert">
          <p style={{ margin: 0 }}>Nothing was written:</p>
          <ul style={{ margin: "0.25rem 0 0" }}>{problems.map((p, n) => <li key={n}><strong>{p.field}</strong> {p.message}</li>)}</ul>
        </div>
      )}
      <div className={styles.actions}>
        <button className="primary" type="button" onClick={submit} disabled={busy}>{busy ? "Writing…" : "Accept the chosen facts"}</button>
        <span className={styles.hint}>One transaction: all of the chosen facts enter the record, or none.</span>
      </div>
    </section>
  );
}
